import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { checkContributionCompliance } from '../contribution/compliance';
import { formatAlertMonth, formatAlertRupiah, joinMonths } from './alert-format';
import { planFindings } from './alert-classification';
import {
  contributionAlertText,
  contributionResolvedText,
  parseContributionAlertParams,
  type ContributionAlertParams,
} from './alert-messages';

const params: ContributionAlertParams = {
  employerName: 'PT Maju Jaya',
  kpj: '99000000019',
  months: [
    {
      findingId: 1,
      period: '2026-10',
      kind: 'missing',
      expectedRupiah: 1_234_567,
      postedRupiah: 0,
      shortfallRupiah: 1_234_567,
    },
    {
      findingId: 2,
      period: '2026-11',
      kind: 'underpaid',
      expectedRupiah: 1_234_567,
      postedRupiah: 1_000_000,
      shortfallRupiah: 234_567,
    },
    {
      findingId: 3,
      period: '2026-12',
      kind: 'missing',
      expectedRupiah: 500_000,
      postedRupiah: 0,
      shortfallRupiah: 500_000,
    },
  ],
};

describe('alert formats', () => {
  it.each([
    [0, 'Rp 0'],
    [1_500, 'Rp 1.500'],
    [1_234_567, 'Rp 1.234.567'],
    [-25_000, '-Rp 25.000'],
  ])('writes %d as %s', (amount, text) => expect(formatAlertRupiah(amount)).toBe(text));

  it('names months in both languages', () => {
    expect(formatAlertMonth('2026-10', 'id')).toBe('Oktober 2026');
    expect(formatAlertMonth('2026-10', 'en')).toBe('October 2026');
    expect(joinMonths(['2026-08', '2026-09', '2026-10'], 'id')).toBe(
      'Agustus 2026, September 2026 dan Oktober 2026',
    );
    expect(joinMonths(['2026-08', '2026-09'], 'en')).toBe('August 2026 and September 2026');
  });

  it('refuses non-integer amounts', () => expect(() => formatAlertRupiah(1.5)).toThrow());
});

describe('alert texts', () => {
  it('lists each month with its amounts, in Indonesian', () => {
    const text = contributionAlertText(params, 'id');
    expect(text.title).toBe('Iuran 3 bulan belum diterima penuh');
    expect(text.lines).toEqual([
      'Oktober 2026: belum dibayar (seharusnya Rp 1.234.567)',
      'November 2026: kurang bayar Rp 234.567 (seharusnya Rp 1.234.567, diterima Rp 1.000.000)',
      'Desember 2026: belum dibayar (seharusnya Rp 500.000)',
    ]);
    expect(text.outro).toContain('Total kekurangan: Rp 1.969.134.');
    expect(text.sms).toBe(
      'Lumbung: iuran Oktober 2026, November 2026 dan 1 bulan lain dari PT Maju Jaya belum dibayar penuh, kurang Rp 1.969.134. Buka aplikasi Lumbung untuk melapor.',
    );
  });

  it('speaks English when asked, with the same amounts', () => {
    const text = contributionAlertText({ ...params, months: params.months.slice(0, 1) }, 'en');
    expect(text.title).toBe('Contribution for October 2026 not received in full');
    expect(text.lines).toEqual(['October 2026: not paid (due Rp 1.234.567)']);
    expect(text.sms).toContain('October 2026');
    expect(text.sms).toContain('Rp 1.234.567');
  });

  it('tells that months were paid', () => {
    const text = contributionResolvedText(
      {
        employerName: 'PT Maju Jaya',
        kpj: '99000000019',
        months: [{ findingId: 1, period: '2026-10', postedRupiah: 1_234_567 }],
      },
      'id',
    );
    expect(text.title).toBe('Iuran Oktober 2026 sudah dibayar');
    expect(text.lines).toEqual(['Oktober 2026: Rp 1.234.567 diterima']);
  });

  it('refuses stored params of the wrong shape', () => {
    expect(parseContributionAlertParams(JSON.parse(JSON.stringify(params)))).toEqual(params);
    expect(parseContributionAlertParams({ ...params, months: [] })).toBeNull();
    expect(
      parseContributionAlertParams({ ...params, months: [{ ...params.months[0], period: '2026-13' }] }),
    ).toBeNull();
    expect(parseContributionAlertParams(null)).toBeNull();
  });
});

describe('planFindings', () => {
  const base = {
    segment: 'PU' as const,
    riskClass: 'medium' as const,
    employment: [{ from: '2026-01', to: null }],
    wageReports: [{ period: '2026-01', wageMonthlyRupiah: 5_000_000 }],
  };
  const report = (postings: { period: string; amountRupiah: number; paidDate: string }[], asOf: string) => {
    const result = checkContributionCompliance({ ...base, postings, asOf }, defaultRuleBook);
    if (!result.ok) throw new Error(result.code);
    return result.value;
  };

  it('opens missing months, then resolves them once paid, leaving resolved ones alone', () => {
    const first = report([], '2026-03-16');
    const plan = planFindings([], first);
    expect(plan.open.map((f) => [f.period, f.kind, f.status])).toEqual([
      ['2026-01', 'missing', 'open'],
      ['2026-02', 'missing', 'open'],
    ]);
    const expected = plan.open[0]!.expectedRupiah;
    expect(expected).toBeGreaterThan(0);

    const recorded = plan.open.map((f, index) => ({
      findingId: index + 1,
      period: f.period,
      kind: f.kind,
      status: f.status,
    }));
    const later = report(
      [
        { period: '2026-01', amountRupiah: expected, paidDate: '2026-03-20' },
        { period: '2026-02', amountRupiah: expected - 100, paidDate: '2026-03-20' },
      ],
      '2026-03-21',
    );
    const next = planFindings(recorded, later);
    expect(next.open).toEqual([]);
    expect(next.resolve.map((f) => [f.findingId, f.postedRupiah, f.paidDate])).toEqual([
      [1, expected, '2026-03-20'],
    ]);
    expect(next.refresh.map((f) => [f.findingId, f.kind, f.shortfallRupiah])).toEqual([
      [2, 'underpaid', 100],
    ]);

    const again = planFindings([{ ...recorded[0]!, status: 'resolved' }, recorded[1]!], later);
    expect(again.resolve).toEqual([]);
  });

  it('records a month paid late but in full as already resolved', () => {
    const plan = planFindings(
      [],
      report([{ period: '2026-01', amountRupiah: 10_000_000, paidDate: '2026-02-20' }], '2026-02-21'),
    );
    expect(plan.open.map((f) => [f.period, f.kind, f.status, f.paidDate])).toEqual([
      ['2026-01', 'paid_late', 'resolved', '2026-02-20'],
    ]);
  });
});
