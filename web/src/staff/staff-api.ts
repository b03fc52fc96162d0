// The staff console's calls to /api/v1/staff and /api/v1/admin (see docs/staff-console.md).
import { allStaffRouteSpecs, type HttpMethod } from '@lumbung/core/staff/staff-access-table';
import { api, type LocalizedText } from '../api/client';

export interface MemberHit {
  readonly personId: number;
  readonly maskedName: string;
  readonly birthYear: number;
  readonly maskedKpjs: readonly string[];
  readonly region: string;
}

export interface VerificationState {
  readonly isVerified: boolean;
  readonly validUntil: string | null;
  readonly channel: Channel | null;
  readonly reason: string | null;
}

export type Channel = 'branch' | 'call_centre';
export type ItemResult = 'passed' | 'failed' | 'not_asked';

export interface MemberCardResponse {
  readonly member: MemberHit;
  readonly verification: VerificationState;
}

export interface VerificationInput {
  readonly channel: Channel;
  readonly reason: string;
  readonly idCardSeen?: boolean;
  readonly photoMatches?: boolean;
  readonly nik?: string;
  readonly birthDate?: string;
  readonly motherMaidenName?: string;
  readonly lastEmployer?: string;
  readonly phone?: string;
}

export interface VerificationResult {
  readonly verificationId: number;
  readonly outcome: 'passed' | 'failed';
  readonly items: Readonly<Record<string, ItemResult>>;
  readonly validUntil: string | null;
}

export interface ProgrammeBalance {
  readonly kpj: string;
  readonly programme: string;
  readonly amountRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly returnRupiah: number;
}

export interface Balances {
  readonly items: readonly ProgrammeBalance[];
  readonly totalRupiah: number;
}

export interface AuditEntry {
  readonly auditId: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly personId: number | null;
  readonly reason: string | null;
}

/** A help request in the member 360 (the queue and a thread are staff-ticket-api.ts). */
export interface MemberTicket {
  readonly ticketId: number;
  readonly number: string;
  readonly subject: string;
  readonly category: string;
  readonly status: 'open' | 'answered' | 'closed';
  readonly updatedAt: string;
}

/** The claims feature's summary of a claim on the member's KPJ or filed by them as an heir. */
export interface MemberClaim {
  readonly id: number;
  readonly number: string;
  readonly kpj: string;
  readonly programme: string;
  readonly reason: string;
  readonly status: string;
}

export interface MemberOverview {
  readonly profile: {
    readonly fullName: string;
    readonly maskedNik: string;
    readonly birthDate: string;
    readonly phone: string | null;
    readonly email: string | null;
    readonly address: string | null;
  };
  readonly accounts: readonly {
    readonly kpj: string;
    readonly segment: string;
    readonly status: string;
    readonly joinedOn: string;
    readonly employer: { readonly name: string } | null;
  }[];
  readonly mergedKpjs: readonly { readonly kpj: string; readonly mergedIntoKpj: string | null }[];
  readonly balances: Balances;
  readonly contributions: {
    readonly months: readonly {
      readonly kpj: string;
      readonly period: string;
      readonly employerName: string | null;
      readonly jhtRupiah: number;
      readonly jpRupiah: number;
      readonly isPosted: boolean;
    }[];
    readonly gaps: readonly { readonly kpj: string; readonly period: string }[];
  };
  readonly claims: { readonly items: readonly MemberClaim[] };
  readonly tickets: readonly MemberTicket[];
  readonly sms: {
    readonly links: readonly {
      readonly kpj: string;
      readonly phone: string;
      readonly linkedBy: string;
      readonly linkedAt: string;
    }[];
  };
  readonly signIn: {
    readonly hasAccount: boolean;
    readonly isDisabled: boolean;
    readonly isLocked: boolean;
    readonly lastSignInAt: string | null;
  };
  readonly accessTrail: readonly AuditEntry[];
  readonly verification: VerificationState;
}

/** Where a staff-started password-reset code went: the registered contact's channel, masked. */
export interface PasswordResetSent {
  readonly channel: 'sms' | 'email';
  readonly maskedDestination: string;
}

const member = (personId: number) => `/api/v1/staff/members/${personId}`;

export const staffApi = {
  search: (body: { nik?: string; kpj?: string; fullName?: string; birthDate?: string; reason: string }) =>
    api<{ results: MemberHit[] }>('/api/v1/staff/members/search', { method: 'POST', body }),
  card: (personId: number) => api<MemberCardResponse>(member(personId)),
  verify: (personId: number, body: VerificationInput) =>
    api<VerificationResult>(`${member(personId)}/verifications`, { method: 'POST', body }),
  overview: (personId: number) => api<MemberOverview>(`${member(personId)}/overview`),
  balances: (personId: number) => api<Balances>(`${member(personId)}/balances`),
  linkSms: (personId: number, body: { kpj: string; phone: string; reason: string }) =>
    api<{ isNew: boolean }>(`${member(personId)}/sms-link`, { method: 'POST', body }),
  unlinkSms: (personId: number, body: { phone: string; kpj?: string; reason: string }) =>
    api<{ unlinkedCount: number }>(`${member(personId)}/sms-unlink`, { method: 'POST', body }),
  passwordReset: (personId: number, reason: string) =>
    api<PasswordResetSent>(`${member(personId)}/password-reset`, { method: 'POST', body: { reason } }),
  updateContact: (
    personId: number,
    body: { phone?: string | null; email?: string | null; address?: string | null; reason: string },
  ) => api<{ changedFields: string[] }>(`${member(personId)}/contact`, { method: 'PUT', body }),
  mergeKpj: (personId: number, body: { fromKpj: string; intoKpj: string; reason: string }) =>
    api<{ movedRupiah: number; isNew: boolean }>(`${member(personId)}/merge-kpj`, { method: 'POST', body }),
  reissueCard: (personId: number, reason: string) =>
    api<{ issuedAt: string }>(`${member(personId)}/card-reissue`, { method: 'POST', body: { reason } }),
  auditLog: (filter: Record<string, string>) =>
    api<{ entries: AuditEntry[] }>(`/api/v1/admin/audit-log?${new URLSearchParams(filter).toString()}`),
  simulateSms: (from: string, text: string) =>
    api<{ replies: string[] }>('/api/v1/staff/sms/simulate', { method: 'POST', body: { from, text } }),
};

