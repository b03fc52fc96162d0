import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { calculateJkkDeathBenefit, calculateJkkDisabilityBenefit, calculateStmb } from './jkk-benefit';

describe('JKK benefits (PP 82/2019)', () => {
  it('STMB: 100% for 12 months, then 50%', () => {
    const result = calculateStmb(
      {
        wageMonthlyRupiah: 4_000_000,
        incapacityMonths: 14,
        accidentDate: '2024-01-01',
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({ ok: true, value: { totalRupiah: 12 * 4_000_000 + 2 * 2_000_000 } });
    if (result.ok)
      expect(result.value.months[12]).toEqual({ month: 13, wageBasisPoints: 5000, amountRupiah: 2_000_000 });
  });

  it('STMB under PP 44/2015: 6 months 100%, 6 months 75%, then 50%', () => {
    const result = calculateStmb(
      {
        wageMonthlyRupiah: 4_000_000,
        incapacityMonths: 13,
        accidentDate: '2018-01-01',
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({ value: { totalRupiah: 6 * 4_000_000 + 6 * 3_000_000 + 2_000_000 } });
  });

  it('death from a work accident: 48 × wage + 12 m + 10 m', () => {
    expect(
      calculateJkkDeathBenefit({ wageMonthlyRupiah: 5_000_000, accidentDate: '2024-01-01' }, defaultRuleBook),
    ).toMatchObject({
      ok: true,
      value: { wageMultipleRupiah: 240_000_000, totalRupiah: 262_000_000, scholarship: { isEligible: true } },
    });
  });

  it('disability (L): total permanent 70% × 80 × wage', () => {
    expect(
      calculateJkkDisabilityBenefit(
        {
          wageMonthlyRupiah: 5_000_000,
          accidentDate: '2024-01-01',
          kind: 'total_permanent',
        },
        defaultRuleBook,
      ),
    ).toEqual({ ok: true, value: { amountRupiah: 280_000_000, rateBasisPoints: 7000 } });
    expect(
      calculateJkkDisabilityBenefit(
        {
          wageMonthlyRupiah: 5_000_000,
          accidentDate: '2024-01-01',
          kind: 'partial',
        },
        defaultRuleBook,
      ),
    ).toMatchObject({ code: 'benefit_input_invalid' });
  });

  it('refuses a negative wage', () => {
    expect(
      calculateStmb(
        { wageMonthlyRupiah: -1, incapacityMonths: 1, accidentDate: '2024-01-01' },
        defaultRuleBook,
      ),
    ).toMatchObject({
      code: 'benefit_wage_invalid',
    });
  });
});
