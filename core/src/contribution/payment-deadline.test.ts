import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { calculateLatePenalty, monthsLate, paymentDeadline } from './payment-deadline';

describe('payment deadline', () => {
  it.each([
    ['2024-04', 'PU', '2024-05-15'], // 15th of the next month (kontan.co.id)
    ['2024-12', 'PU', '2025-01-15'],
    ['2024-04', 'BPU', '2024-04-15'], // 15th of the same month
    ['2020-08', 'PU', '2020-09-30'], // PP 49/2020: the 30th
    ['2021-01', 'PU', '2021-02-28'], // the 30th clamped to February's last day
    ['2021-02', 'PU', '2021-03-15'],
  ] as const)('%s %s → %s', (period, segment, date) => {
    expect(paymentDeadline(period, segment, defaultRuleBook)).toEqual({ ok: true, value: date });
  });

  it('names errors', () => {
    expect(paymentDeadline('2015-06', 'PU', defaultRuleBook)).toMatchObject({
      ok: false,
      code: 'contribution_period_before_programme',
    });
    expect(paymentDeadline('2015-6', 'PU', defaultRuleBook)).toMatchObject({
      ok: false,
      code: 'period_invalid',
    });
  });
});

describe('late penalty', () => {
  it.each([
    ['2024-05-15', '2024-05-15', 0],
    ['2024-05-15', '2024-05-16', 1],
    ['2024-05-15', '2024-06-15', 1],
    ['2024-05-15', '2024-06-16', 2],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-03-01', 2],
    ['2024-05-15', '2025-05-15', 12],
  ])('due %s, paid %s: %i started months', (due, paid, months) => {
    expect(monthsLate(due, paid)).toBe(months);
  });

  it.each([
    ['2024-04', '2024-05-15', 0],
    ['2024-04', '2024-05-16', 9_540], // 2% × 477,000
    ['2024-04', '2024-07-01', 19_080], // 2 months
    ['2020-08', '2020-10-01', 2_385], // PP 49/2020: 0.5% × 477,000
  ])('period %s paid %s → %i', (period, paidDate, penalty) => {
    expect(
      calculateLatePenalty({ period, segment: 'PU', amountRupiah: 477_000, paidDate }, defaultRuleBook),
    ).toMatchObject({
      ok: true,
      value: { penaltyRupiah: penalty },
    });
  });

  it('accepts an explicit due date and refuses bad amounts', () => {
    expect(
      calculateLatePenalty(
        {
          period: '2024-04',
          segment: 'PU',
          amountRupiah: 100_000,
          paidDate: '2024-05-20',
          dueDate: '2024-05-10',
        },
        defaultRuleBook,
      ),
    ).toMatchObject({ ok: true, value: { dueDate: '2024-05-10', monthsLate: 1, penaltyRupiah: 2_000 } });
    expect(
      calculateLatePenalty(
        { period: '2024-04', segment: 'PU', amountRupiah: -1, paidDate: '2024-05-20' },
        defaultRuleBook,
      ),
    ).toMatchObject({ ok: false, code: 'contribution_amount_invalid' });
  });
});
