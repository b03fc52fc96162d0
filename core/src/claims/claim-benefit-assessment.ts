// Eligibility and amounts for the programmes paid from the fund or the JP account: JP (PP 45/2015),
// JKK (PP 44/2015 jo. PP 82/2019), JKM (PP 82/2019) and JKP (PP 37/2021; PP 6/2025).
import { calculateJkkDeathBenefit, calculateJkkDisabilityBenefit, calculateStmb } from '../jkk/jkk-benefit';
import { calculateJkmBenefit } from '../jkm/jkm-benefit';
import { calculateJkpBenefit, checkJkpEligibility } from '../jkp/jkp-benefit';
import { estimateJpBenefit } from '../jp/jp-benefit';
import { pensionDateFor } from '../jp/pension-age';
import type { Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import { compareDates, formatDateIndonesian, type CalendarDate } from '../time/calendar-date';
import { endedMembership, eventDateOf, type Amount, type ClaimFacts } from './claim-facts';
import type { ClaimReason } from './claim-types';

export function assessJp(facts: ClaimFacts, reason: ClaimReason): Result<Amount, string> {
  let eligibleFrom: CalendarDate;
  if (reason === 'retirement') {
    // PP 45/2015 art. 15: the pension age in force when the member reaches it.
    const pension = pensionDateFor(facts.birthDate);
    if (compareDates(facts.claimDate, pension.pensionDate) < 0) {
      return err('claim_jp_pension_age_not_reached', {
        date: formatDateIndonesian(pension.pensionDate),
        ageYears: pension.pensionAgeYears,
      });
    }
    eligibleFrom = pension.pensionDate;
  } else {
    const event = eventDateOf(facts);
    if (!event.ok) return event;
    eligibleFrom = event.value;
  }
  const months = facts.jpWages.reduce((sum, year) => sum + year.months, 0);
  const regulation = 'PP 45/2015 art. 15–18';
  if (months < 180) {
    // Art. 15–16: under 180 contribution months the member receives contributions plus returns at once.
    if (facts.jpAvailableRupiah <= 0) return err('claim_nothing_to_pay');
    return ok({ payFrom: 'member_jp', grossRupiah: facts.jpAvailableRupiah, eligibleFrom, regulation });
  }
  // Today's prices: no indexation (the same assumption as the portal simulation).
  const inflation: Record<number, number> = {};
  for (let year = 1990; year <= 2100; year += 1) inflation[year] = 0;
  const estimate = estimateJpBenefit({
    wages: facts.jpWages,
    inflationBasisPointsByYear: inflation,
    benefitStartDate: facts.claimDate,
  });
  if (!estimate.ok) return estimate;
  if (estimate.value.kind !== 'monthly') return err('claim_nothing_to_pay');
  const monthly = estimate.value.monthlyRupiah;
  return ok({ payFrom: 'fund', grossRupiah: monthly, eligibleFrom, regulation, monthlyRupiah: monthly });
}

function wageOf(facts: ClaimFacts): Result<Rupiah, string> {
  return facts.lastWageMonthlyRupiah === null ? err('claim_wage_missing') : ok(facts.lastWageMonthlyRupiah);
}

export function assessJkk(facts: ClaimFacts, reason: ClaimReason): Result<Amount, string> {
  const event = eventDateOf(facts);
  if (!event.ok) return event;
  const wage = wageOf(facts);
  if (!wage.ok) return wage;
  const base = {
    payFrom: 'fund' as const,
    eligibleFrom: event.value,
    regulation: 'PP 44/2015 jo. PP 82/2019',
  };
  if (reason === 'temporary_incapacity') {
    const months = facts.incapacityMonths;
    if (months === undefined || !Number.isInteger(months) || months < 1 || months > 120) {
      return err('claim_incapacity_months_required', undefined, 'incapacityMonths');
    }
    const stmb = calculateStmb({
      wageMonthlyRupiah: wage.value,
      incapacityMonths: months,
      accidentDate: event.value,
    });
    return stmb.ok ? ok({ ...base, grossRupiah: stmb.value.totalRupiah }) : stmb;
  }
  if (reason === 'work_disability') {
    const disability = calculateJkkDisabilityBenefit({
      wageMonthlyRupiah: wage.value,
      accidentDate: event.value,
      kind: 'total_permanent',
    });
    return disability.ok ? ok({ ...base, grossRupiah: disability.value.amountRupiah }) : disability;
  }
  const death = calculateJkkDeathBenefit({ wageMonthlyRupiah: wage.value, accidentDate: event.value });
  return death.ok ? ok({ ...base, grossRupiah: death.value.totalRupiah }) : death;
}

export function assessJkm(facts: ClaimFacts): Result<Amount, string> {
  const event = eventDateOf(facts);
  if (!event.ok) return event;
  const jkm = calculateJkmBenefit({ deathDate: event.value, membershipStartDate: facts.membershipStartDate });
  if (!jkm.ok) return jkm;
  return ok({
    payFrom: 'fund',
    grossRupiah: jkm.value.totalRupiah,
    eligibleFrom: event.value,
    regulation: jkm.value.regulation,
  });
}

export function assessJkp(facts: ClaimFacts, reason: ClaimReason): Result<Amount, string> {
  const ended = endedMembership(facts, reason === 'layoff' ? 'layoff' : null);
  if (!ended.ok) return ended;
  const eligible = checkJkpEligibility({
    reason: reason === 'layoff' ? 'layoff' : 'employer_closed_with_arrears',
    phkDate: ended.value,
    claimDate: facts.claimDate,
    paidPeriods: facts.paidPeriods,
    ...(facts.hasNewJob === undefined ? {} : { hasNewJob: facts.hasNewJob }),
  });
  if (!eligible.ok) return eligible;
  const wage = wageOf(facts);
  if (!wage.ok) return wage;
  const benefit = calculateJkpBenefit({ wageMonthlyRupiah: wage.value, phkDate: ended.value });
  if (!benefit.ok) return benefit;
  return ok({
    payFrom: 'fund',
    grossRupiah: benefit.value.totalRupiah,
    eligibleFrom: ended.value,
    regulation: benefit.value.regulation,
  });
}
