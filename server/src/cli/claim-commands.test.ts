// `lumbung claims:expire` releases the hold of an approved claim left unpaid past the limit, says what it
// did, and refuses a wrong argument before touching anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { createClaimMember } from '../claims/claim-fixtures';
import { approveClaim } from '../claims/claim-review-service';
import { FULL_CHECKLIST, staffActor, submittedClaim } from '../claims/claim-test-support';
import { createTestContext, type TestContext } from '../test/test-context';
import { commands } from './commands';
import { runClaimsExpire } from './claim-commands';

let test: TestContext;

beforeAll(async () => {
  test = await createTestContext();
});
afterAll(async () => {
  await test.close();
});

const capture = () => {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
};

describe('lumbung claims:expire', () => {
  it('is registered', () => {
    expect(commands['claims:expire']?.summary).toMatch(/expire approved claims/);
  });

  it('refuses a wrong argument with the usage', async () => {
    for (const args of [['--max-days'], ['--max-days', '0'], ['--max-days=abc'], ['--days', '3']]) {
      const out = capture();
      const errors = capture();
      expect(await runClaimsExpire(test.ctx, args, out, errors)).toBe(2);
      expect(errors.text()).toContain('usage: lumbung claims:expire');
      expect(out.text()).toBe('');
    }
  });

  it('expires an approval unpaid past --max-days and releases its hold', async () => {
    const member = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'layoff' } });
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    await approveClaim(test.ctx, await staffActor(test.ctx), claimId, FULL_CHECKLIST, null);
    test.clock.advanceMs(8 * 86_400_000);

    const early = capture();
    expect(await runClaimsExpire(test.ctx, ['--max-days', '10'], early, capture())).toBe(0);
    expect(early.text()).toBe(
      'claims not paid within 10 days: 0 expired (holds released), 0 left waiting for a bank result\n',
    );
    const out = capture();
    expect(await runClaimsExpire(test.ctx, ['--max-days=7'], out, capture())).toBe(0);
    expect(out.text()).toBe(
      'claims not paid within 7 days: 1 expired (holds released), 0 left waiting for a bank result\n',
    );
    const claim = await test.ctx.db
      .selectFrom('claims')
      .select('status')
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    const hold = await test.ctx.db
      .selectFrom('ledger_holds')
      .select('status')
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect([claim.status, hold.status]).toEqual(['expired', 'released']);
    expect((await getMemberBalances(test.ctx.db, member.personId)).total.JHT.amountRupiah).toBe(570_000);
  });
});
