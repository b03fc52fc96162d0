// Posts one contribution month for N members through the ledger's posting engine on PostgreSQL and
// compares it with raw COPY of the same posting rows and with the naive way (one transaction per member).
//   npx tsx bench/posting-bench.ts --members 100000 [--naive 2000] [--keep]
// Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) to create its own database.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { lineAmounts } from '../server/src/employer/bill-service';
import { openDatabase } from '../server/src/db/database';
import { migrate } from '../server/src/db/migrate';
import {
  ensureEmployerLedgerAccount,
  ensureMemberLedgerAccounts,
  FUND_ACCOUNT_IDS,
  memberAccountCode,
} from '../server/src/ledger/ledger-accounts';
import { verifyLedger } from '../server/src/ledger/ledger-verify';
import { postEntries, type EntryInput, type PostingInput } from '../server/src/ledger/posting-engine';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const MEMBERS = option('--members', 100_000);
const NAIVE = Math.min(option('--naive', 2_000), MEMBERS);
const PERIOD = '2026-10';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `lumbung_bench_${randomBytes(4).toString('hex')}`;
const url = (() => {
  const parsed = new URL(adminUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
})();

const seconds = (startMs: number): number => (performance.now() - startMs) / 1000;
const log = (text: string): void => void process.stdout.write(`${text}\n`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

await admin(`create database ${name}`);
const database = await openDatabase({ kind: 'postgresql', url, poolSize: 4 });
const db = database.db;
try {
  await migrate(db);
  let started = performance.now();
  // Fixture: members with one KPJ each at one employer (persons with placeholder ciphertext: no PII here).
  await sql`insert into employers (npp, name, jkk_risk_class) values ('BENCH1', 'PT Bench', 'medium')`.execute(
    db,
  );
  await sql`
    insert into persons (nik_cipher, nik_index, full_name, name_key, birth_date, sex)
    select 'bench', 'bench-' || g, 'Member ' || g, 'member' || g, '1990-01-01', 'M' from generate_series(1, ${MEMBERS}) g
  `.execute(db);
  await sql`
    insert into member_accounts (person_id, kpj, segment, joined_on)
    select person_id, lpad(person_id::text, 11, '0'), 'PU', '2020-01-01' from persons
  `.execute(db);
  const accounts = await db
    .selectFrom('member_accounts')
    .select(['account_id', 'person_id'])
    .orderBy('account_id')
    .execute();
  const unapplied = await ensureEmployerLedgerAccount(db, 1);
  const ledger = new Map<string, number>();
  for (let i = 0; i < accounts.length; i += 10_000) {
    const refs = accounts.slice(i, i + 10_000).flatMap((a) => [
      { accountId: a.account_id, personId: a.person_id, programme: 'JHT' as const },
      { accountId: a.account_id, personId: a.person_id, programme: 'JP' as const },
    ]);
    for (const [code, id] of await ensureMemberLedgerAccounts(db, refs)) ledger.set(code, id);
  }
  log(
    `fixture: ${MEMBERS} members and ${ledger.size} member ledger accounts in ${seconds(started).toFixed(1)} s`,
  );

  const entryFor = (
    account: { account_id: number; person_id: number },
    index: number,
    key: string,
  ): EntryInput => {
    const wage = 4_000_000 + (index % 200) * 25_000;
    const amounts = lineAmounts(wage, PERIOD, 'medium');
    if (!amounts.ok) throw new Error(amounts.code);
    const a = amounts.value;
    const jht = ledger.get(memberAccountCode(account.account_id, 'JHT'))!;
    const jp = ledger.get(memberAccountCode(account.account_id, 'JP'))!;
    return {
      idempotencyKey: key,
      source: 'contribution',
      period: PERIOD,
      bookedAt: new Date('2026-11-10T03:00:00Z'),
      personId: account.person_id,
      employerId: 1,
      postings: (
        [
          { ledgerAccountId: unapplied, amountRupiah: -a.total },
          { ledgerAccountId: jht, amountRupiah: a.jhtWorker, component: 'worker' },
          { ledgerAccountId: jht, amountRupiah: a.jhtEmployer, component: 'employer' },
          { ledgerAccountId: jp, amountRupiah: a.jpWorker, component: 'worker' },
          { ledgerAccountId: jp, amountRupiah: a.jpEmployer, component: 'employer' },
          { ledgerAccountId: FUND_ACCOUNT_IDS['fund:jkk_income'], amountRupiah: a.jkk - a.jkpFromJkk },
          { ledgerAccountId: FUND_ACCOUNT_IDS['fund:jkm_income'], amountRupiah: a.jkm - a.jkpFromJkm },
          { ledgerAccountId: FUND_ACCOUNT_IDS['fund:jkp_income'], amountRupiah: a.jkpFromJkk + a.jkpFromJkm },
        ] satisfies PostingInput[]
      ).filter((p) => p.amountRupiah !== 0),
    };
  };
  const entries = accounts.map((account, index) =>
    entryFor(account, index, `bench:${PERIOD}:${account.account_id}`),
  );
  const postingCount = entries.reduce((total, entry) => total + entry.postings.length, 0);

  // 1. The engine: one transaction, batches of 2,000 entries per statement, balances upserted per batch.
  started = performance.now();
  await db.transaction().execute((trx) => postEntries(trx, entries));
  const engineSeconds = seconds(started);
  const enginePerSecond = postingCount / engineSeconds;
  log(
    `engine: ${postingCount} postings (${MEMBERS} entries) in ${engineSeconds.toFixed(2)} s = ${Math.round(enginePerSecond)} postings/s`,
  );

  // 2. Raw COPY of the same posting rows into postings (rolled back: the ledger stays balanced).
  const entryIds = await db.selectFrom('journal_entries').select(['entry_id', 'idempotency_key']).execute();
  const entryIdByKey = new Map(entryIds.map((row) => [row.idempotency_key, row.entry_id]));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  started = performance.now();
  const rows = Readable.from(
    (function* () {
      for (const entry of entries) {
        const entryId = entryIdByKey.get(entry.idempotencyKey)!;
        let chunk = '';
        for (const p of entry.postings)
          chunk += `${entryId}\t${p.ledgerAccountId}\t${entry.personId}\t${p.amountRupiah}\t${p.component ?? 'other'}\n`;
        yield chunk;
      }
    })(),
  );
  await pipeline(
    rows,
    client.query(
      copyFrom('copy postings (entry_id, ledger_account_id, person_id, amount, component) from stdin'),
    ),
  );
  const copySeconds = seconds(started);
  await client.query('rollback');
  const copyPerSecond = postingCount / copySeconds;
  log(
    `COPY:   ${postingCount} postings in ${copySeconds.toFixed(2)} s = ${Math.round(copyPerSecond)} postings/s`,
  );

  // 3. Naive: one transaction per member, one statement per row and per balance update.
  started = performance.now();
  for (let index = 0; index < NAIVE; index += 1) {
    const entry = entryFor(accounts[index]!, index, `naive:2026-11:${accounts[index]!.account_id}`);
    await client.query('begin');
    const inserted = await client.query<{ entry_id: string }>(
      `insert into journal_entries (idempotency_key, source, period, booked_at, person_id, employer_id)
       values ($1, 'contribution', '2026-11', now(), $2, 1) on conflict do nothing returning entry_id`,
      [entry.idempotencyKey, entry.personId],
    );
    const entryId = inserted.rows[0]?.entry_id;
    for (const p of entry.postings) {
      const component = p.component ?? 'other';
      await client.query(
        'insert into postings (entry_id, ledger_account_id, person_id, amount, component) values ($1, $2, $3, $4, $5)',
        [entryId, p.ledgerAccountId, entry.personId, p.amountRupiah, component],
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
  const naiveSeconds = seconds(started);
  const naivePostings = entries.slice(0, NAIVE).reduce((total, entry) => total + entry.postings.length, 0);
  const naivePerSecond = naivePostings / naiveSeconds;
  log(
    `naive:  ${naivePostings} postings (${NAIVE} members, 1 transaction each) in ${naiveSeconds.toFixed(2)} s = ${Math.round(naivePerSecond)} postings/s`,
  );
  await client.end();

  const report = await verifyLedger(db);
  const result = {
    members: MEMBERS,
    postings: postingCount,
    engine: { seconds: engineSeconds, postingsPerSecond: Math.round(enginePerSecond) },
    copy: { seconds: copySeconds, postingsPerSecond: Math.round(copyPerSecond) },
    naive: { members: NAIVE, seconds: naiveSeconds, postingsPerSecond: Math.round(naivePerSecond) },
    engineToCopy: Number((enginePerSecond / copyPerSecond).toFixed(3)),
    engineToNaive: Number((enginePerSecond / naivePerSecond).toFixed(1)),
    isLedgerVerified: report.isPassed,
  };
  log(
    `engine = ${(result.engineToCopy * 100).toFixed(1)}% of COPY, ${result.engineToNaive}× naive; ledger verified: ${report.isPassed}`,
  );
  await mkdir('bench/results', { recursive: true });
  await writeFile(`bench/results/posting-bench-${MEMBERS}.json`, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.close();
  if (!args.includes('--keep')) await admin(`drop database if exists ${name} with (force)`);
}
