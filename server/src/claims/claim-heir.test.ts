// Heirs claim for a deceased member from their own portal account: only when listed among the member's
// beneficiaries, only for death reasons; every mismatch gives the same answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { insertPerson } from '../persons/person-store';
import { addBeneficiary } from '../portal/beneficiary-service';
import { createTestContext, type TestContext } from '../test/test-context';
import { createClaimMember, type ClaimMember } from './claim-fixtures';
import { payClaim } from './claim-payment-service';
import { approveClaim, recordBranchVerification } from './claim-review-service';
import { claimOptions } from './claim-precheck-service';
import { checkClaim, openClaim } from './claim-submit-service';
import { FULL_CHECKLIST, memberActor, staffActor, submittedClaim } from './claim-test-support';
import { listMemberClaims } from './claim-views';

const DECEASED_NIK = '3273011501850042';
const HEIR_NIK = '3273015203880007';
const SECOND_HEIR_NIK = '3273010107050003';
let test: TestContext;
let deceased: ClaimMember;
let heirId = 0;
let strangerId = 0;
let secondHeirId = 0;

beforeAll(async () => {
  test = await createTestContext();
  deceased = await createClaimMember(test.ctx, { nik: DECEASED_NIK, fullName: 'Agus Salim' });
  heirId = await insertPerson(test.ctx.db, test.ctx.pii, {
    nik: HEIR_NIK,
    fullName: 'Sri Salim',
    birthDate: '1988-03-12',
    sex: 'F',
  });
  strangerId = await insertPerson(test.ctx.db, test.ctx.pii, {
    nik: '3273010101900099',
    fullName: 'Orang Lain',
    birthDate: '1990-01-01',
    sex: 'M',
  });
  const listed = await addBeneficiary(test.ctx, deceased.personId, {
    name: 'Sri Salim',
    relation: 'spouse',
    nik: HEIR_NIK,
    sharePercent: 50,
  });
  expect(listed.ok).toBe(true);
  secondHeirId = await insertPerson(test.ctx.db, test.ctx.pii, {
    nik: SECOND_HEIR_NIK,
    fullName: 'Rudi Salim',
    birthDate: '2005-07-01',
    sex: 'M',
  });
  const child = await addBeneficiary(test.ctx, deceased.personId, {
    name: 'Rudi Salim',
    relation: 'child',
    nik: SECOND_HEIR_NIK,
    sharePercent: 50,
  });
  expect(child.ok).toBe(true);
});
afterAll(async () => {
  await test.close();
});

const heirRequest = (programme: 'JHT' | 'JP' | 'JKM', reason = 'death') => ({
  kpj: deceased.kpj,
  programme,
  reason,
  eventDate: '2026-11-01',
  deceased: { kpj: deceased.kpj, nik: DECEASED_NIK },
});

describe('death claims are the heirs’', () => {
  it('refuses every death reason on a living member’s own account (pre-check, open and options)', async () => {
    const own = (programme: 'JHT' | 'JP' | 'JKK' | 'JKM', reason: string) => ({
      kpj: deceased.kpj,
      programme,
      reason,
      eventDate: '2026-11-01',
    });
    const deaths = [own('JHT', 'death'), own('JP', 'death'), own('JKK', 'work_death'), own('JKM', 'death')];
    for (const request of deaths) {
      expect(await checkClaim(test.ctx, deceased.personId, request)).toEqual({
        ok: false,
        code: 'claim_heirs_only',
        field: 'reason',
      });
      expect(
        await openClaim(test.ctx, deceased.personId, memberActor(), {
          ...request,
          idempotencyKey: `own-${request.programme}-death`,
        }),
      ).toMatchObject({ ok: false, code: 'claim_heirs_only' });
    }
    const rows = await test.ctx.db
      .selectFrom('claims')
      .select('claim_id')
      .where('person_id', '=', deceased.personId)
      .execute();
    expect(rows).toEqual([]);
    const { options } = await claimOptions(test.ctx, deceased.personId);
    const deathOptions = options.filter((option) => option.isHeirOnly);
    expect(deathOptions.map((option) => `${option.programme}:${option.reason}`)).toEqual([
      'JHT:death',
      'JP:death',
      'JKK:work_death',
      'JKM:death',
    ]);
    expect(deathOptions.every((option) => !option.isEligible && option.code === 'claim_heirs_only')).toBe(
      true,
    );
  });
});

