// Turns covered bill lines into journal entries, one per worker (so each entry stays on its member's
// shard): the employer's unapplied money is debited; the worker's JHT and JP are credited with their
// worker and employer parts; JKK, JKM and the JKP recomposition go to fund income.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { ensureMemberLedgerAccounts, FUND_ACCOUNT_IDS, memberAccountCode } from '../ledger/ledger-accounts';
import type { EntryInput, PostingInput } from '../ledger/posting-engine';

export interface CoveredLine {
  readonly bill_line_id: number;
  readonly period: string;
  readonly account_id: number;
  readonly person_id: number;
  readonly jht_worker_amount: number;
  readonly jht_employer_amount: number;
  readonly jp_worker_amount: number;
  readonly jp_employer_amount: number;
  readonly jkk_amount: number;
  readonly jkm_amount: number;
  readonly jkp_allocation_amount: number;
  readonly total_amount: number;
}

export interface LineEntries {
  readonly entries: EntryInput[];
  /** bill_line_id of each entry, in the same order. */
  readonly lineIds: number[];
}

/** One entry per covered line (a zero-wage line gets none); member ledger accounts are created as needed. */
export async function buildLineEntries(
  trx: Transaction<DB>,
  lines: readonly CoveredLine[],
  options: { employerId: number; unappliedLedgerAccountId: number; bookedAt: Date },
): Promise<LineEntries> {
  if (lines.length === 0) return { entries: [], lineIds: [] };
  const funds = FUND_ACCOUNT_IDS;
  const ledgerIds = await ensureMemberLedgerAccounts(
    trx,
    lines.flatMap((line) => [
      { accountId: line.account_id, personId: line.person_id, programme: 'JHT' as const },
      { accountId: line.account_id, personId: line.person_id, programme: 'JP' as const },
    ]),
  );
  const entries: EntryInput[] = [];
  const lineIds: number[] = [];
  for (const line of lines) {
    const jht = ledgerIds.get(memberAccountCode(line.account_id, 'JHT'))!;
    const jp = ledgerIds.get(memberAccountCode(line.account_id, 'JP'))!;
    // JKP is recomposed out of JKK/JKM (PP 37/2021 art. 11; PP 6/2025), so jkp_allocation_amount is
    // already inside jkk_amount + jkm_amount. The split between the two is not stored per line, so the
    // whole allocation is taken from JKK first, then JKM.
    const jkpFromJkk = Math.min(line.jkp_allocation_amount, line.jkk_amount);
    const jkpFromJkm = line.jkp_allocation_amount - jkpFromJkk;
    const candidates: PostingInput[] = [
      { ledgerAccountId: options.unappliedLedgerAccountId, amountRupiah: -line.total_amount },
      { ledgerAccountId: jht, amountRupiah: line.jht_worker_amount, component: 'worker' },
      { ledgerAccountId: jht, amountRupiah: line.jht_employer_amount, component: 'employer' },
      { ledgerAccountId: jp, amountRupiah: line.jp_worker_amount, component: 'worker' },
      { ledgerAccountId: jp, amountRupiah: line.jp_employer_amount, component: 'employer' },
      { ledgerAccountId: funds['fund:jkk_income'], amountRupiah: line.jkk_amount - jkpFromJkk },
      { ledgerAccountId: funds['fund:jkm_income'], amountRupiah: line.jkm_amount - jkpFromJkm },
      { ledgerAccountId: funds['fund:jkp_income'], amountRupiah: line.jkp_allocation_amount },
    ];
    const postings = candidates.filter((posting) => posting.amountRupiah !== 0);
    if (postings.length < 2) continue; // a zero wage: nothing to post
    entries.push({
      idempotencyKey: `contribution:${line.bill_line_id}`,
      source: 'contribution',
      period: line.period,
      bookedAt: options.bookedAt,
      personId: line.person_id,
      employerId: options.employerId,
      postings,
    });
    lineIds.push(line.bill_line_id);
  }
  return { entries, lineIds };
}

/** Marks lines posted, linking each to its entry (one statement). */
export async function markLinesPosted(
  trx: Transaction<DB>,
  lines: readonly CoveredLine[],
  entryIdByLine: ReadonlyMap<number, number>,
  bookedAt: Date,
): Promise<void> {
  if (lines.length === 0) return;
  const lineIds = lines.map((line) => line.bill_line_id);
  await sql`
    update bill_lines b set is_posted = true, posted_at = ${bookedAt.toISOString()}::timestamptz,
      posted_entry_id = u.entry_id
    from unnest(${lineIds}::int8[], ${lineIds.map((id) => entryIdByLine.get(id) ?? null)}::int8[]) as u(line_id, entry_id)
    where b.bill_line_id = u.line_id
  `.execute(trx);
}
