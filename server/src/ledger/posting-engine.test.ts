import { AssertionError } from '@lumbung/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context';
import { openDatabase } from '../db/database';
import { ensureMemberLedgerAccounts, fundAccountIds, memberAccountCode } from './ledger-accounts';
import { createFixtureMember } from './ledger-fixtures';
import { postEntries, postEntry, reverseEntry, type EntryInput } from './posting-engine';

let test: TestContext;
let bank: number;
let jht: number;
let personId: number;

const bookedAt = new Date('2026-01-10T03:00:00Z');

async function balanceOf(ledgerAccountId: number) {
  return test.ctx.db
    .selectFrom('balances')
    .select(['amount', 'worker_amount', 'employer_amount', 'return_amount', 'withdrawal_amount'])
    .where('ledger_account_id', '=', ledgerAccountId)
    .executeTakeFirst();
}

async function counts() {
  const entries = await test.ctx.db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const postings = await test.ctx.db
    .selectFrom('postings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { entries: Number(entries.n), postings: Number(postings.n) };
}

const contribution = (key: string, worker: number, employer: number): EntryInput => ({
  idempotencyKey: key,
  source: 'contribution',
  period: '2025-12',
  bookedAt,
  personId,
  postings: [
    { ledgerAccountId: bank, amountRupiah: -(worker + employer) },
    { ledgerAccountId: jht, amountRupiah: worker, component: 'worker' },
    { ledgerAccountId: jht, amountRupiah: employer, component: 'employer' },
  ],
});

beforeAll(async () => {
  test = await createTestContext();
  const member = await createFixtureMember(test.ctx);
  personId = member.personId;
  bank = (await fundAccountIds(test.ctx.db))['fund:bank'];
  const accounts = await ensureMemberLedgerAccounts(test.ctx.db, [
    { accountId: member.accountId, personId, programme: 'JHT' },
  ]);
  jht = accounts.get(memberAccountCode(member.accountId, 'JHT'))!;
});
afterAll(async () => test.close());

describe('postEntry', () => {
  it('posts an entry and keeps the balance parts', async () => {
    const posted = await test.ctx.db
      .transaction()
      .execute((trx) => postEntry(trx, contribution('c:1', 100_000, 185_000)));
    expect(posted.isNew).toBe(true);
    expect(await balanceOf(jht)).toEqual({
      amount: 285_000,
      worker_amount: 100_000,
      employer_amount: 185_000,
      return_amount: 0,
      withdrawal_amount: 0,
    });
    expect((await balanceOf(bank))?.amount).toBe(-285_000);
  });

  it('posting the same key again returns the same entry and changes nothing', async () => {
    const before = await counts();
    const first = await test.ctx.db
      .selectFrom('journal_entries')
      .select('entry_id')
      .where('idempotency_key', '=', 'c:1')
      .executeTakeFirstOrThrow();
    const again = await test.ctx.db
      .transaction()
      .execute((trx) => postEntry(trx, contribution('c:1', 100_000, 185_000)));
    expect(again).toEqual({ entryId: first.entry_id, idempotencyKey: 'c:1', isNew: false });
    expect(await counts()).toEqual(before);
    expect((await balanceOf(jht))?.amount).toBe(285_000);
  });

  it('refuses an unbalanced entry or a single posting, writing nothing', async () => {
    const before = await counts();
    const unbalanced = contribution('c:bad', 1, 1);
    const broken = {
      ...unbalanced,
      postings: [...unbalanced.postings.slice(0, 2), { ledgerAccountId: jht, amountRupiah: 2 }],
    };
    await expect(test.ctx.db.transaction().execute((trx) => postEntry(trx, broken))).rejects.toThrow(
      AssertionError,
    );
    await expect(
      test.ctx.db
        .transaction()
        .execute((trx) => postEntry(trx, { ...unbalanced, postings: unbalanced.postings.slice(0, 1) })),
    ).rejects.toThrow(/at least two/);
    expect(await counts()).toEqual(before);
  });

  it('posts a batch larger than one statement and mixes new and known keys', async () => {
    const entries = Array.from({ length: 2_500 }, (_, i) => contribution(`batch:${i}`, 10, 20));
    const posted = await test.ctx.db
      .transaction()
      .execute((trx) => postEntries(trx, [contribution('c:1', 100_000, 185_000), ...entries]));
    expect(posted.filter((p) => p.isNew)).toHaveLength(2_500);
    expect(posted[0]?.isNew).toBe(false);
    expect(await balanceOf(jht)).toMatchObject({
      amount: 285_000 + 2_500 * 30,
      worker_amount: 100_000 + 25_000,
    });
  });
});

describe('reverseEntry', () => {
  it('restores the balance and every part exactly; repeating it changes nothing', async () => {
    const before = await balanceOf(jht);
    const posted = await test.ctx.db
      .transaction()
      .execute((trx) => postEntry(trx, contribution('c:wrong', 333_333, 617_283)));
    expect((await balanceOf(jht))?.amount).toBe(before!.amount + 950_616);
    const reversal = await test.ctx.db
      .transaction()
      .execute((trx) => reverseEntry(trx, { entryId: posted.entryId, bookedAt }));
    expect(reversal.ok && reversal.value.isNew).toBe(true);
    expect(await balanceOf(jht)).toEqual(before);
    const again = await test.ctx.db
      .transaction()
      .execute((trx) => reverseEntry(trx, { entryId: posted.entryId, bookedAt }));
    expect(again.ok && again.value.isNew).toBe(false);
    const other = await reverseEntry(test.ctx.db, {
      entryId: posted.entryId,
      bookedAt,
      idempotencyKey: 'other',
    });
    expect(other).toMatchObject({ ok: false, code: 'ledger_entry_already_reversed' });
    expect(await balanceOf(jht)).toEqual(before);
    expect(await reverseEntry(test.ctx.db, { entryId: 999_999, bookedAt })).toMatchObject({
      code: 'ledger_entry_not_found',
    });
  });
});

describe('append-only in the database (migration 0009)', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of journal entries and postings, changing nothing', async () => {
    const entry = await test.ctx.db
      .selectFrom('journal_entries')
      .select('entry_id')
      .where('idempotency_key', '=', 'c:1')
      .executeTakeFirstOrThrow();
    const before = await counts();
    const refused = [
      sql`update postings set amount = amount + 1 where entry_id = ${entry.entry_id}`,
      sql`delete from postings where entry_id = ${entry.entry_id}`,
      sql`update journal_entries set description = 'edited' where entry_id = ${entry.entry_id}`,
      sql`delete from journal_entries where entry_id = ${entry.entry_id}`,
      sql`truncate postings`,
      sql`truncate journal_entries cascade`,
    ];
    for (const statement of refused) {
      await expect(statement.execute(test.ctx.db)).rejects.toThrow(/is append-only/);
    }
    expect(await counts()).toEqual(before);
    const postings = await test.ctx.db
      .selectFrom('postings')
      .select('amount')
      .where('entry_id', '=', entry.entry_id)
      .orderBy('posting_id')
      .execute();
    expect(postings.map((p) => p.amount)).toEqual([-285_000, 100_000, 185_000]);
    // Balances are a running total, updated by design.
    await sql`update balances set updated_at = now() where ledger_account_id = ${jht}`.execute(test.ctx.db);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('concurrency (PostgreSQL)', () => {
  it('posting the same key from many connections at once yields one entry', async () => {
    const url = test.database.url!;
    const connections = await Promise.all(
      Array.from({ length: 8 }, () => openDatabase({ kind: 'postgresql', url, poolSize: 1 })),
    );
    const before = (await balanceOf(jht))!.amount;
    const results = await Promise.all(
      connections.map((c) =>
        c.db.transaction().execute((trx) => postEntry(trx, contribution('race:1', 7, 11))),
      ),
    );
    await Promise.all(connections.map((c) => c.close()));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
    const rows = await test.ctx.db
      .selectFrom('journal_entries')
      .select('entry_id')
      .where('idempotency_key', '=', 'race:1')
      .execute();
    expect(rows).toHaveLength(1);
    expect((await balanceOf(jht))!.amount).toBe(before + 18);
  });

  it('reversing one entry from many connections with different keys: one reversal, the rest refused', async () => {
    const url = test.database.url!;
    const posted = await test.ctx.db
      .transaction()
      .execute((trx) => postEntry(trx, contribution('race:reverse', 40_000, 74_000)));
    const before = (await balanceOf(jht))!.amount;
    const connections = await Promise.all(
      Array.from({ length: 6 }, () => openDatabase({ kind: 'postgresql', url, poolSize: 1 })),
    );
    const results = await Promise.all(
      connections.map((c, index) =>
        c.db
          .transaction()
          .execute((trx) =>
            reverseEntry(trx, { entryId: posted.entryId, bookedAt, idempotencyKey: `race:rev:${index}` }),
          ),
      ),
    );
    await Promise.all(connections.map((c) => c.close()));
    expect(results.filter((r) => r.ok && r.value.isNew)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(
      Array.from({ length: 5 }, () => 'ledger_entry_already_reversed'),
    );
    const reversals = await test.ctx.db
      .selectFrom('journal_entries')
      .select('entry_id')
      .where('reverses_entry_id', '=', posted.entryId)
      .execute();
    expect(reversals).toHaveLength(1);
    expect((await balanceOf(jht))!.amount).toBe(before - 114_000);
  });
});
