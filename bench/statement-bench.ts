// Statement PDF: signed-in members asking for a 12-month e-statement over HTTP (POST /api/v1/me/statements:
// gather the figures, render the PDF with pdfkit, store it with its SHA-256), with autocannon at a few
// connections for a bounded time, against a bare Fastify route in the same run.
//   npm run bench:statement -- --members 100k --months 12 [--seconds 15] [--connections 4]
import { sql } from 'kysely';
import { firstHistoryPeriod, LAST_HISTORY_PERIOD } from './lib/dataset';
import { openBenchDatabase } from './lib/bench-database';
import { runLoad, signInMembers, spreadPersonIds, startApp, startBareServer } from './lib/http-bench';
import { benchContext, log, numberOption, record, runBench } from './lib/harness';

const members = numberOption('--members', 10_000);
const months = numberOption('--months', 60);
const seconds = Math.min(numberOption('--seconds', 15), 60);
const connections = numberOption('--connections', 4);
const statementMonths = Math.min(12, months);

await runBench(async () => {
  const opened = await openBenchDatabase('postgresql', 'bench_statement', { members, months }, 20);
  const ctx = benchContext(opened.database);
  const app = await startApp(ctx);
  try {
    const sessions = await signInMembers(ctx, app.url, await spreadPersonIds(ctx, 20));
    log(`${sessions.length} members signed in`);
    const body = JSON.stringify({
      kpj: null,
      fromPeriod: firstHistoryPeriod(statementMonths),
      toPeriod: LAST_HISTORY_PERIOD,
    });
    const requests = sessions.map(({ cookie, csrfToken }) => ({
      method: 'POST' as const,
      path: '/api/v1/me/statements',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body,
    }));
    const bare = await startBareServer({ statementId: 1, code: 'ABCDEFGH', downloadUrl: '/x' });
    const ceiling = await runLoad({
      url: bare.url,
      connections,
      durationSeconds: seconds,
      requests: [{ method: 'GET', path: '/bare' }],
    });
    await bare.close();
    const real = await runLoad({ url: app.url, connections, durationSeconds: seconds, requests });
    if (real.non2xx > 0 || real.errors > 0) throw new Error(`${real.non2xx} non-2xx, ${real.errors} errors`);
    const stored = (
      await sql<{
        n: number;
        bytes: number;
      }>`select count(*) as n, round(avg(octet_length(pdf)))::int8 as bytes from statements`.execute(ctx.db)
    ).rows[0]!;
    await record({
      bench: 'statement-pdf',
      backend: 'postgresql',
      members,
      metric: 'statements/s',
      value: real.requestsPerSecond,
      baseline: { metric: 'bare Fastify requests/s', value: ceiling.requestsPerSecond },
      details: {
        months,
        statementMonths,
        connections,
        seconds,
        p50Ms: real.p50Ms,
        p99Ms: real.p99Ms,
        statementsStored: Number(stored.n),
        averagePdfBytes: Math.round(Number(stored.bytes)),
      },
    });
  } finally {
    await app.close();
    await opened.close();
  }
});
