// JKM (death not caused by work) benefit amounts and scholarship entitlement (PP 82/2019; Permenaker 5/2021).
import type { Message } from '../errors/message';
import { sumRupiah, type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { Scholarship, ScholarshipLevel } from '../rules/benefit-tables';
import type { RuleBook } from '../rules/rule-book';
import { citationOf, firstValidFrom, getRuleInForce } from '../rules/rule-table';
import {
  addMonths,
  assertCalendarDate,
  compareDates,
  maxDate,
  type CalendarDate,
} from '../time/calendar-date';

export type ScholarshipEntitlement = {
  readonly isEligible: boolean;
  /** When not eligible because of membership length: the date it would have been. */
  readonly eligibleFrom: CalendarDate;
  readonly maxChildren: number;
  readonly maxPerChildRupiah: Rupiah;
  readonly maxTotalRupiah: Rupiah;
};

export type JkmBenefit = {
  readonly lumpSumRupiah: Rupiah;
  readonly periodicRupiah: Rupiah;
  readonly funeralRupiah: Rupiah;
  readonly totalRupiah: Rupiah;
  readonly scholarship: ScholarshipEntitlement;
  /** Regulation and article of the rule row, as the table writes them. */
  readonly regulation: string;
  /** The same, as the member reads it in Indonesian and in English. */
  readonly citation: Message;
};

export function scholarshipEntitlement(
  scholarship: Scholarship,
  membershipStartDate: CalendarDate,
  eventDate: CalendarDate,
): ScholarshipEntitlement {
  const eligibleFrom = addMonths(membershipStartDate, scholarship.minMembershipMonths);
  return {
    isEligible: compareDates(eventDate, eligibleFrom) >= 0,
    eligibleFrom,
    maxChildren: scholarship.maxChildren,
    maxPerChildRupiah: scholarship.maxPerChildRupiah,
    maxTotalRupiah: scholarship.maxChildren * scholarship.maxPerChildRupiah,
  };
}

/** The benefit payable to heirs on a death not caused by work. */
export function calculateJkmBenefit(
  input: {
    readonly deathDate: CalendarDate;
    readonly membershipStartDate: CalendarDate;
    readonly isWorkRelated?: boolean;
  },
  rules: RuleBook,
): Result<JkmBenefit, 'jkm_work_related_death' | 'jkm_death_before_membership'> {
  assertCalendarDate(input.deathDate, 'deathDate');
  assertCalendarDate(input.membershipStartDate, 'membershipStartDate');
  if (input.isWorkRelated === true) return err('jkm_work_related_death');
  if (compareDates(input.deathDate, input.membershipStartDate) < 0) return err('jkm_death_before_membership');
  const table = rules.jkm_benefit;
  const row = getRuleInForce(table, maxDate(input.deathDate, firstValidFrom(table)));
  const rule = row.value;
  // PP 82/2019 art. 34: Rp20 m lump sum + 24 × Rp500,000 periodic (paid at once) + Rp10 m funeral.
  const periodicRupiah = rule.periodicMonthlyRupiah * rule.periodicMonths;
  return ok({
    lumpSumRupiah: rule.lumpSumRupiah,
    periodicRupiah,
    funeralRupiah: rule.funeralRupiah,
    totalRupiah: sumRupiah([rule.lumpSumRupiah, periodicRupiah, rule.funeralRupiah]),
    scholarship: scholarshipEntitlement(rule.scholarship, input.membershipStartDate, input.deathDate),
    regulation: `${row.regulation} ${row.article}`,
    citation: citationOf(row),
  });
}

/** Scholarship for one child over the school levels claimed, capped per level and per child. */
export function scholarshipForChild(
  scholarship: Scholarship,
  yearsByLevel: Readonly<Partial<Record<ScholarshipLevel, number>>>,
): Rupiah {
  if (scholarship.levels === null) return scholarship.maxPerChildRupiah;
  let total = 0;
  for (const [level, terms] of Object.entries(scholarship.levels)) {
    const years = Math.max(0, Math.min(yearsByLevel[level as ScholarshipLevel] ?? 0, terms.maxYears));
    total += Math.floor(years) * terms.perYearRupiah;
  }
  return Math.min(total, scholarship.maxPerChildRupiah);
}
