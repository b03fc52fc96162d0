import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { checkContributionCompliance, type ComplianceInput } from './compliance';

// Wage 5,000,000, risk class low, 2024: the full bill is 477,000 a month (PP 44/45/46/2015).
const base: ComplianceInput = {
  segment: 'PU',
  riskClass: 'low',
  employment: [{ from: '2024-01', to: null }],
  wageReports: [{ period: '2024-01', wageMonthlyRupiah: 5_000_000 }],
  postings: [
    { period: '2024-01', amountRupiah: 477_000, paidDate: '2024-02-10' }, // on time
    // 2024-02 missing
    { period: '2024-03', amountRupiah: 400_000, paidDate: '2024-04-15' }, // underpaid
    { period: '2024-04', amountRupiah: 477_000, paidDate: '2024-05-20' }, // late, 1 month
    { period: '2024-05', amountRupiah: 200_000, paidDate: '2024-06-14' },
    { period: '2024-05', amountRupiah: 277_000, paidDate: '2024-06-15' }, // paid in two parts, on time
  ],
  asOf: '2024-07-10',
};

describe('contribution compliance', () => {
  it('lists missing, underpaid and late months with expected vs posted', () => {
    const result = checkContributionCompliance(base, defaultRuleBook);
    if (!result.ok) throw new Error(result.code);
    const report = result.value;
    expect(report.checkedPeriods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    expect(report.notYetDue).toEqual(['2024-06', '2024-07']); // 2024-06 is due 15 July
    expect(report.findings).toEqual([
      {
        period: '2024-02',
        kind: 'missing',
        wageMonthlyRupiah: 5_000_000,
        reportedWageMonthlyRupiah: null,
        expectedRupiah: 477_000,
        postedRupiah: 0,
        shortfallRupiah: 477_000,
        dueDate: '2024-03-15',
        lastPaidDate: null,
        monthsLate: 4,
        penaltyRupiah: 38_160, // 2% × 4 × 477,000
      },
      {
        period: '2024-03',
        kind: 'underpaid',
        wageMonthlyRupiah: 5_000_000,
        reportedWageMonthlyRupiah: null,
        expectedRupiah: 477_000,
        postedRupiah: 400_000,
        shortfallRupiah: 77_000,
        dueDate: '2024-04-15',
        lastPaidDate: '2024-04-15',
        monthsLate: 3,
        penaltyRupiah: 4_620, // 2% × 3 × 77,000
      },
      {
        period: '2024-04',
        kind: 'late',
        wageMonthlyRupiah: 5_000_000,
        reportedWageMonthlyRupiah: null,
        expectedRupiah: 477_000,
        postedRupiah: 477_000,
        shortfallRupiah: 0,
        dueDate: '2024-05-15',
        lastPaidDate: '2024-05-20',
        monthsLate: 1,
        penaltyRupiah: 9_540,
      },
    ]);
    expect(report.expectedTotalRupiah).toBe(5 * 477_000);
    expect(report.postedTotalRupiah).toBe(4 * 477_000 - 77_000);
    expect(report.shortfallTotalRupiah).toBe(477_000 + 77_000);
  });

  it('judges against the last reported wage', () => {
    const result = checkContributionCompliance(
      {
        ...base,
        wageReports: [...base.wageReports, { period: '2024-03', wageMonthlyRupiah: 6_000_000 }],
      },
      defaultRuleBook,
    );
    const march = result.ok ? result.value.findings.find((f) => f.period === '2024-03') : undefined;
    expect(march).toMatchObject({ wageMonthlyRupiah: 6_000_000, expectedRupiah: 572_400, kind: 'underpaid' });
    const april = result.ok ? result.value.findings.find((f) => f.period === '2024-04') : undefined;
    expect(april).toMatchObject({ kind: 'underpaid', shortfallRupiah: 95_400 });
  });

  it('judges the first month reported below the wage before it at that earlier wage, once', () => {
    // Reported 5,000,000, then 4,000,000 twice; the member's JHT and JP got exactly what was billed.
    const result = checkContributionCompliance(
      {
        ...base,
        programmes: ['JHT', 'JP'],
        wageReports: [
          { period: '2024-01', wageMonthlyRupiah: 5_000_000 },
          { period: '2024-02', wageMonthlyRupiah: 4_000_000 },
          { period: '2024-03', wageMonthlyRupiah: 4_000_000 },
        ],
        postings: [
          { period: '2024-01', amountRupiah: 435_000, paidDate: '2024-02-10' }, // 8.7% of 5,000,000
          { period: '2024-02', amountRupiah: 348_000, paidDate: '2024-03-10' }, // 8.7% of 4,000,000
          { period: '2024-03', amountRupiah: 348_000, paidDate: '2024-04-10' },
        ],
        asOf: '2024-04-20',
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({ ok: true, value: { checkedPeriods: ['2024-01', '2024-02', '2024-03'] } });
    expect(result.ok && result.value.findings).toEqual([
      {
        period: '2024-02',
        kind: 'underpaid',
        wageMonthlyRupiah: 5_000_000,
        reportedWageMonthlyRupiah: 4_000_000,
        expectedRupiah: 435_000,
        postedRupiah: 348_000,
        shortfallRupiah: 87_000,
        dueDate: '2024-03-15',
        lastPaidDate: '2024-03-10',
        monthsLate: 2,
        penaltyRupiah: 3_480, // 2% × 2 × 87,000
      },
    ]);
  });

  it('expects only the programmes the postings carry', () => {
    const result = checkContributionCompliance(
      {
        ...base,
        programmes: ['JHT', 'JP'],
        postings: [{ period: '2024-01', amountRupiah: 435_000, paidDate: '2024-02-10' }],
        asOf: '2024-03-01',
      },
      defaultRuleBook,
    );
    // JHT 5.7% + JP 3% of 5,000,000; the whole bill (with JKK 0.54% and JKM 0.3%) would be 477,000.
    expect(result).toMatchObject({ ok: true, value: { findings: [], expectedTotalRupiah: 435_000 } });
  });

  it('uses the relief rules of the period (PP 49/2020: due the 30th, 0.5%)', () => {
    const result = checkContributionCompliance(
      {
        ...base,
        employment: [{ from: '2020-08', to: '2020-08' }],
        wageReports: [{ period: '2020-08', wageMonthlyRupiah: 5_000_000 }],
        postings: [{ period: '2020-08', amountRupiah: 286_920, paidDate: '2020-10-01' }],
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        findings: [{ kind: 'late', dueDate: '2020-09-30', expectedRupiah: 286_920, penaltyRupiah: 1_435 }],
      },
    });
  });

  it('names inconsistent history', () => {
    expect(checkContributionCompliance({ ...base, wageReports: [] }, defaultRuleBook)).toMatchObject({
      code: 'contribution_history_invalid',
    });
    expect(
      checkContributionCompliance({ ...base, employment: [{ from: '2024-13', to: null }] }, defaultRuleBook),
    ).toMatchObject({
      code: 'contribution_history_invalid',
    });
    const { riskClass: _riskClass, ...withoutRisk } = base;
    expect(checkContributionCompliance(withoutRisk, defaultRuleBook)).toMatchObject({
      code: 'contribution_risk_class_required',
    });
  });
});
