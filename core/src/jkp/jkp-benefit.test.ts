import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { addPeriods, periodRange } from '../time/period';
import { calculateJkpBenefit, checkJkpEligibility } from './jkp-benefit';

describe('JKP cash benefit', () => {
  it.each([
    // PP 6/2025: 60% of the wage capped at Rp5 m, 6 months: at most Rp3 m a month, Rp18 m in total
    ['2025-03-01', 8_000_000, 3_000_000, 18_000_000],
    ['2025-03-01', 4_000_000, 2_400_000, 14_400_000],
    // PP 37/2021: 45% × 3 then 25% × 3
    ['2024-06-01', 5_000_000, 2_250_000, 3 * 2_250_000 + 3 * 1_250_000],
    ['2025-02-06', 5_000_000, 2_250_000, 10_500_000],
    ['2025-02-07', 5_000_000, 3_000_000, 18_000_000],
  ])('layoff %s, wage %i: first month %i, total %i', (phkDate, wage, first, total) => {
    const result = calculateJkpBenefit({ wageMonthlyRupiah: wage, phkDate }, defaultRuleBook);
    expect(result).toMatchObject({ ok: true, value: { totalRupiah: total } });
    if (result.ok) {
      expect(result.value.months).toHaveLength(6);
      expect(result.value.months[0]?.amountRupiah).toBe(first);
    }
  });

  it('did not exist before PP 37/2021', () => {
    expect(
      calculateJkpBenefit({ wageMonthlyRupiah: 1, phkDate: '2021-01-31' }, defaultRuleBook),
    ).toMatchObject({
      code: 'rule_not_in_force',
    });
  });
});

describe('JKP eligibility', () => {
  const phkDate = '2025-06-10';
  const paid = periodRange('2024-06', '2025-06');
  const base = { reason: 'layoff', phkDate, claimDate: '2025-07-01', paidPeriods: paid } as const;

  it('eligible with 13 months paid up to the layoff month', () => {
    expect(checkJkpEligibility(base, defaultRuleBook)).toMatchObject({
      ok: true,
      value: { claimDeadline: '2025-12-10', contributionMonthsInWindow: 13, consecutiveMonthsBeforePhk: 13 },
    });
  });

  it.each([
    [{ reason: 'resignation' }, 'jkp_reason_not_covered'],
    [{ reason: 'contract_end' }, 'jkp_reason_not_covered'],
    [{ hasNewJob: true }, 'jkp_new_job'],
    [{ claimDate: '2025-12-11' }, 'jkp_claim_deadline_passed'],
    [{ paidPeriods: periodRange('2024-08', '2025-06') }, 'jkp_contribution_months_insufficient'],
    [
      { paidPeriods: [...periodRange('2024-01', '2024-12'), ...periodRange('2025-02', '2025-05')] },
      'jkp_consecutive_months_insufficient',
    ],
  ] as const)('%o → %s', (override, code) => {
    expect(checkJkpEligibility({ ...base, ...override }, defaultRuleBook)).toMatchObject({ ok: false, code });
  });

  it('under PP 37/2021: 3-month deadline, layoff only, JKN membership required', () => {
    const old = {
      reason: 'layoff',
      phkDate: '2024-06-10',
      paidPeriods: periodRange('2023-06', '2024-05'),
    } as const;
    expect(checkJkpEligibility({ ...old, claimDate: '2024-09-10' }, defaultRuleBook)).toMatchObject({
      ok: true,
    });
    expect(checkJkpEligibility({ ...old, claimDate: '2024-09-11' }, defaultRuleBook)).toMatchObject({
      code: 'jkp_claim_deadline_passed',
    });
    expect(
      checkJkpEligibility({ ...old, claimDate: '2024-07-01', isJknMember: false }, defaultRuleBook),
    ).toMatchObject({
      code: 'jkp_jkn_membership_required',
    });
    expect(
      checkJkpEligibility(
        { ...old, reason: 'employer_closed_with_arrears', claimDate: '2024-07-01' },
        defaultRuleBook,
      ),
    ).toMatchObject({ code: 'jkp_reason_not_covered' });
    expect(
      checkJkpEligibility(
        {
          ...base,
          reason: 'employer_closed_with_arrears',
          paidPeriods: periodRange(addPeriods('2025-06', -12), '2025-05'),
        },
        defaultRuleBook,
      ),
    ).toMatchObject({ ok: true });
  });
});
