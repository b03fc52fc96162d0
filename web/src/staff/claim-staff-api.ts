// The claims officer's calls to /api/v1/staff/claims (docs/claims.md).
import { api } from '../api/client';
import type { ClaimDetail, ClaimProgramme, ClaimSummary } from '../pages/member/claim-api';

export interface ClaimAgeing {
  readonly workingDaysOpen: number;
  readonly dueOn: string;
  readonly isOverdue: boolean;
  readonly workingDaysLeft: number;
}

export interface QueueItem extends ClaimSummary {
  readonly memberName: string;
  readonly ageing: ClaimAgeing | null;
}

/** What this officer may do with the claim now: the route table's roles and the claim's status. */
export interface ClaimActions {
  readonly branchVerify: boolean;
  readonly approve: boolean;
  readonly reject: boolean;
  readonly pay: boolean;
}

export interface StaffClaim extends ClaimDetail {
  readonly memberName: string;
  readonly personId: number;
  readonly payoutHolderName: string | null;
  readonly ageing: ClaimAgeing | null;
  /** The bank payment file the claim waits in, if any. */
  readonly paymentBatchId: number | null;
  readonly actions: ClaimActions;
}

export interface PaymentFile {
  readonly batchId: number;
  readonly createdAt: string;
  readonly claimCount: number;
  readonly totalRupiah: number;
  readonly sha256: string;
  readonly paidCount: number;
  readonly awaitingCount: number;
  readonly returnedCount: number;
  readonly downloadUrl: string;
}

export interface BankResultImport {
  readonly paid: number;
  readonly failed: number;
  readonly unchanged: number;
  /** Lines that could not be applied (e.g. a paid line for a rejected claim): an officer looks at these. */
  readonly exceptions: readonly {
    readonly reference: string;
    readonly status: string;
    readonly code: string;
  }[];
  readonly isDuplicate: boolean;
}

export type Checklist = Record<
  'identityMatches' | 'documentsComplete' | 'eligibilityConfirmed' | 'bankAccountMatches',
  boolean
>;

export const CHECKLIST_ITEMS = [
  'identityMatches',
  'documentsComplete',
  'eligibilityConfirmed',
  'bankAccountMatches',
] as const;
export const REJECTION_CODES = [
  'documents_incomplete',
  'documents_unreadable',
  'identity_mismatch',
  'bank_account_invalid',
  'not_eligible',
  'duplicate_claim',
  'other',
] as const;
export const QUEUE_STATUSES = ['branch_verification', 'submitted', 'approved', 'payment_failed'] as const;

const base = '/api/v1/staff/claims';

/** What a desk officer opens on a member's behalf (the member's own claim; death claims are the heirs'). */
export interface StaffClaimStart {
  readonly claim: {
    readonly kpj: string;
    readonly programme: ClaimProgramme;
    readonly reason: string;
    readonly eventDate?: string;
  };
  readonly idempotencyKey: string;
  readonly reason: string;
}

export const claimStaffApi = {
  queue: (status: string | null) =>
    api<{ claims: QueueItem[] }>(status ? `${base}?status=${encodeURIComponent(status)}` : base),
  get: (id: number) => api<StaffClaim>(`${base}/${id}`),
  documentUrl: (id: number, documentId: number) => `${base}/${id}/documents/${documentId}`,
  branchVerify: (id: number, note: string | null) =>
    api<ClaimDetail>(`${base}/${id}/branch-verification`, { method: 'POST', body: { note } }),
  approve: (id: number, checklist: Checklist, note: string | null) =>
    api<ClaimDetail>(`${base}/${id}/approve`, { method: 'POST', body: { checklist, note } }),
  reject: (id: number, reasonCode: string, note: string | null) =>
    api<ClaimDetail>(`${base}/${id}/reject`, { method: 'POST', body: { reasonCode, note } }),
  pay: (id: number, bankReference: string | null) =>
    api<ClaimDetail & { isDuplicate: boolean }>(`${base}/${id}/payment`, {
      method: 'POST',
      body: { bankReference },
    }),
  createPaymentFile: () =>
    api<{ batch: { batchId: number; claimCount: number; totalRupiah: number; downloadUrl: string } | null }>(
      `${base}/payment-files`,
      { method: 'POST' },
    ),
  startForMember: (personId: number, body: StaffClaimStart) =>
    api<ClaimDetail>(`/api/v1/staff/members/${personId}/claims`, { method: 'POST', body }),
  paymentFiles: () => api<{ batches: PaymentFile[] }>(`${base}/payment-files`),
  importBankResult: (file: Blob) =>
    api<BankResultImport>(`${base}/bank-results`, {
      method: 'POST',
      rawBody: new Blob([file], { type: 'text/csv' }),
    }),
};
