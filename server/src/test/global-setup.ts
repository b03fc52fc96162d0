// Vitest global setup: builds the migrated PGlite template once before the test files run (PGlite only;
// on PostgreSQL every file creates and migrates its own database).
import { ensurePgliteTemplate } from './pglite-template';

export default async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) await ensurePgliteTemplate();
}
