import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { riskClasses } from '../rules/pu-rate-tables';
import { calculateContribution, findProgramme, type ContributionInput } from './contribution-calculator';

function breakdown(input: ContributionInput) {
  const result = calculateContribution(input, defaultRuleBook);
  if (!result.ok) throw new Error(`unexpected ${result.code}`);
  return result.value;
}

const line = (input: ContributionInput, programme: 'JHT' | 'JP' | 'JKK' | 'JKM') =>
  findProgramme(breakdown(input), programme);

describe('PU contributions reproduce FACTS.md', () => {
  const april2024 = {
    wageMonthlyRupiah: 5_000_000,
    period: '2024-04',
    segment: 'PU',
    riskClass: 'low',
  } as const;

  it.each([
    // programme, worker, employer: PP 46/2015 art. 16; PP 45/2015 art. 28; PP 44/2015 art. 16, 18
    ['JHT', 100_000, 185_000],
    ['JP', 50_000, 100_000],
    ['JKK', 0, 27_000],
    ['JKM', 0, 15_000],
  ] as const)('wage 5,000,000 in 2024, risk low: %s = %i + %i', (programme, worker, employer) => {
    expect(line(april2024, programme)).toMatchObject({
      workerRupiah: worker,
      employerRupiah: employer,
      totalRupiah: worker + employer,
    });
  });

  it('totals the bill and shows JKP as an unbilled allocation (PP 37/2021 art. 11)', () => {
    const result = breakdown(april2024);
    expect(result.workerRupiah).toBe(150_000);
    expect(result.employerRupiah).toBe(327_000);
    expect(result.totalRupiah).toBe(477_000);
    expect(result.jkp).toEqual({
      baseRupiah: 5_000_000,
      governmentRupiah: 11_000,
      fromJkkRupiah: 7_000,
      fromJkmRupiah: 5_000,
      totalRupiah: 23_000,
      isBilled: false,
    });
  });

  it('JKP allocation is 0.36% from PP 6/2025 and absent before PP 37/2021', () => {
    expect(breakdown({ ...april2024, period: '2025-03' }).jkp?.totalRupiah).toBe(18_000);
    expect(breakdown({ ...april2024, period: '2020-12' }).jkp).toBeNull();
  });

  it.each([
    ['2024-04', 12_000_000, 10_042_300, 100_423, 200_846],
    ['2024-02', 12_000_000, 9_559_600, 95_596, 191_192],
    ['2025-03', 12_000_000, 10_547_400, 105_474, 210_948],
    ['2015-07', 8_000_000, 7_000_000, 70_000, 140_000],
  ] as const)('JP in %s on wage %i uses the cap %i', (period, wage, base, worker, employer) => {
    expect(line({ wageMonthlyRupiah: wage, period, segment: 'PU', riskClass: 'low' }, 'JP')).toMatchObject({
      baseRupiah: base,
      workerRupiah: worker,
      employerRupiah: employer,
    });
  });

  it('JHT has no cap', () => {
    expect(
      line({ wageMonthlyRupiah: 12_000_000, period: '2024-04', segment: 'PU', riskClass: 'low' }, 'JHT'),
    ).toMatchObject({ baseRupiah: 12_000_000, workerRupiah: 240_000, employerRupiah: 444_000 });
  });

  it.each([
    ['very_low', 12_000],
    ['low', 27_000],
    ['medium', 44_500],
    ['high', 63_500],
    ['very_high', 87_000],
  ] as const)('JKK risk class %s on 5,000,000 = %i (PP 44/2015 Lampiran I)', (riskClass, employer) => {
    expect(line({ ...april2024, riskClass }, 'JKK')?.employerRupiah).toBe(employer);
  });
});

describe('COVID-19 relief months (PP 49/2020)', () => {
  const august2020 = {
    wageMonthlyRupiah: 5_000_000,
    period: '2020-08',
    segment: 'PU',
    riskClass: 'low',
  } as const;

  it('JKK and JKM −99%, 99% of JP deferred, JHT unchanged', () => {
    const result = breakdown(august2020);
    expect(findProgramme(result, 'JKK')).toMatchObject({
      grossRupiah: 27_000,
      totalRupiah: 270,
      discountRupiah: 26_730,
    });
    expect(findProgramme(result, 'JKM')).toMatchObject({
      grossRupiah: 15_000,
      totalRupiah: 150,
      discountRupiah: 14_850,
    });
    expect(findProgramme(result, 'JP')).toMatchObject({
      grossRupiah: 150_000,
      workerRupiah: 500,
      employerRupiah: 1_000,
      totalRupiah: 1_500,
      deferredRupiah: 148_500,
    });
    expect(findProgramme(result, 'JHT')).toMatchObject({ totalRupiah: 285_000, discountRupiah: 0 });
    expect(result.deferredRupiah).toBe(148_500);
  });

  it('ends with January 2021', () => {
    expect(line({ ...august2020, period: '2021-01' }, 'JKK')?.totalRupiah).toBe(270);
    expect(line({ ...august2020, period: '2021-02' }, 'JKK')?.totalRupiah).toBe(27_000);
    expect(line({ ...august2020, period: '2020-07' }, 'JKK')?.totalRupiah).toBe(27_000);
  });
});

