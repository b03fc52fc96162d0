// Which documents a claim reason needs (FACTS.md §3 "Documents"; Lapak Asik upload ≤ 6 MB), and the file
// types accepted, recognised by their first bytes rather than by the name the browser sent.
import type { ClaimDocumentType, ClaimProgramme, ClaimReason } from './claim-types';

/** Lapak Asik accepts uploads up to 6 MB (FACTS.md §9). */
export const MAX_CLAIM_DOCUMENT_BYTES = 6 * 1024 * 1024;
/** Current documents on one claim, and uploads in all (a replaced file is kept for the record). */
export const MAX_CLAIM_DOCUMENTS = 20;
export const MAX_CLAIM_DOCUMENT_UPLOADS = 60;
export const CLAIM_DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ClaimDocumentContentType = (typeof CLAIM_DOCUMENT_CONTENT_TYPES)[number];

const BASE: readonly ClaimDocumentType[] = ['ktp', 'kpj_card', 'savings_book'];

const BY_REASON: Readonly<Record<string, readonly ClaimDocumentType[]>> = {
  'JHT:resignation': ['resignation_letter'],
  'JHT:layoff': ['layoff_letter'],
  'JHT:contract_end': ['contract'],
  'JHT:bpu_stopped': [],
  'JHT:retirement': [],
  'JHT:leaving_indonesia': ['passport', 'departure_statement'],
  'JHT:total_disability': ['doctor_certificate'],
  'JHT:death': ['death_certificate', 'heir_letter', 'family_card'],
  'JHT:partial_any': [],
  'JHT:partial_housing': ['housing_document'],
  'JP:retirement': ['family_card'],
  'JP:total_disability': ['doctor_certificate'],
  'JP:death': ['death_certificate', 'heir_letter', 'family_card'],
  'JKK:temporary_incapacity': ['accident_report', 'doctor_certificate'],
  'JKK:work_disability': ['accident_report', 'doctor_certificate'],
  'JKK:work_death': ['accident_report', 'death_certificate', 'heir_letter'],
  'JKM:death': ['death_certificate', 'heir_letter', 'family_card'],
  'JKP:layoff': ['layoff_letter'],
  'JKP:employer_closed_with_arrears': ['layoff_letter'],
};

/** The documents the reason needs, the base set (e-KTP, KPJ card, own-name savings book) first. */
export function requiredClaimDocuments(
  programme: ClaimProgramme,
  reason: ClaimReason,
): readonly ClaimDocumentType[] {
  const extra = BY_REASON[`${programme}:${reason}`];
  if (extra === undefined) throw new Error(`no document list for ${programme}:${reason}`);
  return [...BASE, ...extra];
}

/**
 * Whether another file of this type is added beside the first ('other') rather than replacing it: every
 * named document is one document, so a new upload of it replaces the earlier file.
 */
export function isClaimDocumentAdded(type: ClaimDocumentType): boolean {
  return type === 'other';
}

/** The required documents not among those uploaded. */
export function missingClaimDocuments(
  programme: ClaimProgramme,
  reason: ClaimReason,
  uploaded: readonly string[],
): ClaimDocumentType[] {
  const have = new Set(uploaded);
  return requiredClaimDocuments(programme, reason).filter((type) => !have.has(type));
}

/** The content type the bytes really are (PDF, JPEG, PNG), or null. */
export function sniffClaimDocumentType(bytes: Uint8Array): ClaimDocumentContentType | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}
