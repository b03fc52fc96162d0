// A migrated PGlite data directory, dumped once per set of migrations and loaded by every test file:
// starting PGlite from it takes about a second, where a fresh instance runs initdb and every migration
// (five to ten seconds on this 2-core machine). Cached under node_modules/.cache, keyed by the
// migrations' checksums, so a new or changed migration builds a new template.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { ChangeFeed } from '../db/change-feed';
import { migrate, readMigrations } from '../db/migrate';
import { PgliteDialect } from '../db/pglite-dialect';
import type { DB } from '../db/schema';

const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/lumbung', import.meta.url));

async function templatePath(): Promise<string> {
  const migrations = await readMigrations();
  const key = createHash('sha256')
    .update(migrations.map((file) => `${file.name}:${file.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return join(CACHE_DIR, `pglite-migrated-${key}.tar`);
}

/** The template's bytes, or undefined when it has not been built (then tests migrate a fresh PGlite). */
export async function readPgliteTemplate(): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(await templatePath())]);
  } catch {
    return undefined;
  }
}

/** Builds the template unless it exists (vitest's global setup calls this once per run). */
export async function ensurePgliteTemplate(): Promise<string> {
  const path = await templatePath();
  if (await readPgliteTemplate()) return path;
  const pglite = new PGlite();
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite, new ChangeFeed()) });
  await migrate(db);
  const dump = await pglite.dumpDataDir('none');
  await db.destroy();
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path);
  return path;
}
