// `alerts:run` counts the employments it skipped by design and those whose check failed, prints them
// and exits 1 when any failed. The failure is a wage report corrupted behind the services' back (a wage
// beyond what the contribution rules take), the skip a worker with no wage reported yet.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSkippingEmployer, type SkippingEmployer } from '../alert/alert-test-fixture';
import { enrolWorker } from '../employer/enrolment-service';
import { createTestContext, type TestContext } from '../test/test-context';
import { runAlertsCommand } from './alert-commands';

let test: TestContext;
let employer: SkippingEmployer;

beforeAll(async () => {
  test = await createTestContext();
  employer = await buildSkippingEmployer(test, 31);
  const newcomer = await enrolWorker(test.ctx, employer.employerId, {
    nik: '3273011203850099',
    fullName: 'Dedi Kurniawan',
    startedOn: '2026-07-01',
  });
  if (!newcomer.ok) throw new Error(newcomer.code);
}, 60_000);
afterAll(async () => test.close());

function capture() {
  const out: string[] = [];
  const errors: string[] = [];
  return {
    out: { write: (text: string) => out.push(text) },
    errors: { write: (text: string) => errors.push(text) },
    text: () => out.join(''),
    errorText: () => errors.join(''),
  };
}

describe('alerts:run', () => {
  it('names the employment whose check failed and exits 1; the others are still judged', async () => {
    const budi = employer.workers[1]!;
    await sql`update wage_reports set wage = 20000000000 where account_id = ${budi.accountId} and period = '2026-03'`.execute(
      test.ctx.db,
    );
    test.clock.set('2026-07-16T03:00:00Z');
    const io = capture();
    expect(await runAlertsCommand(test.ctx, ['--as-of', '2026-07-16'], io.out, io.errors)).toBe(1);
    expect(io.text()).toContain(
      'contribution alerts as of 2026-07-16 (months through 2026-06): 3 employments checked ' +
        '(1 skipped: no wage reported or BPU; 1 failed), 2 findings opened',
    );
    expect(io.errorText()).toBe(
      `  check failed for employment ${budi.employmentId}: contribution_history_invalid\n`,
    );
  });

  it('exits 0 once every employment can be judged', async () => {
    const budi = employer.workers[1]!;
    await sql`update wage_reports set wage = ${budi.wage} where account_id = ${budi.accountId} and period = '2026-03'`.execute(
      test.ctx.db,
    );
    const io = capture();
    expect(await runAlertsCommand(test.ctx, ['--as-of=2026-07-16'], io.out, io.errors)).toBe(0);
    expect(io.text()).toContain(
      '3 employments checked (1 skipped: no wage reported or BPU; 0 failed), 2 findings opened',
    );
    expect(io.errorText()).toBe('');
  });

  it('refuses bad arguments and a future date with exit 2', async () => {
    const io = capture();
    expect(await runAlertsCommand(test.ctx, ['--when'], io.out, io.errors)).toBe(2);
    expect(await runAlertsCommand(test.ctx, ['--as-of', '2026-07-17'], io.out, io.errors)).toBe(2);
    expect(io.errorText()).toContain('usage: lumbung alerts:run');
    expect(io.errorText()).toContain('today or earlier');
  });
});
