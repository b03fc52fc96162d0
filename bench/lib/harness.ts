// The shared benchmark harness: options, a database of its own per benchmark (cloned from a generated
// dataset and dropped afterwards), a service context with fixed benchmark keys, timing, the load average
// beside every figure, and the results file that docs/performance.md is written from.
import { createHash } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../../server/src/config';
import { createPiiCipher, parsePiiKeys } from '../../server/src/crypto/pii-cipher';
import type { Database } from '../../server/src/db/database';
import { createLogger } from '../../server/src/logger';
import { createRuleBookStore } from '../../server/src/rules/rule-book-store';
import { manualClock, systemClock, type Clock } from '../../server/src/services/clock';
import type { ServiceContext } from '../../server/src/services/service-context';

const args = process.argv.slice(2);

/** `--name 123` as a number; `--name 10k` and `--name 1m` are accepted too. */
export function numberOption(name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const raw = (args[index + 1] ?? '').toLowerCase();
  const match = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(raw);
  if (!match) throw new Error(`${name} needs a number, got '${raw}'`);
  const scale = match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1;
  return Math.round(Number(match[1]) * scale);
}

export function textOption(name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

export const hasFlag = (name: string): boolean => args.includes(name);

export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const parsed = new URL(ADMIN_URL);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  statement: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<R>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

export async function hasDatabase(name: string): Promise<boolean> {
  const rows = await adminQuery('select 1 from pg_database where datname = $1', [name]);
  return rows.length > 0;
}

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A new database for one benchmark run, empty or a file-level copy of a dataset (CREATE … TEMPLATE).
 * PostgreSQL 15 copies a template block by block through the WAL unless told FILE_COPY: for a 3.5 GB
 * dataset that is 3.5 GB of WAL whose checkpoints then land inside the timed run. FILE_COPY checkpoints
 * before and after copying the files, so a run starts from a clean checkpoint (before 15 it was the only
 * way).
 */
export async function createBenchDatabase(
  prefix: string,
  options: { template?: string } = {},
): Promise<BenchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  assertIdentifier(name);
  let copy = '';
  if (options.template) {
    assertIdentifier(options.template);
    const [version] = await adminQuery<{ n: number }>(
      `select current_setting('server_version_num')::int as n`,
    );
    copy = ` template ${options.template}${Number(version?.n) >= 150_000 ? ' strategy file_copy' : ''}`;
  }
  await adminQuery(`create database ${name}${copy}`);
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a safe database name: ${name}`);
}

/**
 * Fixed keys for benchmark data only, so a dataset generated once can be read by every later run (the
 * SMS benchmark finds phones by their blind index). Never use them for real data.
 */
function benchPiiKeys(): { piiKeys: string; blindIndexKey: string } {
  const derive = (label: string): string =>
    createHash('sha256').update(`lumbung-bench-only:${label}`).digest('base64');
  return { piiKeys: `bench1:${derive('pii')}`, blindIndexKey: derive('blind-index') };
}

export function benchContext(
  database: Database,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): ServiceContext {
  const keys = benchPiiKeys();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    LUMBUNG_SEED_DEMO: 'false',
    ...options.env,
  });
  return {
    db: database.db,
    backend: database.backend,
    clock: options.clock ?? systemClock,
    pii: createPiiCipher(parsePiiKeys(keys.piiKeys, keys.blindIndexKey)),
    config,
    log: createLogger(config.logLevel),
    rules: createRuleBookStore(database.db),
  };
}

export { manualClock };

export const log = (text: string): void => void process.stdout.write(`${text}\n`);

export const loadAverage = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

export interface BenchResult {
  /** e.g. 'monthly-posting', 'balance-read'. */
  readonly bench: string;
  readonly backend: 'postgresql' | 'pglite';
  readonly members: number;
  /** What was measured, e.g. 'engine postings/s'. */
  readonly metric: string;
  readonly value: number;
  /** The ceiling or baseline measured in the same run, when there is one. */
  readonly baseline?: { readonly metric: string; readonly value: number };
  readonly details?: Readonly<Record<string, number | string | boolean>>;
}

export const RESULTS_DIR = 'bench/results';

/** Prints the result with the load average and appends it to bench/results/results.jsonl. */
export async function record(result: BenchResult): Promise<void> {
  const row = {
    ...result,
    ratio: result.baseline ? Number((result.value / result.baseline.value).toPrecision(3)) : undefined,
    load: loadAverage(),
    at: new Date().toISOString(),
  };
  const ratio = row.ratio === undefined ? '' : ` = ${row.ratio} × ${result.baseline!.metric}`;
  log(
    `RESULT ${result.bench} [${result.backend}, ${result.members} members] ${result.metric}: ${formatNumber(result.value)}${ratio} (load ${row.load})`,
  );
  await mkdir(RESULTS_DIR, { recursive: true });
  await appendFile(`${RESULTS_DIR}/results.jsonl`, `${JSON.stringify(row)}\n`);
}

export const formatNumber = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);

/** Runs a benchmark body, always dropping what it created, and exits non-zero on failure. */
export async function runBench(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    process.exitCode = 1;
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