describe('BPU contributions', () => {
  it.each([
    [1_000_000, false, 16_800],
    [1_000_000, true, 36_800],
    [5_000_000, false, 56_800],
  ])('income %i, with JHT %s → %i', (income, bpuWithJht, total) => {
    const result = breakdown({ wageMonthlyRupiah: income, period: '2024-04', segment: 'BPU', bpuWithJht });
    expect(result.totalRupiah).toBe(total);
    expect(result.employerRupiah).toBe(0);
    expect(findProgramme(result, 'JP')).toBeNull();
    expect(result.jkp).toBeNull();
  });
});

describe('invalid input returns a named error, never a number', () => {
  const valid = { wageMonthlyRupiah: 5_000_000, period: '2024-04', segment: 'PU', riskClass: 'low' } as const;

  it.each([
    [{ ...valid, wageMonthlyRupiah: -1 }, 'contribution_wage_negative'],
    [{ ...valid, wageMonthlyRupiah: 5_000_000.5 }, 'contribution_wage_invalid'],
    [{ ...valid, wageMonthlyRupiah: Number.NaN }, 'contribution_wage_invalid'],
    [{ ...valid, wageMonthlyRupiah: 2 ** 60 }, 'contribution_wage_invalid'],
    [{ ...valid, period: '2015-06' }, 'contribution_period_before_programme'],
    [{ ...valid, period: '2024-13' }, 'period_invalid'],
    [{ wageMonthlyRupiah: 5_000_000, period: '2024-04', segment: 'PU' }, 'contribution_risk_class_required'],
    [{ wageMonthlyRupiah: 999_999, period: '2024-04', segment: 'BPU' }, 'contribution_income_out_of_band'],
    [{ wageMonthlyRupiah: 20_700_001, period: '2024-04', segment: 'BPU' }, 'contribution_income_out_of_band'],
  ] as const)('%o → %s', (input, code) => {
    expect(calculateContribution(input, defaultRuleBook)).toMatchObject({ ok: false, code });
  });

  it('names the programme and its first period', () => {
    expect(calculateContribution({ ...valid, period: '2015-06' }, defaultRuleBook)).toMatchObject({
      params: { period: '2015-06', firstPeriod: '2015-07' },
    });
  });
});

describe('properties', () => {
  const periods = fc
    .tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`)
    .filter((period) => period >= '2015-07');

  it('every split sums to its total, parts are within Rp1 of exact, and the bill sums its lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        periods,
        fc.constantFrom(...riskClasses),
        (wage, period, riskClass) => {
          const result = breakdown({ wageMonthlyRupiah: wage, period, segment: 'PU', riskClass });
          for (const part of result.programmes) {
            expect(part.workerRupiah + part.employerRupiah).toBe(part.totalRupiah);
            expect(part.totalRupiah + part.discountRupiah + part.deferredRupiah).toBe(part.grossRupiah);
            expect(part.workerRupiah).toBeGreaterThanOrEqual(0);
            expect(part.employerRupiah).toBeGreaterThanOrEqual(0);
            if (part.discountRupiah === 0 && part.deferredRupiah === 0) {
              const exactTimes10k = part.baseRupiah * part.employerBasisPoints;
              expect(Math.abs(part.employerRupiah * 10_000 - exactTimes10k)).toBeLessThanOrEqual(10_000);
            }
          }
          const sum = (key: 'workerRupiah' | 'employerRupiah' | 'totalRupiah') =>
            result.programmes.reduce((total, part) => total + part[key], 0);
          expect(result.workerRupiah + result.employerRupiah).toBe(result.totalRupiah);
          expect(result.totalRupiah).toBe(sum('totalRupiah'));
          expect(result.workerRupiah).toBe(sum('workerRupiah'));
        },
      ),
    );
  });

  it('BPU splits also sum (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 20_700_000 }),
        periods,
        fc.boolean(),
        (income, period, jht) => {
          const result = breakdown({ wageMonthlyRupiah: income, period, segment: 'BPU', bpuWithJht: jht });
          expect(result.workerRupiah + result.employerRupiah).toBe(result.totalRupiah);
          expect(result.employerRupiah).toBe(0);
        },
      ),
    );
  });
});