describe('claims by heirs', () => {
  it('refuses anyone not listed, a wrong NIK and non-death reasons alike', async () => {
    expect(await checkClaim(test.ctx, strangerId, heirRequest('JKM'))).toEqual({
      ok: false,
      code: 'claim_heir_not_recognised',
    });
    const wrongNik = { ...heirRequest('JKM'), deceased: { kpj: deceased.kpj, nik: '3273011501850043' } };
    expect(await checkClaim(test.ctx, heirId, wrongNik)).toEqual({
      ok: false,
      code: 'claim_heir_not_recognised',
    });
    expect(await checkClaim(test.ctx, heirId, heirRequest('JHT', 'resignation'))).toMatchObject({
      ok: false,
      code: 'claim_reason_invalid',
    });
    expect(await checkClaim(test.ctx, deceased.personId, heirRequest('JKM'))).toEqual({
      ok: false,
      code: 'claim_heir_not_recognised',
    });
  });

  it('lets a listed heir claim JKM (Rp42 m, verified at a branch) and the JHT balance, notified to the heir', async () => {
    expect(await checkClaim(test.ctx, heirId, heirRequest('JKM'))).toMatchObject({
      ok: true,
      value: { grossRupiah: 42_000_000, isBranchVerificationRequired: true },
    });
    const officer = await staffActor(test.ctx);
    const jkmId = await submittedClaim(test.ctx, heirId, heirRequest('JKM'));
    await recordBranchVerification(test.ctx, officer, jkmId, 'death certificate seen');
    await approveClaim(test.ctx, officer, jkmId, FULL_CHECKLIST, null);
    expect(await payClaim(test.ctx, officer, jkmId, null)).toMatchObject({
      ok: true,
      value: { isDuplicate: false },
    });

    const jhtId = await submittedClaim(test.ctx, heirId, heirRequest('JHT'));
    await approveClaim(test.ctx, officer, jhtId, FULL_CHECKLIST, null);
    expect(await payClaim(test.ctx, officer, jhtId, null)).toMatchObject({
      ok: true,
      value: { claim: { grossRupiah: 570_000 } },
    });
    expect((await getMemberBalances(test.ctx.db, deceased.personId)).total.JHT.amountRupiah).toBe(0);

    const rows = await test.ctx.db
      .selectFrom('claims')
      .select(['person_id', 'claimant_person_id'])
      .where('claim_id', 'in', [jkmId, jhtId])
      .execute();
    expect(rows).toEqual([
      { person_id: deceased.personId, claimant_person_id: heirId },
      { person_id: deceased.personId, claimant_person_id: heirId },
    ]);
    expect((await listMemberClaims(test.ctx.db, heirId)).map((claim) => claim.id).sort()).toEqual(
      [jkmId, jhtId].sort(),
    );
    expect(await listMemberClaims(test.ctx.db, deceased.personId)).toEqual([]);
    const notes = await test.ctx.db
      .selectFrom('notifications')
      .select('person_id')
      .where('kind', '=', 'claim_status')
      .execute();
    expect(new Set(notes.map((note) => note.person_id))).toEqual(new Set([heirId]));
    expect(
      await openClaim(test.ctx, strangerId, memberActor(), {
        ...heirRequest('JKM'),
        idempotencyKey: 'stranger-001',
      }),
    ).toEqual({
      ok: false,
      code: 'claim_heir_not_recognised',
    });
  });

  it('names an open claim’s number only to its own claimant', async () => {
    const request = { ...heirRequest('JP'), eventDate: '2026-11-01' };
    const opened = await openClaim(test.ctx, heirId, memberActor(), {
      ...request,
      idempotencyKey: 'jp-heir-1',
    });
    expect(opened).toMatchObject({ ok: true, value: { isNew: true, claim: { programme: 'JP' } } });
    const number = opened.ok ? opened.value.claim.number : '';
    expect(
      await openClaim(test.ctx, heirId, memberActor(), { ...request, idempotencyKey: 'jp-heir-2' }),
    ).toEqual({ ok: false, code: 'claim_already_open', params: { programme: 'JP', claimNumber: number } });
    expect(
      await openClaim(test.ctx, secondHeirId, memberActor(), { ...request, idempotencyKey: 'jp-heir-3' }),
    ).toEqual({ ok: false, code: 'claim_already_open', params: { programme: 'JP' } });
    // A spouse's JP survivor claim is recorded with the relation, so submit and approval decide it alike.
    const row = await test.ctx.db
      .selectFrom('claims')
      .select('jp_survivor')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(row.jp_survivor).toBe('spouse');
  });
});
