// The run on the demo data set: only CV Kopi Lereng Merapi skipped months (April 2025 reported but not
// paid, May 2025 not reported), so only its workers hear about exactly those two months.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmounts } from '../employer/bill-service';
import { seedDemoLedger, type DemoLedger } from '../seed/demo-seed';
import { createTestContext, type TestContext } from '../test/test-context';
import { runContributionAlerts } from './alert-run';

let test: TestContext;
let seeded: DemoLedger;

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00Z' });
  seeded = await seedDemoLedger(test.ctx);
}, 180_000);
afterAll(async () => test.close());

describe('contribution alerts on the demo data', () => {
  it('finds the demo employer that skipped April and May 2025, and no one else', async () => {
    const run = await runContributionAlerts(test.ctx, { asOf: '2026-11-22' });
    expect(run).toMatchObject({ ok: true, value: { isCompleted: true, throughPeriod: '2026-10' } });
    const kopi = seeded.employers.find((employer) => employer.name === 'CV Kopi Lereng Merapi')!;
    const findings = await test.ctx.db
      .selectFrom('contribution_findings')
      .select(['employer_id', 'person_id', 'period', 'kind', 'status', 'expected_amount', 'wage_basis'])
      .where('kind', '<>', 'paid_late')
      .orderBy('person_id')
      .orderBy('period')
      .execute();
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.employer_id))).toEqual(new Set([kopi.employerId]));
    const people = new Set(findings.map((f) => f.person_id));
    for (const personId of people) {
      const own = findings.filter((f) => f.person_id === personId);
      expect(own.map((f) => [f.period, f.kind, f.status])).toEqual([
        ['2025-04', 'missing', 'open'],
        ['2025-05', 'missing', 'open'],
      ]);
      for (const finding of own) {
        const expected = lineAmounts(finding.wage_basis, finding.period, 'low');
        expect(finding.expected_amount).toBe(expected.ok ? expected.value.total : -1);
      }
    }
    const alerts = await test.ctx.db.selectFrom('notifications').select(['person_id', 'kind']).execute();
    expect(alerts.map((a) => a.kind)).toEqual([...people].map(() => 'contribution_alert'));

    const again = await runContributionAlerts(test.ctx, { asOf: '2026-11-22' });
    expect(again).toMatchObject({
      ok: true,
      value: { findingsOpened: 0, alertsSent: 0, delivery: { sent: 0 } },
    });
  });
});
