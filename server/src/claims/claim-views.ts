// What a claimant and an officer see of a claim: a summary for lists, the detail with documents, the
// masked payout account, the missing documents and the timeline. The claimant's view leaves out the
// officers' internal notes and bank references; it shows the reason code and its text.
import {
  CLAIM_REJECTION_REASONS,
  missingClaimDocuments,
  type ClaimReason,
  type ClaimRejectionReason,
  type ClaimScheduleMonth,
  type Message,
} from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { claimsOf } from './claim-heir-service';
import { claimTimeline, type ClaimAudience, type ClaimEventView, type ClaimRow } from './claim-store';

export interface ClaimSummary {
  readonly id: number;
  readonly number: string;
  readonly kpj: string;
  readonly programme: string;
  readonly reason: string;
  readonly status: string;
  readonly grossRupiah: number;
  readonly taxRupiah: number;
  readonly netRupiah: number;
  readonly monthlyRupiah: number | null;
  /** The months of a periodic benefit the one payout covers (JKP, a JP pension's first month). */
  readonly schedule: readonly ClaimScheduleMonth[];
  readonly payFrom: string;
  readonly needsBranchVerification: boolean;
  readonly eventDate: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly paidAt: string | null;
  readonly rejection: {
    readonly code: string;
    readonly message: Message;
    /** The officer's note: for staff only, null for the claimant. */
    readonly note: string | null;
  } | null;
}

export interface ClaimDocumentView {
  readonly id: number;
  readonly type: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

export interface ClaimDetail extends ClaimSummary {
  readonly regulation: Message;
  readonly requiredDocuments: readonly string[];
  readonly missingDocuments: readonly string[];
  /** The current documents (an upload of the same type replaces the earlier one). */
  readonly documents: readonly ClaimDocumentView[];
  readonly payoutAccount: { readonly bankCode: string; readonly accountMasked: string } | null;
  readonly timeline: readonly ClaimEventView[];
}

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export function claimSummary(row: ClaimRow, kpj: string, audience: ClaimAudience): ClaimSummary {
  const code = row.rejection_reason;
  return {
    id: row.claim_id,
    number: row.number,
    kpj,
    programme: row.programme,
    reason: row.reason,
    status: row.status,
    grossRupiah: row.gross_amount,
    taxRupiah: row.tax_amount,
    netRupiah: row.net_amount,
    monthlyRupiah: row.monthly_amount,
    schedule: row.schedule,
    payFrom: row.pay_from,
    needsBranchVerification: row.needs_branch_verification,
    eventDate: row.event_date,
    createdAt: new Date(row.created_at).toISOString(),
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    paidAt: iso(row.paid_at),
    rejection:
      code === null
        ? null
        : {
            code,
            message: CLAIM_REJECTION_REASONS[code as ClaimRejectionReason] ?? CLAIM_REJECTION_REASONS.other,
            note: audience === 'staff' ? row.rejection_note : null,
          },
  };
}

export async function listClaimDocuments(db: Kysely<DB>, claimId: number): Promise<ClaimDocumentView[]> {
  const rows = await db
    .selectFrom('claim_documents')
    .select(['document_id', 'doc_type', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('claim_id', '=', claimId)
    .where('replaced_at', 'is', null)
    .orderBy('document_id')
    .execute();
  return rows.map((row) => ({
    id: row.document_id,
    type: row.doc_type,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
  }));
}

export async function claimDetail(
  db: Kysely<DB>,
  row: ClaimRow,
  audience: ClaimAudience,
): Promise<ClaimDetail> {
  const account = await db
    .selectFrom('member_accounts')
    .select('kpj')
    .where('account_id', '=', row.account_id)
    .executeTakeFirstOrThrow();
  const documents = await listClaimDocuments(db, row.claim_id);
  const payout = await db
    .selectFrom('claim_payout_accounts')
    .select(['bank_code', 'account_last4'])
    .where('claim_id', '=', row.claim_id)
    .executeTakeFirst();
  return {
    ...claimSummary(row, account.kpj, audience),
    regulation: row.regulation,
    requiredDocuments: row.required_documents,
    missingDocuments: missingClaimDocuments(
      row.programme,
      row.reason as ClaimReason,
      documents.map((document) => document.type),
    ),
    documents,
    payoutAccount: payout
      ? { bankCode: payout.bank_code, accountMasked: `••••${payout.account_last4}` }
      : null,
    timeline: await claimTimeline(db, row.claim_id, audience),
  };
}

/** The claims a signed-in person follows, newest first, with each KPJ (their view). */
export async function listMemberClaims(db: Kysely<DB>, personId: number): Promise<ClaimSummary[]> {
  const rows = await claimsOf(db, personId)
    .innerJoin('member_accounts', 'member_accounts.account_id', 'claims.account_id')
    .selectAll('claims')
    .select('member_accounts.kpj')
    .orderBy('claims.claim_id', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => claimSummary(row, row.kpj, 'claimant'));
}

/** For the member 360: claims on the person's accounts and those they filed as an heir, newest first. */
export async function listPersonClaimsForStaff(
  db: Kysely<DB>,
  personId: number,
  limit = 50,
): Promise<ClaimSummary[]> {
  const rows = await db
    .selectFrom('claims')
    .innerJoin('member_accounts', 'member_accounts.account_id', 'claims.account_id')
    .selectAll('claims')
    .select('member_accounts.kpj')
    .where((eb) =>
      eb.or([eb('claims.person_id', '=', personId), eb('claims.claimant_person_id', '=', personId)]),
    )
    .orderBy('claims.claim_id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 100))
    .execute();
  return rows.map((row) => claimSummary(row, row.kpj, 'staff'));
}
