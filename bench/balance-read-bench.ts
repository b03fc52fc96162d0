// Balance read over HTTP: signed-in members (real sign-in, real session cookies) reading their
// dashboard balance with autocannon at 50 connections for a bounded time, against a bare Fastify
// route that returns the same JSON body, measured in the same run. PostgreSQL or PGlite. Twice: as the
// server runs (sessions and views served from the read caches, docs/adr/0006-read-caches.md) and with
// the caches off, every request reading the database.
//   npm run bench:balance -- --backend postgresql --members 100k --months 12 [--seconds 10] [--cache both|on|off]
import { openBenchDatabase, type Backend } from './lib/bench-database';
import { runLoad, signInMembers, spreadPersonIds, startApp, startBareServer } from './lib/http-bench';
import { openReadCache } from '../server/src/runtime';
import { benchContext, log, numberOption, record, runBench, textOption } from './lib/harness';

const backend: Backend = textOption('--backend', 'postgresql') === 'pglite' ? 'pglite' : 'postgresql';
const members = numberOption('--members', 10_000);
const months = numberOption('--months', 60);
const seconds = Math.min(numberOption('--seconds', 10), 60);
const connections = numberOption('--connections', 50);
const sessions = Math.min(numberOption('--sessions', 20), 25);
const routes = textOption('--routes', '/api/v1/me/overview,/api/v1/me/jht').split(',');
const cacheOption = textOption('--cache', 'both');
const modes = (cacheOption === 'both' ? ['on', 'off'] : [cacheOption]).filter((mode) =>
  ['on', 'off'].includes(mode),
);

await runBench(async () => {
  const opened = await openBenchDatabase(backend, 'bench_balance', { members, months }, 60);
  const ctx = benchContext(opened.database);
  const app = await startApp(ctx);
  const cachedCtx = { ...ctx, readCache: await openReadCache(opened.database, ctx.config) };
  const cachedApp = await startApp(cachedCtx);
  try {
    const cookies = await signInMembers(ctx, app.url, await spreadPersonIds(ctx, sessions));
    log(`${cookies.length} members signed in over HTTP on ${backend}`);
    for (const route of routes) {
      const sample = await fetch(`${app.url}${route}`, { headers: { cookie: cookies[0]!.cookie } });
      if (sample.status !== 200) throw new Error(`${route}: ${sample.status} ${await sample.text()}`);
      const body: unknown = await sample.json();
      const bare = await startBareServer(body);
      // Each server gets a short unrecorded run first, so neither is measured while still compiling.
      const load = async (url: string, path: string, withCookies: boolean) => {
        await runJob(url, path, withCookies, 2);
        return runJob(url, path, withCookies, seconds);
      };
      const runJob = (url: string, path: string, withCookies: boolean, durationSeconds: number) =>
        runLoad({
          url,
          connections,
          durationSeconds,
          requests: withCookies
            ? cookies.map(({ cookie }) => ({ method: 'GET', path, headers: { cookie } }))
            : [{ method: 'GET', path }],
        });
      const ceiling = await load(bare.url, '/bare', false);
      await bare.close();
      for (const mode of modes) {
        const real = await load(mode === 'on' ? cachedApp.url : app.url, route, true);
        if (real.non2xx > 0 || real.errors > 0) {
          throw new Error(`${route}: ${real.non2xx} non-2xx and ${real.errors} errors under load`);
        }
        await record({
          bench: `balance-read ${route} cache ${mode}`,
          backend,
          members,
          metric: 'requests/s',
          value: real.requestsPerSecond,
          baseline: { metric: 'bare Fastify requests/s', value: ceiling.requestsPerSecond },
          details: {
            months,
            cache: mode,
            connections,
            seconds,
            sessions: cookies.length,
            p50Ms: real.p50Ms,
            p99Ms: real.p99Ms,
            bareP50Ms: ceiling.p50Ms,
            bareP99Ms: ceiling.p99Ms,
            requests: real.total,
            bodyBytes: JSON.stringify(body).length,
          },
        });
      }
    }
  } finally {
    await cachedApp.close();
    await app.close();
    await opened.close();
  }
});
