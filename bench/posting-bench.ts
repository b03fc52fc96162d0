// Monthly posting: one contribution month for every member of a dataset through the posting engine,
// against two ceilings measured in the same run on the same database: raw COPY of the same posting rows
// (the most PostgreSQL can take in) and the naive way (one transaction per member, a statement per row).
//   npm run bench:posting -- --members 100k --months 12 [--naive 2000]
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { defaultRuleBook } from '@lumbung/core';
import { lineAmounts } from '../server/src/employer/bill-service';
import { FUND_ACCOUNT_IDS } from '../server/src/ledger/ledger-accounts';
import { verifyLedger } from '../server/src/ledger/ledger-verify';
import { postEntries, type EntryInput, type PostingInput } from '../server/src/ledger/posting-engine';
import { openBenchDatabase } from './lib/bench-database';
import { benchWage, EMPLOYER_SIZE } from './lib/dataset';
import { hasFlag, log, numberOption, record, runBench, timed } from './lib/harness';

const members = numberOption('--members', 10_000);
const months = numberOption('--months', 60);
const naiveMembers = Math.min(numberOption('--naive', 2_000), members);
const PERIOD = '2025-12';
const NAIVE_PERIOD = '2026-01';
const BOOKED_AT = new Date('2026-01-10T03:00:00Z');

