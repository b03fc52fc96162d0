// SMS SALDO through the signed JSON webhook (POST /api/v1/sms/inbound): linked phones asking their
// balance, each reply sent on to a local aggregator stub over HTTP, as in production. autocannon for a
// bounded time, against a bare Fastify POST route in the same run. Enough phones are linked that no
// phone passes the per-phone hourly limit, and the replies are counted by kind afterwards to prove it.
//   npm run bench:sms -- --members 100k --months 12 [--seconds 10] [--connections 20]
import { sql } from 'kysely';
import { signatureHeaders } from '../server/src/sms/sms-signature';
import { openBenchDatabase } from './lib/bench-database';
import { runLoad, startApp, startBareServer } from './lib/http-bench';
import { benchContext, log, numberOption, record, runBench } from './lib/harness';
import Fastify from 'fastify';

const members = numberOption('--members', 10_000);
const months = numberOption('--months', 60);
const seconds = Math.min(numberOption('--seconds', 10), 60);
const connections = numberOption('--connections', 20);
const phones = Math.min(numberOption('--phones', 5_000), members);
const SECRET = 'bench-webhook-secret-0123456789';

await runBench(async () => {
  const opened = await openBenchDatabase('postgresql', 'bench_sms', { members, months }, 30);
  // The aggregator the replies go to: answers like a provider that accepted the message.
  const aggregator = Fastify({ logger: false });
  let sent = 0;
  aggregator.post('/send', () => ({ id: String(++sent) }));
  await aggregator.listen({ host: '127.0.0.1', port: 0 });
  const address = aggregator.server.address();
  if (address === null || typeof address === 'string') throw new Error('aggregator has no port');
  const ctx = benchContext(opened.database, {
    env: {
      LUMBUNG_SMS_ADAPTER: 'webhook',
      LUMBUNG_SMS_WEBHOOK_URL: `http://127.0.0.1:${address.port}/send`,
      LUMBUNG_SMS_WEBHOOK_SECRET: SECRET,
    },
  });
  const app = await startApp(ctx);
  try {
    const step = Math.max(1, Math.floor(members / phones));
    const accounts = await ctx.db
      .selectFrom('member_accounts')
      .select(['account_id', 'person_id', 'kpj'])
      .where(sql<boolean>`account_id % ${step} = 0`)
      .orderBy('account_id')
      .limit(phones)
      .execute();
    const numbers = accounts.map((_, i) => `+628121${String(i + 1).padStart(7, '0')}`);
    await sql`
      insert into sms_phone_links (person_id, account_id, phone_cipher, phone_index, linked_by, linked_at)
      select person_id, account_id, c, i, 'staff', now()
      from unnest(${accounts.map((a) => a.person_id)}::int8[], ${accounts.map((a) => a.account_id)}::int8[],
        ${numbers.map((n) => ctx.pii.encrypt(n))}::text[], ${numbers.map((n) => ctx.pii.blindIndex('phone', n))}::text[])
        as t(person_id, account_id, c, i)
    `.execute(ctx.db);
    log(`${accounts.length} phones linked`);
    const requests = accounts.map((account, i) => {
      const body = JSON.stringify({ from: numbers[i]!.slice(1), text: `SALDO ${account.kpj}` });
      return {
        method: 'POST' as const,
        path: '/api/v1/sms/inbound',
        headers: { 'content-type': 'application/json', ...signatureHeaders(SECRET, new Date(), body) },
        body,
      };
    });
    const bare = await startBareServer({ accepted: true, replies: 1 });
    const ceiling = await runLoad({
      url: bare.url,
      connections,
      durationSeconds: seconds,
      requests: [{ method: 'GET', path: '/bare' }],
    });
    await bare.close();
    const real = await runLoad({ url: app.url, connections, durationSeconds: seconds, requests });
    if (real.non2xx > 0 || real.errors > 0) throw new Error(`${real.non2xx} non-2xx, ${real.errors} errors`);
    const kinds = await ctx.db
      .selectFrom('sms_messages')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('direction', '=', 'out')
      .groupBy('kind')
      .execute();
    const byKind = Object.fromEntries(kinds.map((row) => [`replies_${row.kind}`, Number(row.n)]));
    await record({
      bench: 'sms-saldo',
      backend: 'postgresql',
      members,
      metric: 'SALDO messages/s',
      value: real.requestsPerSecond,
      baseline: { metric: 'bare Fastify requests/s', value: ceiling.requestsPerSecond },
      details: {
        months,
        connections,
        seconds,
        phones: accounts.length,
        p50Ms: real.p50Ms,
        p99Ms: real.p99Ms,
        sentToAggregator: sent,
        ...byKind,
      },
    });
  } finally {
    await app.close();
    await aggregator.close();
    await opened.close();
  }
});
