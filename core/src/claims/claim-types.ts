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

// Death reasons: the benefit goes to the heirs (Permenaker 4/2022 for JHT; PP 45/2015 for JP survivors;
// PP 44/2015 jo. PP 82/2019 for JKK and JKM), so only a listed heir files them, for the member who died.
const HEIR_ONLY_REASONS: ReadonlySet<string> = new Set([
  'JHT:death',
  'JP:death',
  'JKK:work_death',
  'JKM:death',
]);

/** Whether only an heir may file this reason (never the member on their own account). */
export function isHeirOnlyClaimReason(programme: ClaimProgramme, reason: string): boolean {
  return HEIR_ONLY_REASONS.has(`${programme}:${reason}`);
}

// The claimant states when the event happened: departure, disability certificate, death or accident.
// The other reasons take their date from the record (the exit the employer reported, the birth date).
const EVENT_DATE_REASONS: ReadonlySet<string> = new Set([
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

/** Whether the claimant must give the event date (eventDate) for this reason. */
export function isEventDateRequired(programme: ClaimProgramme, reason: string): boolean {
  return EVENT_DATE_REASONS.has(`${programme}:${reason}`);
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
    id: 'Klaim ditolak karena alasan lain. Hubungi kami atau kantor cabang untuk penjelasannya.',
    en: 'The claim was rejected for another reason. Contact us or a branch office for the explanation.',
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
