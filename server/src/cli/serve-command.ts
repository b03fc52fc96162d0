// `lumbung serve`: start the HTTP server, seed the demo on an empty database, stop gracefully.
import type { Config } from '../config';
import { buildApp } from '../http/app';
import { startRuntime } from '../runtime';
import { printDemoLogins } from '../seed/demo-logins-print';
import { isDatabaseEmpty, seedDemoData } from '../seed/demo-seed';

export async function serveCommand(config: Config): Promise<void> {
  const runtime = await startRuntime(config, { readCache: true });
  const { ctx } = runtime;
  if (config.seedDemo && (await isDatabaseEmpty(ctx))) {
    ctx.log.info('empty database: seeding demo data');
    const { logins } = await seedDemoData(ctx);
    printDemoLogins(logins);
  }
  const app = await buildApp(ctx, { webDistDir: config.webDistDir });
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  // After the demo seed, so no job judges a half-written history; runtime.close() stops it.
  if (config.jobs) runtime.startJobWorker();
  ctx.log.info(
    { url: `http://localhost:${config.port}`, backend: ctx.backend },
    `Lumbung is serving on http://localhost:${config.port} (${ctx.backend})`,
  );
}
