import { describe, expect, it } from 'vitest';
import { hasAttemptsLeft, retryDelaySeconds } from './job-retry';

describe('retry backoff', () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [7, 1920],
    [8, 3600], // 3,840 s capped at one hour
    [60, 3600],
  ])('after %i failed runs: %i s', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts)).toBe(seconds);
  });

  it('takes its own base and cap', () => {
    expect(retryDelaySeconds(3, 1, 10)).toBe(4);
    expect(retryDelaySeconds(5, 1, 10)).toBe(10);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('refuses %s attempts', (attempts) => {
    expect(() => retryDelaySeconds(attempts)).toThrow();
  });

  it.each([
    [0, 1, true],
    [1, 1, false],
    [4, 5, true],
    [5, 5, false],
    [6, 5, false],
  ])('%i of %i attempts used: may run again = %s', (attempts, maxAttempts, expected) => {
    expect(hasAttemptsLeft(attempts, maxAttempts)).toBe(expected);
  });
});
