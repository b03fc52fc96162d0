// Merging a duplicate KPJ through the staff API: the balance moves by ledger entries, `verify` still
// passes, the member's total is unchanged, and a retry changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMemberLedgerAccounts, fundAccountIds, memberAccountCode } from '../ledger/ledger-accounts';
import { verifyLedger } from '../ledger/ledger-verify';
import { postEntry } from '../ledger/posting-engine';
import { insertPerson } from '../persons/person-store';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';
import { memberBalances } from './member-ledger-view';

const NIK = '3273011501900042';
const KEEP = '99000000010';
const DUPLICATE = '99000000028';

describe('KPJ merge', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  let personId = 0;
  let keepId = 0;
  let duplicateId = 0;
  let agent = '';

  const credit = async (
    accountId: number,
    key: string,
    period: string,
    worker: number,
    employer: number,
    jp: number,
  ) => {
    const { ctx } = test;
    const ids = await ensureMemberLedgerAccounts(ctx.db, [
      { accountId, personId, programme: 'JHT' },
      { accountId, personId, programme: 'JP' },
    ]);
    const bank = (await fundAccountIds(ctx.db))['fund:bank'];
    await postEntry(ctx.db, {
      idempotencyKey: key,
      source: 'contribution',
      period,
      bookedAt: ctx.clock.now(),
      personId,
      postings: [
        { ledgerAccountId: bank, amountRupiah: -(worker + employer + jp), component: 'other' },
        {
          ledgerAccountId: ids.get(memberAccountCode(accountId, 'JHT'))!,
          amountRupiah: worker,
          component: 'worker',
        },
        {
          ledgerAccountId: ids.get(memberAccountCode(accountId, 'JHT'))!,
          amountRupiah: employer,
          component: 'employer',
        },
        {
          ledgerAccountId: ids.get(memberAccountCode(accountId, 'JP'))!,
          amountRupiah: jp,
          component: 'employer',
        },
      ],
    });
  };

  const merge = (body: object) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/members/${personId}/merge-kpj`,
      headers: { authorization: `Bearer ${agent}` },
      payload: { reason: 'member has two cards', ...body },
    });

  beforeAll(async () => {
    test = await createTestApp();
    const { ctx } = test;
    personId = await insertPerson(ctx.db, ctx.pii, {
      nik: NIK,
      fullName: 'Budi Santoso',
      birthDate: '1990-01-15',
      sex: 'M',
      phone: '+6281200000042',
      motherMaidenName: 'Sri Wahyuni',
    });
    const rows = await ctx.db
      .insertInto('member_accounts')
      .values([
        { person_id: personId, kpj: KEEP, segment: 'PU', joined_on: '2018-01-01' },
        { person_id: personId, kpj: DUPLICATE, segment: 'PU', joined_on: '2012-01-01', status: 'inactive' },
      ])
      .returning(['account_id', 'kpj'])
      .execute();
    keepId = rows.find((row) => row.kpj === KEEP)!.account_id;
    duplicateId = rows.find((row) => row.kpj === DUPLICATE)!.account_id;
    await credit(duplicateId, 'test:dup:2017-01', '2017-01', 80_000, 148_000, 120_000);
    await credit(duplicateId, 'test:dup:2017-02', '2017-02', 80_000, 148_000, 120_000);
    await credit(keepId, 'test:keep:2024-01', '2024-01', 100_000, 185_000, 150_000);
    agent = await bearerFor(ctx, { role: 'agent', displayName: 'Agen Rina' });
    const verified = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/members/${personId}/verifications`,
      headers: { authorization: `Bearer ${agent}` },
      // An agent verifies by the call-centre questions (the branch checklist is the branch officer's).
      payload: {
        channel: 'call_centre',
        birthDate: '1990-01-15',
        motherMaidenName: 'Sri Wahyuni',
        phone: '0812-0000-0042',
        reason: 'member calls about two cards',
      },
    });
    expect(verified.json().outcome).toBe('passed');
  });
  afterAll(async () => {
    await test.close();
  });

  it('moves the whole balance with its split, keeps the total, and verify passes', async () => {
    const before = await memberBalances(test.ctx, personId);
    expect(before.totalRupiah).toBe(2 * 348_000 + 435_000);

    const response = await merge({ fromKpj: DUPLICATE, intoKpj: KEEP });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      fromKpj: DUPLICATE,
      intoKpj: KEEP,
      movedRupiah: 696_000,
      isNew: true,
    });

    const after = await memberBalances(test.ctx, personId);
    expect(after.totalRupiah).toBe(before.totalRupiah);
    const byKey = new Map(after.items.map((item) => [`${item.kpj}:${item.programme}`, item]));
    expect(byKey.get(`${DUPLICATE}:JHT`)?.amountRupiah).toBe(0);
    expect(byKey.get(`${DUPLICATE}:JP`)?.amountRupiah).toBe(0);
    expect(byKey.get(`${KEEP}:JHT`)).toMatchObject({
      amountRupiah: 285_000 + 456_000,
      workerRupiah: 260_000,
      employerRupiah: 481_000,
    });
    expect(byKey.get(`${KEEP}:JP`)?.amountRupiah).toBe(150_000 + 240_000);

    const report = await verifyLedger(test.ctx.db);
    expect(report.checks.filter((check) => !check.isPassed)).toEqual([]);
    expect(report.isPassed).toBe(true);

    const account = await test.ctx.db
      .selectFrom('member_accounts')
      .select(['status', 'merged_into_account_id'])
      .where('account_id', '=', duplicateId)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ status: 'merged', merged_into_account_id: keepId });
    const entry = await test.ctx.db
      .selectFrom('journal_entries')
      .select(['source', 'idempotency_key'])
      .where('source', '=', 'kpj_merge')
      .execute();
    expect(entry).toEqual([{ source: 'kpj_merge', idempotency_key: `merge:${duplicateId}:${keepId}` }]);
  });

  it('changes nothing on a retry and refuses merging the other way', async () => {
    const entriesBefore = await test.ctx.db.selectFrom('journal_entries').select('entry_id').execute();
    const retry = await merge({ fromKpj: DUPLICATE, intoKpj: KEEP });
    expect(retry.json()).toMatchObject({ movedRupiah: 696_000, isNew: false });
    const entriesAfter = await test.ctx.db.selectFrom('journal_entries').select('entry_id').execute();
    expect(entriesAfter.length).toBe(entriesBefore.length);

    const backwards = await merge({ fromKpj: KEEP, intoKpj: DUPLICATE });
    expect(backwards.statusCode).toBe(409);
    expect(backwards.json().code).toBe('kpj_already_merged');
    const same = await merge({ fromKpj: KEEP, intoKpj: KEEP });
    expect(same.json().code).toBe('kpj_merge_same_account');
  });

  it('refuses a KPJ of another person and audits the merge with its reason', async () => {
    const other = await insertPerson(test.ctx.db, test.ctx.pii, {
      nik: '3273011501900043',
      fullName: 'Andi',
      birthDate: '1990-01-15',
      sex: 'M',
    });
    await test.ctx.db
      .insertInto('member_accounts')
      .values({ person_id: other, kpj: '99000000036', segment: 'PU', joined_on: '2019-01-01' })
      .execute();
    const foreign = await merge({ fromKpj: '99000000036', intoKpj: KEEP });
    expect(foreign.json().code).toBe('kpj_merge_not_owned');
    const audit = await test.ctx.db
      .selectFrom('audit_log')
      .select(['reason', 'subject_person_id'])
      .where('action', '=', 'staff.kpj_merge')
      .execute();
    expect(audit).toEqual([{ reason: 'member has two cards', subject_person_id: personId }]);
  });
});
