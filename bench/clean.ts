// Drops every benchmark database left behind (datasets, half-built datasets, runs that were killed) and
// the PGlite datasets. Touches only databases whose names the benchmarks create.
//   npm run bench:clean
import { rm } from 'node:fs/promises';
import { adminQuery, log, RESULTS_DIR, runBench } from './lib/harness';

await runBench(async () => {
  const rows = await adminQuery<{ datname: string }>(
    `select datname from pg_database
     where datname ~ '^(lumbung_dataset_|building_|bench_(posting|jht|balance|sms|statement)_)'`,
  );
  for (const { datname } of rows) {
    await adminQuery(`drop database if exists ${datname} with (force)`);
    log(`dropped ${datname}`);
  }
  await rm(`${RESULTS_DIR}/pglite`, { recursive: true, force: true });
});
