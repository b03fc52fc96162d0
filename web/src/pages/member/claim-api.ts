// The member's claim calls (/api/v1/me/claims, docs/claims.md) and their shapes.
import { api } from '../../api/client';

export type ClaimProgramme = 'JHT' | 'JP' | 'JKK' | 'JKM' | 'JKP';

/** A text the API gives in both languages (a reason's message, a regulation's citation). */
export interface BilingualText {
  readonly id: string;
  readonly en: string;
}

/** One month of a periodic benefit the claim's one payout covers (JKP, a pension's first month). */
export interface ClaimScheduleMonth {
  readonly month: number;
  readonly amountRupiah: number;
}

export interface ClaimOption {
  readonly kpj: string;
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly isEligible: boolean;
  readonly grossRupiah: number | null;
  readonly taxRupiah: number | null;
  readonly netRupiah: number | null;
  readonly isBranchVerificationRequired: boolean;
  /** The online-only limit in force: above it the claim is verified at a branch first. */
  readonly onlineLimitRupiah: number;
  /** The wizard asks for the event date (death, accident, departure, disability certificate). */
  readonly isEventDateRequired: boolean;
  /** Only a listed heir files this reason, from the heir's form. */
  readonly isHeirOnly: boolean;
  readonly monthlyRupiah: number | null;
  readonly schedule: readonly ClaimScheduleMonth[];
  readonly eligibleFrom: string | null;
  readonly requiredDocuments: readonly string[];
  readonly code: string | null;
  readonly message: BilingualText | null;
}

export interface ClaimAssessment {
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly grossRupiah: number;
  readonly taxRupiah: number;
  readonly netRupiah: number;
  readonly monthlyRupiah: number | null;
  readonly schedule: readonly ClaimScheduleMonth[];
  readonly maxRupiah: number | null;
  readonly onlineLimitRupiah: number;
  readonly isBranchVerificationRequired: boolean;
  readonly eligibleFrom: string;
  readonly regulation: BilingualText;
  readonly requiredDocuments: readonly string[];
}

export interface ClaimEvent {
  readonly status: string;
  readonly fromStatus: string | null;
  readonly at: string;
  readonly by: 'member' | 'staff' | 'system';
  readonly reasonCode: string | null;
  /** The officer's note or bank reference: sent to staff only (null in the member's view). */
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
  readonly schedule: readonly ClaimScheduleMonth[];
  readonly needsBranchVerification: boolean;
  readonly eventDate: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly paidAt: string | null;
  readonly rejection: {
    readonly code: string;
    readonly message: BilingualText;
    /** The officer's note: staff only (null in the member's view). */
    readonly note: string | null;
  } | null;
}

export interface ClaimDetail extends ClaimSummary {
  readonly regulation: BilingualText;
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
  /** A file for a type already uploaded replaces it (only 'other' documents are added beside). */
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
