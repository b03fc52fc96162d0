// Runs the whole matrix behind docs/performance.md, one benchmark process at a time (each creates and
// drops its own database), generating any dataset that is missing, then prints the results table.
//   npm run bench:suite [-- --only 10k,100k] [--seconds 10] [--skip-1m]
import { spawnSync } from 'node:child_process';
import { hasFlag, textOption } from './lib/harness';

type Size = '10k' | '100k' | '1m';
const seconds = textOption('--seconds', '10');
const only = new Set(textOption('--only', '10k,100k,1m').split(',') as Size[]);
if (hasFlag('--skip-1m')) only.delete('1m');

/**
 * Datasets: 1 month at every size (the linearity series), 12 months at 10k and 100k, 5 years at 10k.
 * The JHT return has its own linearity series at 2 months: one month of history is a December deposit,
 * which earns no return under monthly weighting, so a 1-month run would credit nothing.
 */
const datasets: Array<[Size, number, 'postgresql' | 'pglite']> = [
  ['10k', 1, 'postgresql'],
  ['100k', 1, 'postgresql'],
  ['1m', 1, 'postgresql'],
  ['10k', 2, 'postgresql'],
  ['100k', 2, 'postgresql'],
  ['1m', 2, 'postgresql'],
  ['10k', 12, 'postgresql'],
  ['100k', 12, 'postgresql'],
  ['10k', 60, 'postgresql'],
  ['10k', 1, 'pglite'],
  ['100k', 1, 'pglite'],
  ['10k', 12, 'pglite'],
];

function run(script: string, args: string[]): void {
  process.stdout.write(`\n$ tsx ${script} ${args.join(' ')}\n`);
  const outcome = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
  if (outcome.status !== 0) process.stdout.write(`(${script} exited with ${outcome.status})\n`);
}

for (const [size, months, backend] of datasets) {
  if (!only.has(size)) continue;
  const data = ['--members', size, '--months', String(months)];
  run('bench/generate.ts', [...data, '--backend', backend]);
  if (backend === 'pglite') {
    run('bench/balance-read-bench.ts', [...data, '--backend', 'pglite', '--seconds', seconds]);
    continue;
  }
  if (months > 1) run('bench/jht-return-bench.ts', data);
  if (months === 2) continue;
  run('bench/posting-bench.ts', data);
  run('bench/balance-read-bench.ts', [...data, '--seconds', seconds]);
  run('bench/sms-bench.ts', [...data, '--seconds', seconds]);
  run('bench/statement-bench.ts', [...data, '--seconds', seconds]);
}
run('bench/report.ts', []);
