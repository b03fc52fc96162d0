// Where a benchmark gets its data: a PostgreSQL database cloned from a generated dataset (CREATE DATABASE
// … TEMPLATE, a file-level copy) or a copy of a PGlite data directory; either is removed afterwards.
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrate';
import { createBenchDatabase, hasDatabase, RESULTS_DIR } from './harness';

export type Backend = 'postgresql' | 'pglite';

export const datasetName = (members: number, months: number): string =>
  `lumbung_dataset_${members}_${months}m`;

export const pgliteDatasetDir = (members: number, months: number): string =>
  resolve(RESULTS_DIR, 'pglite', `${members}_${months}m`);

export interface OpenedBench {
  readonly database: Database;
  /** The PostgreSQL URL (PostgreSQL only), for raw clients such as COPY. */
  readonly url: string | undefined;
  /** Closes the connection and drops the copy. */
  close(): Promise<void>;
}

/** A private copy of the dataset, or an empty migrated database when months is 0. */
export async function openBenchDatabase(
  backend: Backend,
  prefix: string,
  dataset: { members: number; months: number },
  poolSize = 8,
): Promise<OpenedBench> {
  const isEmpty = dataset.months === 0;
  if (backend === 'postgresql') {
    const template = datasetName(dataset.members, dataset.months);
    if (!isEmpty && !(await hasDatabase(template))) throw missing(backend, dataset);
    const created = await createBenchDatabase(prefix, isEmpty ? {} : { template });
    const database = await openDatabase({ kind: 'postgresql', url: created.url, poolSize });
    if (isEmpty) await migrate(database.db);
    return {
      database,
      url: created.url,
      close: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  if (!isEmpty) {
    const source = pgliteDatasetDir(dataset.members, dataset.months);
    if (!(await exists(source))) throw missing(backend, dataset);
    await cp(source, dir, { recursive: true });
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  if (isEmpty) await migrate(database.db);
  return {
    database,
    url: undefined,
    close: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function missing(backend: Backend, dataset: { members: number; months: number }): Error {
  return new Error(
    `no ${backend} dataset of ${dataset.members} members × ${dataset.months} months; run ` +
      `npm run bench:generate -- --members ${dataset.members} --months ${dataset.months}` +
      (backend === 'pglite' ? ' --backend pglite' : ''),
  );
}
