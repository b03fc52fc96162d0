// Smoke test of the benchmark harness: a tiny dataset through the real pipeline (wage report, payment,
// posting) on the test database, checked against the ledger's own verification and the expected sums.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleBook } from '@lumbung/core';
import { lineAmounts } from '../../server/src/employer/bill-service';
import { verifyLedger } from '../../server/src/ledger/ledger-verify';
import { createTestDatabase, type TestDatabase } from '../../server/src/test/test-database';
import { benchNik, benchWage, firstHistoryPeriod, generateDataset, LAST_HISTORY_PERIOD } from './dataset';
import { benchContext, manualClock, numberOption } from './harness';

describe('benchmark dataset generator', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('posts every member-month through the real pipeline and the ledger verifies', async () => {
    const clock = manualClock('2020-01-01T00:00:00.000Z');
    const ctx = { ...benchContext(database, { clock }), clock };
    const generated = await generateDataset(ctx, { members: 30, months: 2 });
    expect(generated.memberMonths).toBe(60);

    const counts = await sql<{ entries: number; lines: number; paid: number }>`
      select (select count(*) from journal_entries where source = 'contribution') as entries,
        (select count(*) from bill_lines where is_posted) as lines,
        (select count(*) from bills where status = 'paid') as paid
    `.execute(database.db);
    expect(counts.rows[0]).toEqual({ entries: 60, lines: 60, paid: 2 });
    expect((await verifyLedger(database.db)).isPassed).toBe(true);

    // The first member's JHT balance is exactly their two months of JHT contributions.
    const expected = [firstHistoryPeriod(2), LAST_HISTORY_PERIOD].reduce((total, period) => {
      const amounts = lineAmounts(benchWage(0, period), period, 'low', defaultRuleBook);
      if (!amounts.ok) throw new Error(amounts.code);
      return total + amounts.value.jhtWorker + amounts.value.jhtEmployer;
    }, 0);
    const balance = await sql<{ amount: number }>`
      select b.amount from balances b join ledger_accounts la using (ledger_account_id)
      where la.person_id = 1 and la.programme = 'JHT'
    `.execute(database.db);
    expect(balance.rows[0]?.amount).toBe(expected);
  });

  it('makes distinct, structurally valid NIKs and reads 10k / 1m options', () => {
    const niks = new Set(Array.from({ length: 20_000 }, (_, i) => benchNik(i).nik));
    expect(niks.size).toBe(20_000);
    expect(benchNik(0)).toEqual({ nik: '3273010101700001', birthDate: '1970-01-01' });
    expect(numberOption('--not-given', 7)).toBe(7);
  });
});
