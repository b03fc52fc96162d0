import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { jkmBenefitTable } from '../rules/benefit-tables';
import { getRuleInForce } from '../rules/rule-table';
import { calculateJkmBenefit, scholarshipForChild } from './jkm-benefit';

describe('JKM benefit (PP 82/2019)', () => {
  it('death benefit totals Rp42,000,000 = 20 m + 24 × 500,000 + 10 m', () => {
    expect(
      calculateJkmBenefit({ deathDate: '2024-05-01', membershipStartDate: '2018-01-01' }, defaultRuleBook),
    ).toMatchObject({
      ok: true,
      value: {
        lumpSumRupiah: 20_000_000,
        periodicRupiah: 12_000_000,
        funeralRupiah: 10_000_000,
        totalRupiah: 42_000_000,
        scholarship: { isEligible: true, maxChildren: 2, maxTotalRupiah: 174_000_000 },
      },
    });
  });

  it('was Rp24,000,000 before PP 82/2019', () => {
    expect(
      calculateJkmBenefit({ deathDate: '2019-12-01', membershipStartDate: '2016-01-01' }, defaultRuleBook),
    ).toMatchObject({
      value: { totalRupiah: 24_000_000 },
    });
  });

  it('scholarship needs 3 years of membership (M)', () => {
    expect(
      calculateJkmBenefit({ deathDate: '2024-05-01', membershipStartDate: '2021-05-02' }, defaultRuleBook),
    ).toMatchObject({
      value: { scholarship: { isEligible: false, eligibleFrom: '2024-05-02' } },
    });
  });

  it('names refusals', () => {
    expect(
      calculateJkmBenefit(
        {
          deathDate: '2024-05-01',
          membershipStartDate: '2018-01-01',
          isWorkRelated: true,
        },
        defaultRuleBook,
      ),
    ).toMatchObject({ code: 'jkm_work_related_death' });
    expect(
      calculateJkmBenefit({ deathDate: '2017-05-01', membershipStartDate: '2018-01-01' }, defaultRuleBook),
    ).toMatchObject({
      code: 'jkm_death_before_membership',
    });
  });

  it('scholarship per child: 8×1.5 m + 3×2 m + 3×3 m + 5×12 m = 87 m, capped per level', () => {
    const scholarship = getRuleInForce(jkmBenefitTable, '2024-01-01').value.scholarship;
    expect(scholarshipForChild(scholarship, { tk_sd: 8, smp: 3, sma: 3, university: 5 })).toBe(87_000_000);
    expect(scholarshipForChild(scholarship, { university: 9 })).toBe(60_000_000);
    expect(scholarshipForChild(scholarship, { sma: 2 })).toBe(6_000_000);
  });
});
