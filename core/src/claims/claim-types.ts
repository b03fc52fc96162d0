// Claims as data: the programmes and reasons a member may claim for, the documents each reason needs,
// the statuses a claim moves through, and the reason codes an officer gives when refusing one.

export const CLAIM_PROGRAMMES = ['JHT', 'JP', 'JKK', 'JKM', 'JKP'] as const;
export type ClaimProgramme = (typeof CLAIM_PROGRAMMES)[number];

/** Reasons per programme. JHT full-claim reasons follow core/src/jht/jht-claim.ts. */
export const CLAIM_REASONS = {
  JHT: [
    'resignation',
    'layoff',
    'contract_end',
    'bpu_stopped',
    'retirement',
    'leaving_indonesia',
    'total_disability',
    'death',
    'partial_any',
    'partial_housing',
  ],
  JP: ['retirement', 'total_disability', 'death'],
  JKK: ['temporary_incapacity', 'work_disability', 'work_death'],
  JKM: ['death'],
  JKP: ['layoff', 'employer_closed_with_arrears'],
} as const;
export type ClaimReason = (typeof CLAIM_REASONS)[ClaimProgramme][number];

export function isClaimReasonOf(programme: ClaimProgramme, reason: string): reason is ClaimReason {
  return (CLAIM_REASONS[programme] as readonly string[]).includes(reason);
}

/** Where the money comes from: the member's own JHT/JP account, or the fund's benefit budget. */
export type ClaimPayFrom = 'member_jht' | 'member_jp' | 'fund';

export const CLAIM_DOCUMENT_TYPES = [
  'ktp',
  'kpj_card',
  'family_card',
  'resignation_letter',
  'layoff_letter',
  'contract',
  'passport',
  'departure_statement',
  'doctor_certificate',
  'death_certificate',
  'heir_letter',
  'accident_report',
  'housing_document',
  'savings_book',
  'npwp',
  'other',
] as const;
export type ClaimDocumentType = (typeof CLAIM_DOCUMENT_TYPES)[number];

export const CLAIM_STATUSES = [
  'draft',
  'branch_verification',
  'submitted',
  'approved',
  'payment_failed',
  'paid',
  'rejected',
  'cancelled',
  'expired',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Statuses in which a claim still counts against "one open claim per KPJ and programme". */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'draft',
  'branch_verification',
  'submitted',
  'approved',
  'payment_failed',
];

/** Reason codes an officer gives when rejecting; the member sees the text in their language. */
export const CLAIM_REJECTION_REASONS = {
  documents_incomplete: {
    id: 'Dokumen belum lengkap. Silakan ajukan kembali dengan dokumen yang diminta.',
    en: 'The documents are incomplete. Please file again with the documents asked for.',
  },
  documents_unreadable: {
    id: 'Dokumen tidak terbaca atau tidak sah.',
    en: 'A document is unreadable or not valid.',
  },
  identity_mismatch: {
    id: 'Data identitas pada dokumen tidak sesuai dengan data kepesertaan.',
    en: 'The identity on the documents does not match the membership record.',
  },
  bank_account_invalid: {
    id: 'Rekening bank tidak valid atau bukan atas nama peserta.',
    en: "The bank account is not valid or not in the member's name.",
  },
  not_eligible: {
    id: 'Klaim tidak memenuhi syarat menurut ketentuan yang berlaku.',
    en: 'The claim does not meet the rules in force.',
  },
  duplicate_claim: {
    id: 'Klaim yang sama sudah pernah diajukan atau dibayar.',
    en: 'The same claim has already been filed or paid.',
  },
  other: {
    id: 'Klaim ditolak. Lihat catatan petugas.',
    en: "The claim was rejected. See the officer's note.",
  },
} as const;
export type ClaimRejectionReason = keyof typeof CLAIM_REJECTION_REASONS;
export const CLAIM_REJECTION_REASON_CODES = Object.keys(CLAIM_REJECTION_REASONS) as ClaimRejectionReason[];

/** What the officer confirms before approving; every item must be true. */
export const CLAIM_CHECKLIST_ITEMS = [
  'identityMatches',
  'documentsComplete',
  'eligibilityConfirmed',
  'bankAccountMatches',
] as const;
export type ClaimChecklistItem = (typeof CLAIM_CHECKLIST_ITEMS)[number];
export type ClaimChecklist = Readonly<Record<ClaimChecklistItem, boolean>>;
