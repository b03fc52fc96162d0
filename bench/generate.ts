// Builds a benchmark dataset once: N members × M months of contribution history through the real
// pipeline (bench/lib/dataset.ts), reporting how long it took. PostgreSQL: the database
// lumbung_dataset_<N>_<M>m, which benchmarks clone; PGlite: bench/results/pglite/<N>_<M>m.
//   npm run bench:generate -- --members 10k --months 60 [--backend pglite] [--force]
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import { datasetName, pgliteDatasetDir } from './lib/bench-database';
import { firstHistoryPeriod, generateDataset } from './lib/dataset';
import {
  adminQuery,
  benchContext,
  createBenchDatabase,
  hasDatabase,
  hasFlag,
  manualClock,
  numberOption,
  record,
  runBench,
  textOption,
  log,
} from './lib/harness';

const members = numberOption('--members', 10_000);
const months = numberOption('--months', 60);
const backend = textOption('--backend', 'postgresql') === 'pglite' ? 'pglite' : 'postgresql';

await runBench(async () => {
  const clock = manualClock(`${firstHistoryPeriod(months)}-01T03:00:00.000Z`);
  const target = datasetName(members, months);
  let open: () => Promise<{ close(): Promise<void> } & Parameters<typeof benchContext>[0]>;
  let finish: () => Promise<void>;
  let abandon: () => Promise<void>;
  if (backend === 'postgresql') {
    if (await hasDatabase(target)) {
      if (!hasFlag('--force')) return log(`${target} exists (use --force to rebuild)`);
      await adminQuery(`drop database ${target} with (force)`);
    }
    const building = await createBenchDatabase(`building_${members}_${months}`);
    open = () => openDatabase({ kind: 'postgresql', url: building.url, poolSize: 4 });
    finish = () => adminQuery(`alter database ${building.name} rename to ${target}`).then(() => undefined);
    abandon = () => building.drop();
  } else {
    const dir = pgliteDatasetDir(members, months);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    open = () => openDatabase({ kind: 'pglite', dataDir: `${dir}.building` });
    finish = () => rename(`${dir}.building`, dir);
    abandon = () => rm(`${dir}.building`, { recursive: true, force: true });
  }
  const database = await open();
  let isDone = false;
  try {
    await migrate(database.db);
    const ctx = { ...benchContext(database, { clock }), clock };
    log(`generating ${members} members × ${months} months on ${backend}`);
    const generated = await generateDataset(ctx, { members, months });
    const totalSeconds = generated.enrolSeconds + generated.historySeconds;
    await record({
      bench: 'generate',
      backend,
      members,
      metric: 'member-months/s (wage report + payment + posting)',
      value: generated.memberMonths / generated.historySeconds,
      details: {
        months,
        memberMonths: generated.memberMonths,
        enrolSeconds: Number(generated.enrolSeconds.toFixed(1)),
        historySeconds: Number(generated.historySeconds.toFixed(1)),
        totalSeconds: Number(totalSeconds.toFixed(1)),
      },
    });
    await database.close();
    await finish();
    isDone = true;
    log(`dataset ready: ${backend === 'postgresql' ? target : pgliteDatasetDir(members, months)}`);
  } finally {
    if (!isDone) {
      await database.close().catch(() => undefined);
      await abandon();
    }
  }
});
