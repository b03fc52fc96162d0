// Eligibility and amounts for the programmes paid from the fund or the JP account: JP (PP 45/2015;
// Permenaker 29/2015), JKK (PP 44/2015 jo. PP 82/2019), JKM (PP 82/2019) and JKP (PP 37/2021; PP 6/2025).
// Each cites its articles in Indonesian and English for the member's "Dasar aturan" line (JKM and JKP by
// the citation of the rule row in force).
import type { Message } from '../errors/message';
import { calculateJkkDeathBenefit, calculateJkkDisabilityBenefit, calculateStmb } from '../jkk/jkk-benefit';
import { calculateJkmBenefit } from '../jkm/jkm-benefit';
import { calculateJkpBenefit, checkJkpEligibility } from '../jkp/jkp-benefit';
import { estimateJpBenefit, indexWages, jpMonthlyFromIndexed } from '../jp/jp-benefit';
import { estimateJpSurvivorBenefit } from '../jp/jp-survivor';
import { pensionDateFor } from '../jp/pension-age';
import type { Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import {
  compareDates,
  dateParts,
  formatDateIndonesian,
  maxDate,
  type CalendarDate,
} from '../time/calendar-date';
import { endedMembership, eventDateOf, type Amount, type ClaimFacts } from './claim-facts';
import type { ClaimReason } from './claim-types';

const JP_OLD_AGE: Message = { id: 'PP 45/2015 Pasal 15–18', en: 'PP 45/2015 art. 15–18' };
const JP_DISABILITY: Message = {
  id: 'PP 45/2015 (manfaat pensiun cacat, tanpa syarat masa iur)',
  en: 'PP 45/2015 (disability pension, no qualifying period)',
};
const JP_SURVIVOR: Message = {
  id: 'PP 45/2015; Permenaker 29/2015 Pasal 26',
  en: 'PP 45/2015; Permenaker 29/2015 art. 26',
};
const JKK: Message = { id: 'PP 44/2015 jo. PP 82/2019', en: 'PP 44/2015 jo. PP 82/2019' };

// Today's prices: no indexation (the same assumption as the portal simulation).
const NO_INFLATION: Readonly<Record<number, number>> = Object.fromEntries(
  Array.from({ length: 111 }, (_, index) => [1990 + index, 0]),
);

/** The JP balance (contributions plus returns) paid at once to the member or the heir. */
function jpLumpSum(
  facts: ClaimFacts,
  eligibleFrom: CalendarDate,
  regulation: Message,
): Result<Amount, string> {
  if (facts.jpAvailableRupiah <= 0) return err('claim_nothing_to_pay');
  return ok({ payFrom: 'member_jp', grossRupiah: facts.jpAvailableRupiah, eligibleFrom, regulation });
}

/** A JP pension: the one payout is the first month (the monthly payroll is not built, docs/claims.md). */
function jpPension(monthlyRupiah: Rupiah, eligibleFrom: CalendarDate, regulation: Message): Amount {
  return {
    payFrom: 'fund',
    grossRupiah: monthlyRupiah,
    eligibleFrom,
    regulation,
    monthlyRupiah,
    schedule: [{ month: 1, amountRupiah: monthlyRupiah }],
  };
}

export function assessJp(facts: ClaimFacts, reason: ClaimReason, rules: RuleBook): Result<Amount, string> {
  if (reason === 'retirement') {
    // PP 45/2015 art. 15: the pension age in force when the member reaches it.
    const pension = pensionDateFor(facts.birthDate, rules);
    if (compareDates(facts.claimDate, pension.pensionDate) < 0) {
      return err('claim_jp_pension_age_not_reached', {
        date: formatDateIndonesian(pension.pensionDate),
        ageYears: pension.pensionAgeYears,
      });
    }
    const months = facts.jpWages.reduce((sum, year) => sum + year.months, 0);
    const formula = getRuleInForce(
      rules.jp_formula,
      maxDate(facts.claimDate, firstValidFrom(rules.jp_formula)),
    );
    // Art. 15–16: under 180 contribution months the member receives contributions plus returns at once.
    if (months < formula.value.minContributionMonths) {
      return jpLumpSum(facts, pension.pensionDate, JP_OLD_AGE);
    }
    const estimate = estimateJpBenefit(
      { wages: facts.jpWages, inflationBasisPointsByYear: NO_INFLATION, benefitStartDate: facts.claimDate },
      rules,
    );
    if (!estimate.ok) return estimate;
    if (estimate.value.kind !== 'monthly') return err('claim_nothing_to_pay');
    return ok(jpPension(estimate.value.monthlyRupiah, pension.pensionDate, JP_OLD_AGE));
  }
  const event = eventDateOf(facts);
  if (!event.ok) return event;
  if (reason === 'total_disability') {
    // FACTS.md §4: the disability pension is paid regardless of contribution length, so the formula runs
    // on the months actually paid and the year's minimum pension applies (PP 45/2015 art. 18).
    const indexed = indexWages(facts.jpWages, NO_INFLATION, dateParts(facts.claimDate).year);
    if (!indexed.ok) return indexed.code === 'jp_no_contributions' ? err('claim_nothing_to_pay') : indexed;
    const formula = getRuleInForce(
      rules.jp_formula,
      maxDate(facts.claimDate, firstValidFrom(rules.jp_formula)),
    );
    const monthly = jpMonthlyFromIndexed(
      indexed.value,
      indexed.value.contributionMonths,
      facts.claimDate,
      formula.value,
      rules,
    );
    return ok(jpPension(monthly.monthlyRupiah, event.value, JP_DISABILITY));
  }
  // Death. Only a widow or widower, a child or a parent receives a survivor pension (FACTS.md §4); an
  // heir related otherwise receives the JP balance at once.
  if (facts.jpSurvivor === undefined) return jpLumpSum(facts, event.value, JP_SURVIVOR);
  // Permenaker 29/2015 art. 26: a death before pension age with under 15 years counts as 15 years when
  // membership is ≥1 year and contribution density ≥80%; otherwise the balance is paid as a lump sum.
  const survivor = estimateJpSurvivorBenefit(
    {
      beneficiary: facts.jpSurvivor,
      wages: facts.jpWages,
      inflationBasisPointsByYear: NO_INFLATION,
      memberBirthDate: facts.birthDate,
      membershipStartDate: facts.membershipStartDate,
      deathDate: event.value,
      accountBalanceRupiah: facts.jpAvailableRupiah,
    },
    rules,
  );
  if (!survivor.ok) {
    return survivor.code === 'jp_no_contributions' ? jpLumpSum(facts, event.value, JP_SURVIVOR) : survivor;
  }
  if (survivor.value.kind === 'lump_sum') return jpLumpSum(facts, event.value, JP_SURVIVOR);
  return ok(jpPension(survivor.value.monthlyRupiah, event.value, JP_SURVIVOR));
}

function wageOf(facts: ClaimFacts): Result<Rupiah, string> {
  return facts.lastWageMonthlyRupiah === null ? err('claim_wage_missing') : ok(facts.lastWageMonthlyRupiah);
}

export function assessJkk(facts: ClaimFacts, reason: ClaimReason, rules: RuleBook): Result<Amount, string> {
  const event = eventDateOf(facts);
  if (!event.ok) return event;
  const wage = wageOf(facts);
  if (!wage.ok) return wage;
  const base = { payFrom: 'fund' as const, eligibleFrom: event.value, regulation: JKK };
  if (reason === 'temporary_incapacity') {
    const months = facts.incapacityMonths;
    if (months === undefined || !Number.isInteger(months) || months < 1 || months > 120) {
      return err('claim_incapacity_months_required', undefined, 'incapacityMonths');
    }
    const stmb = calculateStmb(
      { wageMonthlyRupiah: wage.value, incapacityMonths: months, accidentDate: event.value },
      rules,
    );
    return stmb.ok ? ok({ ...base, grossRupiah: stmb.value.totalRupiah }) : stmb;
  }
  if (reason === 'work_disability') {
    const disability = calculateJkkDisabilityBenefit(
      { wageMonthlyRupiah: wage.value, accidentDate: event.value, kind: 'total_permanent' },
      rules,
    );
    return disability.ok ? ok({ ...base, grossRupiah: disability.value.amountRupiah }) : disability;
  }
  const death = calculateJkkDeathBenefit({ wageMonthlyRupiah: wage.value, accidentDate: event.value }, rules);
  return death.ok ? ok({ ...base, grossRupiah: death.value.totalRupiah }) : death;
}

export function assessJkm(facts: ClaimFacts, rules: RuleBook): Result<Amount, string> {
  const event = eventDateOf(facts);
  if (!event.ok) return event;
  const jkm = calculateJkmBenefit(
    { deathDate: event.value, membershipStartDate: facts.membershipStartDate },
    rules,
  );
  if (!jkm.ok) return jkm;
  return ok({
    payFrom: 'fund',
    grossRupiah: jkm.value.totalRupiah,
    eligibleFrom: event.value,
    regulation: jkm.value.citation,
  });
}

/**
 * JKP is a monthly benefit (PP 6/2025: 60% of the capped wage for up to 6 months). The claim ledger
 * makes one payout per claim, so the payout is the whole schedule at once; the schedule itself is
 * returned month by month so the member and the officer see what the sum is made of (docs/claims.md).
 */
export function assessJkp(facts: ClaimFacts, reason: ClaimReason, rules: RuleBook): Result<Amount, string> {
  const ended = endedMembership(facts, reason === 'layoff' ? 'layoff' : null);
  if (!ended.ok) return ended;
  const eligible = checkJkpEligibility(
    {
      reason: reason === 'layoff' ? 'layoff' : 'employer_closed_with_arrears',
      phkDate: ended.value,
      claimDate: facts.claimDate,
      paidPeriods: facts.paidPeriods,
      ...(facts.hasNewJob === undefined ? {} : { hasNewJob: facts.hasNewJob }),
    },
    rules,
  );
  if (!eligible.ok) return eligible;
  const wage = wageOf(facts);
  if (!wage.ok) return wage;
  const benefit = calculateJkpBenefit({ wageMonthlyRupiah: wage.value, phkDate: ended.value }, rules);
  if (!benefit.ok) return benefit;
  const schedule = benefit.value.months.map((month) => ({
    month: month.month,
    amountRupiah: month.amountRupiah,
  }));
  return ok({
    payFrom: 'fund',
    grossRupiah: benefit.value.totalRupiah,
    eligibleFrom: ended.value,
    regulation: benefit.value.citation,
    monthlyRupiah: schedule[0]?.amountRupiah ?? null,
    schedule,
  });
}
