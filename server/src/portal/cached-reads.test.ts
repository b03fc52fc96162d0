// The server's read caches end to end: a signed-in member's session and balance views come from memory,
// and a write shows on the very next read, whether this process made it or (PostgreSQL) another did.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBill } from '../employer/bill-service';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { buildApp, type App } from '../http/app';
import { revokeSessionById } from '../identity/session-service';
import { openReadCache } from '../runtime';
import type { ServiceContext } from '../services/service-context';
import { bearerFor } from '../test/sign-in';
import { createTestContext, type TestContext } from '../test/test-context';
import { testBackend } from '../test/test-database';

let test: TestContext;
let ctx: ServiceContext;
let app: App;

beforeAll(async () => {
  test = await createTestContext({ now: '2025-02-05T03:00:00Z' });
  ctx = { ...test.ctx, readCache: await openReadCache(test.database, test.config) };
  app = await buildApp(ctx);
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await test?.close();
});

let serial = 0;
/** A worker of an employer of their own (one wage report per employer and month). */
async function member(): Promise<{
  personId: number;
  kpj: string;
  employerId: number;
  token: string;
  sessionId: number;
}> {
  serial += 1;
  const employerId = await createEmployer(ctx, {
    npp: `NPP-CACHE-${serial}`,
    name: `PT Cache ${serial}`,
    riskClass: 'low',
  });
  const enrolled = await enrolWorker(ctx, employerId, {
    nik: `32730155019000${String(serial).padStart(2, '0')}`,
    fullName: `Cache Member ${serial}`,
    startedOn: '2025-01-01',
  });
  if (!enrolled.ok) throw new Error(enrolled.code);
  const token = await bearerFor(ctx, { role: 'member', personId: enrolled.value.personId });
  const session = await ctx.db
    .selectFrom('sessions')
    .select('session_id')
    .where('person_id', '=', enrolled.value.personId)
    .executeTakeFirstOrThrow();
  return { ...enrolled.value, employerId, token, sessionId: session.session_id };
}

async function payMonth(
  payer: ServiceContext,
  { kpj, employerId }: { kpj: string; employerId: number },
  period: string,
  wage: number,
): Promise<void> {
  const imported = await importWageReport(payer, employerId, [{ line: 1, period, kpj, wage }]);
  if (!('ok' in imported) || !imported.ok) throw new Error(`wage report ${period}`);
  const bill = await getBill(payer, employerId, period);
  if (!bill.ok) throw new Error(bill.code);
  const paid = await recordPayment(payer, {
    employerId,
    period,
    paymentReference: `CACHE-${kpj}-${period}`,
    amountRupiah: bill.value.totalRupiah,
    paidAt: new Date('2025-02-05T02:00:00Z'),
    source: 'bank',
  });
  if (!paid.ok) throw new Error(paid.code);
}

const overview = async (token: string) => {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/me/overview',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.statusCode, body: response.json() };
};

describe('read caches', () => {
  it('serves the second read from memory', async () => {
    const alice = await member();
    const first = await overview(alice.token);
    expect(first.status).toBe(200);
    expect(ctx.readCache?.get('views', `overview:${alice.personId}:2025-02-05`)).toEqual({
      rules: ctx.rules.current,
      value: first.body,
    });
    expect((await overview(alice.token)).body).toEqual(first.body);
  });

  it('shows a posting made by this process on the very next read', async () => {
    const bob = await member();
    expect((await overview(bob.token)).body.programmes.jht.balanceRupiah).toBe(0);
    await payMonth(ctx, bob, '2025-01', 5_000_000);
    // 2% worker + 3.7% employer of Rp 5,000,000.
    expect((await overview(bob.token)).body.programmes.jht.balanceRupiah).toBe(285_000);
  });

  it('refuses a session revoked by this process on the very next request', async () => {
    const carol = await member();
    expect((await overview(carol.token)).status).toBe(200);
    const user = await ctx.db
      .selectFrom('sessions')
      .select('user_id')
      .where('session_id', '=', carol.sessionId)
      .executeTakeFirstOrThrow();
    expect((await revokeSessionById(ctx, user.user_id, carol.sessionId, 'sign_out')).ok).toBe(true);
    expect((await overview(carol.token)).status).toBe(401);
  });

  it.skipIf(testBackend !== 'postgresql')(
    "sees another process's posting and revocation within moments",
    async () => {
      const dina = await member();
      expect((await overview(dina.token)).body.programmes.jht.balanceRupiah).toBe(0);
      // Another process: its own pool, its own change feed, no cache.
      const other = await import('../db/database').then(({ openDatabase }) =>
        openDatabase({ kind: 'postgresql', url: test.database.url ?? '' }),
      );
      try {
        const otherCtx: ServiceContext = { ...test.ctx, db: other.db };
        await payMonth(otherCtx, dina, '2025-01', 4_000_000);
        await expect
          .poll(async () => (await overview(dina.token)).body.programmes.jht.balanceRupiah, {
            timeout: 3_000,
          })
          .toBe(228_000);
        const client = new pg.Client({ connectionString: test.database.url });
        await client.connect();
        await client.query(`update sessions set revoked_at = now() where session_id = $1`, [dina.sessionId]);
        await client.end();
        await expect.poll(async () => (await overview(dina.token)).status, { timeout: 3_000 }).toBe(401);
      } finally {
        await other.close();
      }
    },
  );
});
