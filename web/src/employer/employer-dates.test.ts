import { describe, expect, it } from 'vitest';
import { jakartaToday, previousPeriod } from './employer-dates';

describe('employer dates', () => {
  it.each([
    // 17:00 UTC is already the next day in Jakarta (UTC+7).
    ['2026-12-01T17:00:00Z', '2026-12-02'],
    ['2026-12-01T16:59:59Z', '2026-12-01'],
    ['2026-12-31T18:30:00Z', '2027-01-01'],
  ])('reads %s as %s in Jakarta', (instant, expected) => {
    expect(jakartaToday(new Date(instant))).toBe(expected);
  });

  it.each([
    ['2026-12-02', '2026-11'],
    ['2026-01-15', '2025-12'],
    ['2026-10-31', '2026-09'],
  ])('the month before %s is %s', (date, expected) => {
    expect(previousPeriod(date)).toBe(expected);
  });
});
