// Proves the ledger from its own rows: every entry balances, every balance (and each of its parts) equals
// the sum of its postings, all postings sum to zero, and no idempotency key appears twice.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface VerifyCheck {
  readonly name: string;
  readonly isPassed: boolean;
  /** What failed, with up to a few examples. */
  readonly detail: string;
}

export interface VerifyReport {
  readonly isPassed: boolean;
  readonly checks: readonly VerifyCheck[];
  readonly entryCount: number;
  readonly postingCount: number;
}

const EXAMPLES = 5;

export async function verifyLedger(db: Kysely<DB>): Promise<VerifyReport> {
  const checks: VerifyCheck[] = [];

  const unbalanced = await sql<{ entry_id: number; total: number; postings: number }>`
    select e.entry_id, coalesce(sum(p.amount), 0) as total, count(p.posting_id) as postings
    from journal_entries e left join postings p on p.entry_id = e.entry_id
    group by e.entry_id
    having coalesce(sum(p.amount), 0) <> 0 or count(p.posting_id) < 2
    order by e.entry_id limit ${EXAMPLES}
  `.execute(db);
  checks.push({
    name: 'every entry has ≥2 postings summing to zero',
    isPassed: unbalanced.rows.length === 0,
    detail: unbalanced.rows
      .map((row) => `entry ${row.entry_id}: ${row.postings} postings summing to ${row.total}`)
      .join('; '),
  });

  const mismatched = await sql<{ ledger_account_id: number; kept: string; summed: string }>`
    with summed as (
      select ledger_account_id, sum(amount) as amount,
        coalesce(sum(amount) filter (where component = 'worker'), 0) as worker_amount,
        coalesce(sum(amount) filter (where component = 'employer'), 0) as employer_amount,
        coalesce(sum(amount) filter (where component = 'return'), 0) as return_amount,
        coalesce(sum(amount) filter (where component = 'withdrawal'), 0) as withdrawal_amount
      from postings group by ledger_account_id
    )
    select coalesce(b.ledger_account_id, s.ledger_account_id) as ledger_account_id,
      concat_ws('/', b.amount, b.worker_amount, b.employer_amount, b.return_amount, b.withdrawal_amount) as kept,
      concat_ws('/', s.amount, s.worker_amount, s.employer_amount, s.return_amount, s.withdrawal_amount) as summed
    from balances b full outer join summed s on s.ledger_account_id = b.ledger_account_id
    where coalesce(b.amount, 0) <> coalesce(s.amount, 0)
      or coalesce(b.worker_amount, 0) <> coalesce(s.worker_amount, 0)
      or coalesce(b.employer_amount, 0) <> coalesce(s.employer_amount, 0)
      or coalesce(b.return_amount, 0) <> coalesce(s.return_amount, 0)
      or coalesce(b.withdrawal_amount, 0) <> coalesce(s.withdrawal_amount, 0)
    order by 1 limit ${EXAMPLES}
  `.execute(db);
  checks.push({
    name: 'every balance equals the sum of its postings (amount and parts)',
    isPassed: mismatched.rows.length === 0,
    detail: mismatched.rows
      .map(
        (row) =>
          `ledger account ${row.ledger_account_id}: balance ${row.kept || '(none)'} ≠ postings ${row.summed || '(none)'}`,
      )
      .join('; '),
  });

  const totals = await sql<{ total: number; postings: number; entries: number }>`
    select coalesce((select sum(amount) from postings), 0) as total,
      (select count(*) from postings) as postings,
      (select count(*) from journal_entries) as entries
  `.execute(db);
  const total = Number(totals.rows[0]?.total ?? 0);
  checks.push({
    name: 'all postings sum to zero',
    isPassed: total === 0,
    detail: total === 0 ? '' : `all postings sum to ${total}`,
  });

  const duplicates = await sql<{ idempotency_key: string; times: number }>`
    select idempotency_key, count(*) as times from journal_entries
    group by idempotency_key having count(*) > 1 order by 1 limit ${EXAMPLES}
  `.execute(db);
  checks.push({
    name: 'no idempotency key twice',
    isPassed: duplicates.rows.length === 0,
    detail: duplicates.rows.map((row) => `key '${row.idempotency_key}' ${row.times}×`).join('; '),
  });

  return {
    isPassed: checks.every((check) => check.isPassed),
    checks,
    entryCount: Number(totals.rows[0]?.entries ?? 0),
    postingCount: Number(totals.rows[0]?.postings ?? 0),
  };
}

export function formatVerifyReport(report: VerifyReport): string {
  const lines = report.checks.map(
    (check) =>
      `${check.isPassed ? 'PASS' : 'FAIL'}  ${check.name}${check.isPassed ? '' : `: ${check.detail}`}`,
  );
  lines.push(
    `${report.isPassed ? 'ledger verified' : 'LEDGER VERIFICATION FAILED'}: ${report.entryCount} entries, ${report.postingCount} postings`,
  );
  return lines.join('\n');
}
