// When a failed background job runs again: exponential backoff, the same for every kind, no jitter
// (the core has no randomness; a job's key already spreads work over servers through the queue lock).
import { assert } from '../result';

export const RETRY_BASE_SECONDS = 30;
export const RETRY_CAP_SECONDS = 3600;

/** Delay before the next try after `attempts` failed runs: 30 s, 1 min, 2 min, 4 min … at most 1 h. */
export function retryDelaySeconds(
  attempts: number,
  baseSeconds: number = RETRY_BASE_SECONDS,
  capSeconds: number = RETRY_CAP_SECONDS,
): number {
  assert(Number.isSafeInteger(attempts) && attempts >= 1, 'attempts must be a whole number ≥ 1');
  assert(Number.isSafeInteger(baseSeconds) && baseSeconds >= 0, 'baseSeconds must be a whole number ≥ 0');
  assert(Number.isSafeInteger(capSeconds) && capSeconds >= baseSeconds, 'capSeconds must be ≥ baseSeconds');
  // 2^30 already exceeds any sensible cap; stop doubling before the number grows unsafe.
  const exponent = Math.min(attempts - 1, 30);
  return Math.min(capSeconds, baseSeconds * 2 ** exponent);
}

/** Whether a job that has run `attempts` times may run again. */
export function hasAttemptsLeft(attempts: number, maxAttempts: number): boolean {
  return attempts < maxAttempts;
}
