import { describe, expect, it } from 'vitest';
import { manualClock, todayInJakarta } from './clock';

const naive = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('todayInJakarta', () => {
  it('turns the day at midnight WIB (17:00 UTC), forwards and backwards', () => {
    const clock = manualClock('2026-12-07T16:59:59.999Z');
    expect(todayInJakarta(clock)).toBe('2026-12-07');
    clock.advanceMs(1);
    expect(todayInJakarta(clock)).toBe('2026-12-08');
    clock.set('2026-12-07T16:59:59.999Z');
    expect(todayInJakarta(clock)).toBe('2026-12-07');
    clock.set('2026-12-06T17:00:00.000Z');
    expect(todayInJakarta(clock)).toBe('2026-12-07');
    clock.advanceMs(-1);
    expect(todayInJakarta(clock)).toBe('2026-12-06');
  });

  it('agrees with the plain conversion across years, leap days and before 1970', () => {
    const clock = manualClock('1965-03-01T00:00:00Z');
    const samples = [
      '1965-03-01T00:00:00Z',
      '2024-02-28T17:00:00Z',
      '2024-02-29T16:59:59Z',
      '2030-12-31T17:00:00Z',
    ];
    for (let i = 0; i < 2_000; i++)
      samples.push(new Date(Date.UTC(1960, 0, 1) + i * 987_654_321).toISOString());
    for (const at of samples) {
      clock.set(at);
      expect(todayInJakarta(clock), at).toBe(naive(new Date(at)));
    }
  });
});
