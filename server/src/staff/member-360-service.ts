// The member 360 a verified staff member sees: profile and contacts, every KPJ, balances per programme,
// contribution history with gaps, claims, tickets, SMS link, sign-in status, and who looked at the
// member. Each part comes from the feature that owns it; this file only puts them side by side.
import { maskNik } from '@lumbung/core/identity/nik';
import { listPersonClaimsForStaff, type ClaimSummary } from '../claims/claim-views';
import { listMemberAccounts, type MemberAccount } from '../portal/member-accounts';
import { getPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';
import { memberAccessTrail, type AuditLogEntry } from './audit-log-service';
import {
  memberBalances,
  memberContributions,
  type MemberBalances,
  type MemberContributions,
} from './member-ledger-view';
import { smsLinkStatus, type SmsLinkStatus } from './member-sms-view';

export interface MemberProfileView {
  readonly personId: number;
  readonly fullName: string;
  readonly maskedNik: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly language: 'id' | 'en';
}

export interface SignInStatus {
  readonly hasAccount: boolean;
  readonly isDisabled: boolean;
  readonly isLocked: boolean;
  readonly lastSignInAt: string | null;
  readonly hasAuthenticatorApp: boolean;
}

export interface TicketSummary {
  readonly ticketId: number;
  readonly number: string;
  readonly subject: string;
  readonly category: string;
  readonly status: 'open' | 'answered' | 'closed';
  readonly updatedAt: string;
}

export interface MemberOverview {
  readonly profile: MemberProfileView;
  readonly accounts: readonly MemberAccount[];
  readonly mergedKpjs: readonly { readonly kpj: string; readonly mergedIntoKpj: string | null }[];
  readonly balances: MemberBalances;
  readonly contributions: MemberContributions;
  /** Claims on the member's KPJ and those they filed as an heir (note is kept null for the web app). */
  readonly claims: { readonly items: readonly ClaimSummary[]; readonly note: null };
  readonly tickets: readonly TicketSummary[];
  readonly sms: SmsLinkStatus;
  readonly signIn: SignInStatus;
  readonly accessTrail: readonly AuditLogEntry[];
}

export async function memberProfile(ctx: ServiceContext, personId: number): Promise<MemberProfileView> {
  const person = await getPerson(ctx.db, ctx.pii, personId);
  return {
    personId,
    fullName: person.fullName,
    maskedNik: maskNik(person.nik),
    birthDate: person.birthDate,
    sex: person.sex,
    phone: person.phone,
    email: person.email,
    address: person.address,
    language: person.preferredLanguage,
  };
}

export async function signInStatus(ctx: ServiceContext, personId: number): Promise<SignInStatus> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['user_id', 'status', 'totp_enabled', 'phone_index', 'email_index'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!user)
    return {
      hasAccount: false,
      isDisabled: false,
      isLocked: false,
      lastSignInAt: null,
      hasAuthenticatorApp: false,
    };
  const last = await ctx.db
    .selectFrom('sign_in_events')
    .select('at')
    .where('user_id', '=', user.user_id)
    .where('outcome', '=', 'signed_in')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Lockouts are keyed by the identifier's blind index (identity/identifier.ts): phone or e-mail.
  const lockKeys = [
    user.phone_index ? `phone:${user.phone_index}` : null,
    user.email_index ? `email:${user.email_index}` : null,
  ].filter((key): key is string => key !== null);
  const locked =
    lockKeys.length > 0
      ? await ctx.db
          .selectFrom('lockouts')
          .select('lock_key')
          .where('lock_key', 'in', lockKeys)
          .where('locked_until', '>', ctx.clock.now())
          .executeTakeFirst()
      : undefined;
  return {
    hasAccount: true,
    isDisabled: user.status === 'disabled',
    isLocked: locked !== undefined,
    lastSignInAt: last ? new Date(last.at).toISOString() : null,
    hasAuthenticatorApp: user.totp_enabled,
  };
}

export async function memberTickets(ctx: ServiceContext, personId: number): Promise<TicketSummary[]> {
  const rows = await ctx.db
    .selectFrom('tickets')
    .select(['ticket_id', 'number', 'subject', 'category', 'status', 'updated_at'])
    .where('person_id', '=', personId)
    .orderBy('ticket_id', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    status: row.status,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

async function mergedKpjs(ctx: ServiceContext, personId: number): Promise<MemberOverview['mergedKpjs']> {
  const rows = await ctx.db
    .selectFrom('member_accounts as merged')
    .leftJoin('member_accounts as kept', 'kept.account_id', 'merged.merged_into_account_id')
    .select(['merged.kpj as kpj', 'kept.kpj as mergedIntoKpj'])
    .where('merged.person_id', '=', personId)
    .where('merged.status', '=', 'merged')
    .execute();
  return rows;
}

/** The claims feature's own summary of each claim (the officer's view: notes included). */
async function memberClaims(ctx: ServiceContext, personId: number): Promise<MemberOverview['claims']> {
  return { items: await listPersonClaimsForStaff(ctx.db, personId), note: null };
}

export async function memberOverview(ctx: ServiceContext, personId: number): Promise<MemberOverview> {
  return {
    profile: await memberProfile(ctx, personId),
    accounts: await listMemberAccounts(ctx, personId),
    mergedKpjs: await mergedKpjs(ctx, personId),
    balances: await memberBalances(ctx, personId),
    contributions: await memberContributions(ctx, personId),
    claims: await memberClaims(ctx, personId),
    tickets: await memberTickets(ctx, personId),
    sms: await smsLinkStatus(ctx, personId),
    signIn: await signInStatus(ctx, personId),
    accessTrail: await memberAccessTrail(ctx, personId),
  };
}