await runBench(async () => {
  const opened = await openBenchDatabase('postgresql', 'bench_posting', { members, months });
  const db = opened.database.db;
  try {
    const rows = await db
      .selectFrom('member_accounts as a')
      .innerJoin('employments as e', 'e.account_id', 'a.account_id')
      .innerJoin('employers as r', 'r.employer_id', 'e.employer_id')
      .innerJoin('ledger_accounts as jht', (join) =>
        join.onRef('jht.account_id', '=', 'a.account_id').on('jht.programme', '=', 'JHT'),
      )
      .innerJoin('ledger_accounts as jp', (join) =>
        join.onRef('jp.account_id', '=', 'a.account_id').on('jp.programme', '=', 'JP'),
      )
      .select([
        'a.account_id',
        'a.person_id',
        'e.employer_id',
        'r.jkk_risk_class',
        'jht.ledger_account_id as jht',
        'jp.ledger_account_id as jp',
      ])
      .orderBy('a.account_id')
      .execute();
    const unapplied = new Map(
      (
        await db
          .selectFrom('ledger_accounts')
          .select(['employer_id', 'ledger_account_id'])
          .where('kind', '=', 'employer')
          .execute()
      ).map((row) => [row.employer_id!, row.ledger_account_id]),
    );
    const entryFor = (row: (typeof rows)[number], index: number, period: string): EntryInput => {
      const amounts = lineAmounts(benchWage(index, period), period, row.jkk_risk_class, defaultRuleBook);
      if (!amounts.ok) throw new Error(amounts.code);
      const a = amounts.value;
      const postings: PostingInput[] = [
        { ledgerAccountId: unapplied.get(row.employer_id)!, amountRupiah: -a.total },
        { ledgerAccountId: row.jht, amountRupiah: a.jhtWorker, component: 'worker' },
        { ledgerAccountId: row.jht, amountRupiah: a.jhtEmployer, component: 'employer' },
        { ledgerAccountId: row.jp, amountRupiah: a.jpWorker, component: 'worker' },
        { ledgerAccountId: row.jp, amountRupiah: a.jpEmployer, component: 'employer' },
        { ledgerAccountId: FUND_ACCOUNT_IDS['fund:jkk_income'], amountRupiah: a.jkk - a.jkpFromJkk },
        { ledgerAccountId: FUND_ACCOUNT_IDS['fund:jkm_income'], amountRupiah: a.jkm - a.jkpFromJkm },
        { ledgerAccountId: FUND_ACCOUNT_IDS['fund:jkp_income'], amountRupiah: a.jkpFromJkk + a.jkpFromJkm },
      ];
      return {
        idempotencyKey: `bench:${period}:${row.account_id}`,
        source: 'contribution',
        period,
        bookedAt: BOOKED_AT,
        personId: row.person_id,
        employerId: row.employer_id,
        postings: postings.filter((p) => p.amountRupiah !== 0),
      };
    };
    if (rows.length !== members) throw new Error(`dataset has ${rows.length} members, expected ${members}`);
    if (unapplied.size !== Math.ceil(members / EMPLOYER_SIZE))
      throw new Error(`dataset has ${unapplied.size} employer ledger accounts`);
    const entries = rows.map((row, index) => entryFor(row, index, PERIOD));
    const postingCount = entries.reduce((total, entry) => total + entry.postings.length, 0);
    log(`posting ${members} entries (${postingCount} postings) on a dataset of ${months} months`);

    // 1. The engine: one transaction, POSTING_BATCH_SIZE entries per statement, balances upserted.
    const engine = await timed(() => db.transaction().execute((trx) => postEntries(trx, entries)));
    const enginePerSecond = postingCount / engine.seconds;

    // 2. Raw COPY of the same posting rows (rolled back: the ledger stays balanced).
    const ids = await db
      .selectFrom('journal_entries')
      .select(['entry_id', 'idempotency_key'])
      .where('idempotency_key', 'like', `bench:${PERIOD}:%`)
      .execute();
    const entryIdByKey = new Map(ids.map((row) => [row.idempotency_key, row.entry_id]));
    const client = new pg.Client({ connectionString: opened.url });
    await client.connect();
    await client.query('begin');
    const copy = await timed(() =>
      pipeline(
        Readable.from(
          (function* () {
            for (const entry of entries) {
              const entryId = entryIdByKey.get(entry.idempotencyKey)!;
              let chunk = '';
              for (const p of entry.postings)
                chunk += `${entryId}\t${p.ledgerAccountId}\t${entry.personId}\t${p.amountRupiah}\t${p.component ?? 'other'}\n`;
              yield chunk;
            }
          })(),
        ),
        client.query(
          copyFrom('copy postings (entry_id, ledger_account_id, person_id, amount, component) from stdin'),
        ),
      ),
    );
    await client.query('rollback');
    const copyPerSecond = postingCount / copy.seconds;

    // 3. Naive: one transaction per member, one statement per row and per balance update.
    const naiveEntries = rows.slice(0, naiveMembers).map((row, index) => entryFor(row, index, NAIVE_PERIOD));
    const naive = await timed(async () => {
      for (const entry of naiveEntries) {
        await client.query('begin');
        const inserted = await client.query<{ entry_id: string }>(
          `insert into journal_entries (idempotency_key, source, period, booked_at, person_id, employer_id)
           values ($1, 'contribution', $2, $3, $4, $5) on conflict do nothing returning entry_id`,
          [entry.idempotencyKey, entry.period, BOOKED_AT, entry.personId, entry.employerId],
        );
        for (const p of entry.postings) {
          const component = p.component ?? 'other';
          await client.query(
            'insert into postings (entry_id, ledger_account_id, person_id, amount, component) values ($1, $2, $3, $4, $5)',
            [inserted.rows[0]?.entry_id, p.ledgerAccountId, entry.personId, p.amountRupiah, component],
          );
          await client.query(
            `insert into balances (ledger_account_id, amount, worker_amount, employer_amount) values ($1, $2, $3, $4)
             on conflict (ledger_account_id) do update set amount = balances.amount + excluded.amount,
               worker_amount = balances.worker_amount + excluded.worker_amount,
               employer_amount = balances.employer_amount + excluded.employer_amount`,
            [
              p.ledgerAccountId,
              p.amountRupiah,
              component === 'worker' ? p.amountRupiah : 0,
              component === 'employer' ? p.amountRupiah : 0,
            ],
          );
        }
        await client.query('commit');
      }
    });
    await client.end();
    const naivePostings = naiveEntries.reduce((total, entry) => total + entry.postings.length, 0);
    const naivePerSecond = naivePostings / naive.seconds;

    const verified = hasFlag('--verify') ? (await verifyLedger(db)).isPassed : 'skipped';
    const details = {
      months,
      postings: postingCount,
      engineSeconds: Number(engine.seconds.toFixed(2)),
      copySeconds: Number(copy.seconds.toFixed(2)),
      naiveMembers,
      naiveSeconds: Number(naive.seconds.toFixed(2)),
      isLedgerVerified: verified,
    };
    const base = {
      bench: 'monthly-posting',
      backend: 'postgresql',
      members,
      metric: 'engine postings/s',
    } as const;
    await record({
      ...base,
      value: enginePerSecond,
      baseline: { metric: 'COPY postings/s', value: copyPerSecond },
      details,
    });
    await record({
      ...base,
      value: enginePerSecond,
      baseline: { metric: 'naive postings/s', value: naivePerSecond },
      details,
    });
  } finally {
    await opened.close();
  }
});
