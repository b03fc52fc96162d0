// Turns bench/results/results.jsonl into a Markdown table (the latest run of each benchmark, backend,
// size and history length), printed and written to bench/results/results.md for docs/performance.md.
//   npm run bench:report
import { readFile, writeFile } from 'node:fs/promises';
import { formatNumber, RESULTS_DIR } from './lib/harness';

interface Row {
  bench: string;
  backend: string;
  members: number;
  metric: string;
  value: number;
  baseline?: { metric: string; value: number };
  ratio?: number;
  details?: Record<string, number | string | boolean>;
  load: string;
  at: string;
}

const text = await readFile(`${RESULTS_DIR}/results.jsonl`, 'utf8');
const latest = new Map<string, Row>();
for (const line of text.split('\n')) {
  if (line.trim() === '') continue;
  const row = JSON.parse(line) as Row;
  const key = [
    row.bench,
    row.backend,
    row.members,
    row.details?.months,
    row.metric,
    row.baseline?.metric,
  ].join('|');
  latest.set(key, row);
}
const rows = [...latest.values()].sort(
  (a, b) =>
    a.bench.localeCompare(b.bench) ||
    a.backend.localeCompare(b.backend) ||
    a.members - b.members ||
    Number(a.details?.months ?? 0) - Number(b.details?.months ?? 0),
);
const latency = (row: Row): string =>
  row.details?.p50Ms === undefined ? '' : `${String(row.details.p50Ms)} / ${String(row.details.p99Ms)}`;
const table = [
  '| Benchmark | Backend | Members | Months | Result | Same-run baseline | Ratio | p50 / p99 ms | Load (1/5/15 min) | When (UTC) |',
  '|---|---|--:|--:|---|---|--:|--:|---|---|',
  ...rows
    .map((row) =>
      [
        row.bench,
        row.backend,
        row.members.toLocaleString('en-US'),
        String(row.details?.months ?? ''),
        `${formatNumber(row.value)} ${row.metric}`,
        row.baseline ? `${formatNumber(row.baseline.value)} ${row.baseline.metric}` : '',
        row.ratio === undefined ? '' : String(row.ratio),
        latency(row),
        row.load,
        row.at.slice(0, 16).replace('T', ' '),
      ].join(' | '),
    )
    .map((line) => `| ${line} |`),
].join('\n');
await writeFile(`${RESULTS_DIR}/results.md`, `${table}\n`);
process.stdout.write(`${table}\n`);
