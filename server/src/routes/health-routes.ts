// /readyz: the database answers, every migration is applied, and which backend serves.
import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate';
import type { App } from '../http/app';
import type { ServiceContext } from '../services/service-context';

export function healthRoutes(app: App, ctx: ServiceContext): void {
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      const pending = await pendingMigrations(ctx.db);
      const ready = pending.length === 0;
      return reply.code(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'migrations_pending',
        backend: ctx.backend,
        pendingMigrations: pending,
      });
    } catch (error) {
      ctx.log.error({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'database_unreachable', backend: ctx.backend });
    }
  });
}