export const STAFF_ROLES = ['agent', 'branch_officer', 'claims_officer', 'admin'] as const;

/**
 * True when the core's role table (the one the server enforces) lets this role call the route, so the
 * console offers only the pages the signed-in role can use.
 */
export function mayCall(
  role: string,
  route: { readonly method: HttpMethod; readonly path: string },
): boolean {
  const spec = allStaffRouteSpecs().find(
    (candidate) => candidate.method === route.method && candidate.path === route.path,
  );
  return spec ? (spec.roles as readonly string[]).includes(role) : false;
}

export interface StaffUser {
  readonly userId: number;
  readonly role: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly status: 'active' | 'disabled';
  readonly createdAt: string;
}

export interface CreatedStaffUser {
  readonly user: StaffUser;
  readonly totpSecret: string;
  readonly otpauthUri: string;
  readonly initialPassword: string;
}

export interface NewsSummary {
  readonly id: number;
  readonly title: LocalizedText;
  readonly excerpt: LocalizedText;
  readonly publishedAt: string;
}

export interface NewsInput {
  readonly titleId: string;
  readonly titleEn: string;
  readonly bodyId: string;
  readonly bodyEn: string;
}

export interface RuleRowView {
  readonly value: unknown;
  readonly valueText: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly regulation: string;
  readonly article: string;
  readonly source: 'core' | 'override';
}

export interface RuleTableView {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly RuleRowView[];
  readonly issues: readonly { readonly kind: string; readonly rowIndex: number; readonly detail: string }[];
}

export interface RuleTables {
  readonly tables: readonly RuleTableView[];
  /** Whether calculations read the override rows; absent while the server does not say. */
  readonly calculationsUseOverrides?: boolean;
}

export interface NewRuleRow {
  readonly value: unknown;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly regulation: string;
  readonly article: string;
  readonly note?: string | null;
}

export interface JhtReturnProgress {
  readonly year: number;
  readonly rateBasisPoints: number;
  readonly status: 'declared' | 'running' | 'completed';
  readonly accountsTotal: number | null;
  readonly accountsDone: number;
  readonly amountCreditedRupiah: number;
}

export interface EmployerInArrears {
  readonly employerId: number;
  readonly npp: string;
  readonly name: string;
  readonly workers: number;
  readonly months: number;
  readonly oldestPeriod: string;
  readonly shortfallRupiah: number;
  readonly penaltyRupiah: number;
}

export interface ArrearsRanking {
  readonly items: readonly EmployerInArrears[];
  readonly page: number;
  readonly pageSize: number;
}

export const adminApi = {
  staffUsers: () => api<{ users: StaffUser[] }>('/api/v1/admin/staff-users'),
  createStaffUser: (body: { email: string; displayName: string; role: string; language: 'id' | 'en' }) =>
    api<CreatedStaffUser>('/api/v1/admin/staff-users', { method: 'POST', body }),
  disableStaffUser: (userId: number) =>
    api<{ endedSessions: number }>(`/api/v1/admin/staff-users/${userId}/disable`, { method: 'POST' }),
  news: () => api<{ items: NewsSummary[] }>('/api/v1/news'),
  publishNews: (body: NewsInput) =>
    api<{ id: number; publishedAt: string }>('/api/v1/admin/news', { method: 'POST', body }),
  ruleTables: () => api<RuleTables>('/api/v1/admin/rule-tables'),
  addRuleRow: (tableId: string, body: NewRuleRow) =>
    api<RuleTableView>(`/api/v1/admin/rule-tables/${encodeURIComponent(tableId)}/rows`, {
      method: 'POST',
      body,
    }),
  declareJhtReturn: (body: { year: number; rateBasisPoints: number }) =>
    api<{ year: number }>('/api/v1/admin/jht-returns', { method: 'POST', body }),
  /** Runs inline today, may enqueue a job later: the page reads progress from jhtReturnProgress either way. */
  runJhtReturn: (year: number) => api<unknown>(`/api/v1/admin/jht-returns/${year}/run`, { method: 'POST' }),
  jhtReturnProgress: (year: number) => api<JhtReturnProgress>(`/api/v1/admin/jht-returns/${year}`),
  arrears: (page: number) =>
    api<ArrearsRanking>(`/api/v1/staff/arrears?${new URLSearchParams({ page: String(page) }).toString()}`),
};
