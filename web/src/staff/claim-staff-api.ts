// The claims officer's calls to /api/v1/staff/claims (docs/claims.md).
import { api } from '../api/client';
import type { ClaimDetail, ClaimSummary } from '../pages/member/claim-api';

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

export interface StaffClaim extends ClaimDetail {
  readonly memberName: string;
  readonly personId: number;
  readonly payoutHolderName: string | null;
  readonly ageing: ClaimAgeing | null;
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
  importBankResult: (file: Blob) =>
    api<{ paid: number; failed: number; unchanged: number; isDuplicate: boolean }>(`${base}/bank-results`, {
      method: 'POST',
      rawBody: new Blob([file], { type: 'text/csv' }),
    }),
};
