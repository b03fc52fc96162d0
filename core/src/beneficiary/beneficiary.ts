// Beneficiaries (ahli waris) a member names for their JHT/JKM benefits: relation, NIK and a share.
// The shares of all of a member's beneficiaries may not exceed 100%; below 100% is allowed while the
// member is still filling the list in, and is shown as a warning.
import { parseNik, type NikErrorCode } from '../identity/nik';
import { err, ok, type Result } from '../result';
import type { CalendarDate } from '../time/calendar-date';

export const BENEFICIARY_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type BeneficiaryRelation = (typeof BENEFICIARY_RELATIONS)[number];

/** A limit on the list, so a form cannot grow it without end. */
export const MAX_BENEFICIARIES = 10;
export const MAX_BENEFICIARY_NAME_LENGTH = 120;
export const FULL_SHARE_PERCENT = 100;

export type BeneficiaryErrorCode =
  | 'beneficiary_name_invalid'
  | 'beneficiary_relation_invalid'
  | 'beneficiary_share_invalid'
  | 'beneficiary_shares_exceed_total'
  | 'beneficiary_duplicate_nik'
  | 'beneficiary_is_member'
  | 'beneficiary_limit_reached'
  | 'beneficiary_spouse_limit'
  | NikErrorCode;

export interface BeneficiaryInput {
  readonly name: string;
  readonly relation: string;
  readonly nik: string;
  readonly sharePercent: number;
}

export interface ValidBeneficiary {
  /** Trimmed, inner whitespace collapsed. */
  readonly name: string;
  readonly relation: BeneficiaryRelation;
  /** 16 digits. */
  readonly nik: string;
  readonly sharePercent: number;
}

export interface ExistingBeneficiary {
  readonly relation: BeneficiaryRelation;
  readonly nik: string;
  readonly sharePercent: number;
}

export interface ShareSummary {
  readonly totalPercent: number;
  readonly remainingPercent: number;
  /** True when the shares add up to exactly 100%. */
  readonly isComplete: boolean;
}

export function isBeneficiaryRelation(value: string): value is BeneficiaryRelation {
  return (BENEFICIARY_RELATIONS as readonly string[]).includes(value);
}

export function summariseShares(shares: readonly number[]): ShareSummary {
  const totalPercent = shares.reduce((sum, share) => sum + share, 0);
  return {
    totalPercent,
    remainingPercent: Math.max(0, FULL_SHARE_PERCENT - totalPercent),
    isComplete: totalPercent === FULL_SHARE_PERCENT,
  };
}

/**
 * Checks a new beneficiary against the member's current list. `asOf` (today) decides the NIK's
 * birth century; `memberNik` keeps a member from naming themselves.
 */
export function validateNewBeneficiary(
  input: BeneficiaryInput,
  context: {
    readonly existing: readonly ExistingBeneficiary[];
    readonly memberNik: string;
    readonly asOf: CalendarDate;
  },
): Result<ValidBeneficiary, BeneficiaryErrorCode> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_BENEFICIARY_NAME_LENGTH || /[\p{Cc}]/u.test(name)) {
    return err('beneficiary_name_invalid', undefined, 'name');
  }
  if (!isBeneficiaryRelation(input.relation))
    return err('beneficiary_relation_invalid', undefined, 'relation');
  const relation = input.relation;
  if (
    !Number.isInteger(input.sharePercent) ||
    input.sharePercent < 1 ||
    input.sharePercent > FULL_SHARE_PERCENT
  ) {
    return err('beneficiary_share_invalid', undefined, 'sharePercent');
  }
  const parsed = parseNik(input.nik, context.asOf);
  if (!parsed.ok) return parsed;
  const nik = parsed.value.nik;
  if (nik === context.memberNik) return err('beneficiary_is_member', undefined, 'nik');
  if (context.existing.some((other) => other.nik === nik))
    return err('beneficiary_duplicate_nik', undefined, 'nik');
  if (context.existing.length >= MAX_BENEFICIARIES) {
    return err('beneficiary_limit_reached', { max: MAX_BENEFICIARIES });
  }
  if (relation === 'spouse' && context.existing.some((other) => other.relation === 'spouse')) {
    return err('beneficiary_spouse_limit', undefined, 'relation');
  }
  const before = summariseShares(context.existing.map((other) => other.sharePercent));
  const totalPercent = before.totalPercent + input.sharePercent;
  if (totalPercent > FULL_SHARE_PERCENT) {
    return err(
      'beneficiary_shares_exceed_total',
      { total: totalPercent, remaining: before.remainingPercent },
      'sharePercent',
    );
  }
  return ok({ name, relation, nik, sharePercent: input.sharePercent });
}
