// Time enters the system here and is passed down; the core never reads the clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export function manualClock(
  start: Date | string,
): Clock & { set(at: Date | string): void; advanceMs(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advanceMs: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

// The last day computed and the UTC span it covers: every request asks, and the answer changes once
// a day. WIB has no daylight saving, so a day is always 24 hours.
let lastDay = { startMs: 0, endMs: 0, date: '' };

/** The calendar date in Indonesia's western time zone (WIB, UTC+7), where the fund's days turn. */
export function todayInJakarta(clock: Clock): string {
  const nowMs = clock.now().getTime();
  if (nowMs >= lastDay.startMs && nowMs < lastDay.endMs) return lastDay.date;
  const startMs = Math.floor((nowMs + WIB_OFFSET_MS) / DAY_MS) * DAY_MS - WIB_OFFSET_MS;
  const date = new Date(startMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
  lastDay = { startMs, endMs: startMs + DAY_MS, date };
  return date;
}
