// The member's claim calls (/api/v1/me/claims, docs/claims.md) and their shapes.
import { api } from '../../api/client';

export type ClaimProgramme = 'JHT' | 'JP' | 'JKK' | 'JKM' | 'JKP';

export interface ClaimOption {
  readonly kpj: string;
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly isEligible: boolean;
  readonly grossRupiah: number | null;
  readonly taxRupiah: number | null;
  readonly netRupiah: number | null;
  readonly isBranchVerificationRequired: boolean;
  readonly eligibleFrom: string | null;
  readonly requiredDocuments: readonly string[];
  readonly code: string | null;
  readonly message: { readonly id: string; readonly en: string } | null;
}

export interface ClaimAssessment {
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly grossRupiah: number;
  readonly taxRupiah: number;
  readonly netRupiah: number;
  readonly monthlyRupiah: number | null;
  readonly maxRupiah: number | null;
  readonly onlineLimitRupiah: number;
  readonly isBranchVerificationRequired: boolean;
  readonly eligibleFrom: string;
  readonly regulation: string;
  readonly requiredDocuments: readonly string[];
}

export interface ClaimEvent {
  readonly status: string;
  readonly fromStatus: string | null;
  readonly at: string;
  readonly by: 'member' | 'staff' | 'system';
  readonly reasonCode: string | null;
  readonly note: string | null;
}

export interface ClaimDocument {
  readonly id: number;
  readonly type: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

export interface ClaimSummary {
  readonly id: number;
  readonly number: string;
  readonly kpj: string;
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly status: string;
  readonly grossRupiah: number;
  readonly taxRupiah: number;
  readonly netRupiah: number;
  readonly monthlyRupiah: number | null;
  readonly needsBranchVerification: boolean;
  readonly eventDate: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly paidAt: string | null;
  readonly rejection: {
    readonly code: string;
    readonly message: { readonly id: string; readonly en: string };
    readonly note: string | null;
  } | null;
}

export interface ClaimDetail extends ClaimSummary {
  readonly regulation: string;
  readonly requiredDocuments: readonly string[];
  readonly missingDocuments: readonly string[];
  readonly documents: readonly ClaimDocument[];
  readonly payoutAccount: { readonly bankCode: string; readonly accountMasked: string } | null;
  readonly timeline: readonly ClaimEvent[];
}

export interface ClaimRequest {
  readonly kpj: string;
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly eventDate?: string;
  readonly requestedRupiah?: number;
  readonly incapacityMonths?: number;
  /** An heir's claim for a deceased member. */
  readonly deceased?: { readonly kpj: string; readonly nik: string };
}

export const claimApi = {
  options: () => api<{ options: ClaimOption[]; asOf: string }>('/api/v1/me/claims/options'),
  list: () => api<{ claims: ClaimSummary[] }>('/api/v1/me/claims'),
  get: (id: number) => api<ClaimDetail>(`/api/v1/me/claims/${id}`),
  check: (request: ClaimRequest) =>
    api<ClaimAssessment>('/api/v1/me/claims/check', { method: 'POST', body: request }),
  open: (request: ClaimRequest & { idempotencyKey: string }) =>
    api<ClaimDetail>('/api/v1/me/claims', { method: 'POST', body: request }),
  upload: (id: number, type: string, file: File) =>
    api<ClaimDocument>(
      `/api/v1/me/claims/${id}/documents?type=${encodeURIComponent(type)}&fileName=${encodeURIComponent(file.name)}`,
      { method: 'POST', rawBody: file },
    ),
  setPayoutAccount: (id: number, body: { bankCode: string; accountNumber: string; holderName: string }) =>
    api<{ bankCode: string; accountMasked: string }>(`/api/v1/me/claims/${id}/payout-account`, {
      method: 'PUT',
      body,
    }),
  submit: (id: number) => api<ClaimDetail>(`/api/v1/me/claims/${id}/submit`, { method: 'POST' }),
  cancel: (id: number) => api<ClaimDetail>(`/api/v1/me/claims/${id}/cancel`, { method: 'POST' }),
};

/** Banks most members use, by their 3-digit code. */
export const BANKS: readonly { code: string; name: string }[] = [
  { code: '002', name: 'BRI' },
  { code: '008', name: 'Bank Mandiri' },
  { code: '009', name: 'BNI' },
  { code: '014', name: 'BCA' },
  { code: '200', name: 'BTN' },
  { code: '451', name: 'BSI' },
  { code: '022', name: 'CIMB Niaga' },
  { code: '011', name: 'Danamon' },
];

/** Reasons that need the date of the event from the claimant. */
export const NEEDS_EVENT_DATE = new Set([
  'JHT:leaving_indonesia',
  'JHT:total_disability',
  'JHT:death',
  'JP:total_disability',
  'JP:death',
  'JKK:temporary_incapacity',
  'JKK:work_disability',
  'JKK:work_death',
  'JKM:death',
]);
