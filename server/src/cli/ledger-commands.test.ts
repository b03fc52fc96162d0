// `lumbung seed` does what the first start of `serve` does — ledger, sign-ins, news and the first
// contribution-alert run — and prints the sign-ins the same way; `jht-return` with a rate other than
// the one a year was declared at is refused by name instead of silently crediting the old rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../seed/demo-users';
import { createTestContext, type TestContext } from '../test/test-context';
import { runJhtReturnCommand, runSeed, runVerify } from './ledger-commands';

let test: TestContext;
let printed = '';
let exitCode = -1;

const count = async (table: 'users' | 'news' | 'notifications' | 'persons') => {
  const row = await test.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00Z' });
  exitCode = await runSeed(test.ctx, { write: (text: string) => (printed += text) });
}, 180_000);
afterAll(async () => test.close());

describe('lumbung seed', () => {
  it('seeds members and staff sign-ins, news and the contribution alerts, and prints the sign-ins', async () => {
    expect(exitCode).toBe(0);
    // 13 members, of whom one is left to try sign-up, plus one staff user per role.
    expect(await count('persons')).toBe(13);
    expect(await count('users')).toBe(12 + DEMO_STAFF.length);
    expect(await count('news')).toBeGreaterThan(0);
    // The two workers of CV Kopi Lereng Merapi, told about April and May 2026.
    expect(await count('notifications')).toBe(2);
    expect(printed).toContain('seeded 3 employers and 13 members');
    expect(printed).toContain('contribution alerts as of 2026-11-22: 4 findings, 2 members told in the app');
    expect(printed).toContain('\nDemo sign-ins (development only):\n');
    expect(printed).toMatch(/ {2}Member Siti Aminah +siti\.aminah@demo\.lumbung\.id +lumbung-demo-2026/);
    for (const staff of DEMO_STAFF) expect(printed).toContain(staff.email);
    // The browser tests read the newcomer's KPJ from this line (web/e2e/demo-member.ts).
    expect(printed).toMatch(/Sign-up demo: Fitri Rahmawati\s+NIK 3273014710960010, KPJ \d{11}/);
  });

  it('refuses a database that already holds people', async () => {
    const out: string[] = [];
    expect(await runSeed(test.ctx, { write: (text: string) => out.push(text) })).toBe(1);
    expect(out.join('')).toContain('only seeded into an empty database');
    expect(await count('persons')).toBe(13);
  });
});

describe('lumbung jht-return', () => {
  const creditedIn2025 = async () =>
    test.ctx.db
      .selectFrom('jht_return_years')
      .select(['rate_basis_points', 'status', 'amount_credited'])
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();

  it('refuses a rate other than the one the year was declared at, and changes nothing', async () => {
    const before = await creditedIn2025();
    expect(before).toMatchObject({ rate_basis_points: 580, status: 'completed' });
    const out: string[] = [];
    expect(
      await runJhtReturnCommand(test.ctx, ['2025', '--rate', '600'], { write: (t: string) => out.push(t) }),
    ).toBe(1);
    expect(out.join('')).toBe(
      'cannot declare 2025: jht_return_rate_conflict: The return for 2025 was already declared at 580 basis ' +
        'points; the rate of 600 basis points was not applied.\n',
    );
    expect(await creditedIn2025()).toEqual(before);
  });

  it('takes the same rate again as a retry and finishes with exit 0', async () => {
    const out: string[] = [];
    expect(
      await runJhtReturnCommand(test.ctx, ['2025', '--rate', '580'], { write: (t: string) => out.push(t) }),
    ).toBe(0);
    expect(out.join('')).toMatch(/^JHT return 2025 completed: \d+ accounts, Rp\d+\n$/);
    expect(await runVerify(test.ctx, { write: () => undefined })).toBe(0);
  });
});
