import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import {
  dueJobsAt,
  jobKindSettings,
  JOB_KINDS,
  lastDueContributionPeriod,
  notificationSweepSlot,
  type ScheduledJob,
} from './job-schedule';

const at = (iso: string): number => new Date(iso).getTime();
const keysOf = (jobs: ScheduledJob[], kind: string): string[] =>
  jobs.filter((job) => job.kind === kind).map((job) => job.key);
const noFacts = { pendingJhtReturnYears: [], rules: defaultRuleBook };

describe('last contribution period whose payment deadline has passed', () => {
  it.each([
    // PU: due the 15th of the following month; the day after is the first day it is overdue.
    ['2026-11-15', '2026-09'],
    ['2026-11-16', '2026-10'],
    ['2026-11-30', '2026-10'],
    ['2026-12-01', '2026-10'],
    ['2027-01-15', '2026-11'],
    ['2027-01-16', '2026-12'],
    // PP 49/2020 relief: the 30th (February's 28th) instead of the 15th.
    ['2020-09-30', '2020-07'],
    ['2020-10-01', '2020-08'],
    ['2021-02-28', '2020-12'],
    ['2021-03-01', '2021-01'],
  ])('on %s: %s', (asOf, period) => {
    expect(lastDueContributionPeriod(asOf, defaultRuleBook)).toBe(period);
  });
});

describe('which periodic jobs are due at an instant', () => {
  it.each([
    // [instant (UTC), contribution-alert key, claim-expiry key]
    ['2026-11-15T16:59:59Z', 'contribution-alerts:2026-09', 'claims-expire:2026-11-15'], // 23:59:59 WIB on the 15th
    ['2026-11-15T17:00:00Z', 'contribution-alerts:2026-10', 'claims-expire:2026-11-16'], // 00:00 WIB on the 16th
    ['2026-12-01T16:59:00Z', 'contribution-alerts:2026-10', 'claims-expire:2026-12-01'],
    ['2026-12-01T17:00:00Z', 'contribution-alerts:2026-10', 'claims-expire:2026-12-02'],
    ['2026-12-31T18:00:00Z', 'contribution-alerts:2026-11', 'claims-expire:2027-01-01'], // new year in Jakarta first
  ])('at %s: %s and %s', (instant, alertKey, expiryKey) => {
    const jobs = dueJobsAt(at(instant), noFacts);
    expect(keysOf(jobs, 'contribution-alerts')).toEqual([alertKey]);
    expect(keysOf(jobs, 'claims-expire')).toEqual([expiryKey]);
  });

  it('passes the run date (WIB) with the contribution-alert job, so a retry resumes the same run', () => {
    const jobs = dueJobsAt(at('2026-11-15T17:30:00Z'), noFacts);
    expect(jobs.find((job) => job.kind === 'contribution-alerts')?.payload).toEqual({
      period: '2026-10',
      asOf: '2026-11-16',
    });
  });

  it('asks for one contribution-alert job per month over a year of instants', () => {
    const keys = new Set<string>();
    for (let ms = at('2026-01-01T00:00:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += 3 * 3_600_000) {
      for (const key of keysOf(dueJobsAt(ms, noFacts), 'contribution-alerts')) keys.add(key);
    }
    expect([...keys]).toEqual([
      'contribution-alerts:2025-11',
      'contribution-alerts:2025-12',
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map(
        (month) => `contribution-alerts:2026-${month}`,
      ),
    ]);
  });

  it('asks for one claim-expiry job per Jakarta day', () => {
    const keys = new Set<string>();
    for (let ms = at('2026-11-01T00:00:00Z'); ms < at('2026-11-08T00:00:00Z'); ms += 15 * 60_000) {
      for (const key of keysOf(dueJobsAt(ms, noFacts), 'claims-expire')) keys.add(key);
    }
    // 2026-11-01T00:00Z is already 07:00 WIB on the 1st; 2026-11-07T23:45Z is the 8th in Jakarta.
    expect([...keys]).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((day) => `claims-expire:2026-11-0${day}`));
  });

  it('asks for the JHT return of each declared, unfinished year, once', () => {
    const jobs = dueJobsAt(at('2026-11-22T03:00:00Z'), {
      ...noFacts,
      pendingJhtReturnYears: [2025, 2024, 2025],
    });
    expect(keysOf(jobs, 'jht-return')).toEqual(['jht-return:2024', 'jht-return:2025']);
    expect(jobs.find((job) => job.key === 'jht-return:2024')?.payload).toEqual({ year: 2024 });
    expect(keysOf(dueJobsAt(at('2026-11-22T03:00:00Z'), noFacts), 'jht-return')).toEqual([]);
  });

  it.each([
    ['2026-11-22T03:04:00.000Z', 'notifications-send:2026-11-22T03:04Z'],
    ['2026-11-22T03:04:59.999Z', 'notifications-send:2026-11-22T03:04Z'],
    ['2026-11-22T03:05:00.000Z', 'notifications-send:2026-11-22T03:05Z'],
  ])('sweeps notifications once a minute: %s → %s', (instant, key) => {
    expect(keysOf(dueJobsAt(at(instant), noFacts), 'notifications-send')).toEqual([key]);
    expect(`notifications-send:${notificationSweepSlot(at(instant))}`).toBe(key);
  });

  it('gives every kind its settings and every job a kind it knows', () => {
    for (const kind of JOB_KINDS) expect(jobKindSettings[kind].maxAttempts).toBeGreaterThanOrEqual(1);
    const jobs = dueJobsAt(at('2026-11-22T03:00:00Z'), { ...noFacts, pendingJhtReturnYears: [2025] });
    expect(jobs.map((job) => job.kind).sort()).toEqual([...JOB_KINDS].sort());
  });

  it('refuses an instant that is not a number', () => {
    expect(() => dueJobsAt(Number.NaN, noFacts)).toThrow();
  });
});
