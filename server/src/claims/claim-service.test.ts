// The member and officer services end to end on a real database: open, documents, payout account,
// submit, approve (hold), pay (withdrawal), reject (hold released), partial once, branch verification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { addClaimDocument, readClaimDocument } from './claim-document-service';
import { createClaimMember, SAMPLE_PDF, type ClaimMember } from './claim-fixtures';
import { createPaymentBatch, importBankResult } from './claim-payment-file';
import { expireApprovedClaims, payClaim } from './claim-payment-service';
import { approveClaim, claimQueue, recordBranchVerification, rejectClaim } from './claim-review-service';
import { checkClaim, openClaim, submitClaim } from './claim-submit-service';
import { listClaimDocuments } from './claim-views';
import { FULL_CHECKLIST, memberActor, staffActor, submittedClaim } from './claim-test-support';

let test: TestContext;
let resigned: ClaimMember;
let officer: Awaited<ReturnType<typeof staffActor>>;

const jhtOf = async (personId: number) =>
  (await getMemberBalances(test.ctx.db, personId)).total.JHT.amountRupiah;

beforeAll(async () => {
  test = await createTestContext();
  resigned = await createClaimMember(test.ctx, {
    startedOn: '2024-01-08',
    exit: { exitedOn: '2026-10-15', reason: 'resignation' },
  });
  officer = await staffActor(test.ctx);
});
afterAll(async () => {
  await test.close();
});

describe('a full JHT claim after resignation', () => {
  let claimId = 0;

  it('pre-checks the whole balance as claimable, tax-free below Rp50 m', async () => {
    const balance = await jhtOf(resigned.personId);
    expect(balance).toBe(570_000);
    const check = await checkClaim(test.ctx, resigned.personId, {
      kpj: resigned.kpj,
      programme: 'JHT',
      reason: 'resignation',
    });
    expect(check).toMatchObject({
      ok: true,
      value: { grossRupiah: 570_000, taxRupiah: 0, eligibleFrom: '2026-11-15' },
    });
    const layoff = await checkClaim(test.ctx, resigned.personId, {
      kpj: resigned.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    expect(layoff).toMatchObject({ ok: false, code: 'claim_exit_reason_mismatch' });
  });

  it('opens one draft per key and refuses a second open claim', async () => {
    const request = {
      kpj: resigned.kpj,
      programme: 'JHT' as const,
      reason: 'resignation',
      idempotencyKey: 'member-key-0001',
    };
    const first = await openClaim(test.ctx, resigned.personId, memberActor(), request);
    expect(first).toMatchObject({
      ok: true,
      value: { isNew: true, claim: { status: 'draft', grossRupiah: 570_000 } },
    });
    claimId = first.ok ? first.value.claim.id : 0;
    expect(first.ok && first.value.claim.number).toMatch(/^KL-2026-\d{6}$/);
    const again = await openClaim(test.ctx, resigned.personId, memberActor(), request);
    expect(again).toMatchObject({ ok: true, value: { isNew: false, claim: { id: claimId } } });
    const other = await openClaim(test.ctx, resigned.personId, memberActor(), {
      ...request,
      idempotencyKey: 'member-key-0002',
    });
    expect(other).toMatchObject({ ok: false, code: 'claim_already_open' });
    const conflict = await openClaim(test.ctx, resigned.personId, memberActor(), {
      ...request,
      reason: 'layoff',
    });
    expect(conflict).toMatchObject({ ok: false, code: 'claim_idempotency_conflict' });
  });

  it('checks documents: type by content, size, hash; refuses to submit while any is missing', async () => {
    expect(await submitClaim(test.ctx, resigned.personId, claimId, memberActor())).toMatchObject({
      ok: false,
      code: 'claim_documents_missing',
    });
    const fake = await addClaimDocument(test.ctx, resigned.personId, claimId, memberActor(), {
      type: 'ktp',
      fileName: 'ktp.pdf',
      bytes: Buffer.from('MZ this is not a pdf'),
    });
    expect(fake).toMatchObject({ ok: false, code: 'claim_document_type_invalid' });
    const big = await addClaimDocument(test.ctx, resigned.personId, claimId, memberActor(), {
      type: 'ktp',
      fileName: 'ktp.pdf',
      bytes: Buffer.concat([SAMPLE_PDF, Buffer.alloc(6 * 1024 * 1024)]),
    });
    expect(big).toMatchObject({ ok: false, code: 'claim_document_too_large' });
    const good = await addClaimDocument(test.ctx, resigned.personId, claimId, memberActor(), {
      type: 'ktp',
      fileName: 'ktp <scan>.pdf',
      bytes: SAMPLE_PDF,
    });
    expect(good).toMatchObject({
      ok: true,
      value: {
        isNew: true,
        document: { type: 'ktp', contentType: 'application/pdf', fileName: 'ktp _scan_.pdf' },
      },
    });
    const documentId = good.ok ? good.value.document.id : 0;
    const read = await readClaimDocument(test.ctx, claimId, documentId, resigned.personId);
    expect(read.ok && read.value.bytes.equals(SAMPLE_PDF)).toBe(true);
    expect(await readClaimDocument(test.ctx, claimId, documentId, resigned.personId + 999)).toMatchObject({
      ok: false,
    });
  });

  it('replaces a document type uploaded again (the old file kept for the record); adds to "other"', async () => {
    const upload = (type: string, text: string) =>
      addClaimDocument(test.ctx, resigned.personId, claimId, memberActor(), {
        type,
        fileName: `${type}-${text}.pdf`,
        bytes: Buffer.concat([SAMPLE_PDF, Buffer.from(text)]),
      });
    const first = await upload('kpj_card', 'blurred');
    const second = await upload('kpj_card', 'sharp');
    expect(first).toMatchObject({ ok: true, value: { isNew: true, replacedDocumentId: null } });
    const firstId = first.ok ? first.value.document.id : 0;
    expect(second).toMatchObject({ ok: true, value: { isNew: true, replacedDocumentId: firstId } });
    const again = await upload('kpj_card', 'sharp');
    expect(again).toMatchObject({ ok: true, value: { isNew: false, replacedDocumentId: null } });
    await upload('other', 'one');
    await upload('other', 'two');
    const current = await listClaimDocuments(test.ctx.db, claimId);
    expect(
      current.filter((document) => document.type === 'kpj_card').map((document) => document.fileName),
    ).toEqual(['kpj_card-sharp.pdf']);
    expect(current.filter((document) => document.type === 'other')).toHaveLength(2);
    const old = await readClaimDocument(test.ctx, claimId, firstId, resigned.personId);
    expect(old.ok).toBe(true);
  });

  it('goes through submit, approve with a hold, and pay exactly once', async () => {
    const id = await submittedClaim(
      test.ctx,
      resigned.personId,
      { kpj: resigned.kpj, programme: 'JHT', reason: 'resignation' },
      'member-key-0001',
    );
    expect(id).toBe(claimId);
    const queue = await claimQueue(test.ctx);
    expect(queue.map((item) => item.id)).toContain(claimId);
    expect(queue[0]?.ageing).toMatchObject({ workingDaysOpen: 0, isOverdue: false });

    const incomplete = await approveClaim(
      test.ctx,
      officer,
      claimId,
      { ...FULL_CHECKLIST, bankAccountMatches: false },
      null,
    );
    expect(incomplete).toMatchObject({ ok: false, code: 'claim_checklist_incomplete' });
    const approved = await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, 'documents match');
    expect(approved).toMatchObject({ ok: true, value: { status: 'approved' } });
    const hold = await test.ctx.db
      .selectFrom('ledger_holds')
      .selectAll()
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect(hold).toMatchObject({ status: 'active', amount: 570_000 });

    const paid = await payClaim(test.ctx, officer, claimId, 'TRX-001');
    expect(paid).toMatchObject({ ok: true, value: { isDuplicate: false, claim: { status: 'paid' } } });
    const again = await payClaim(test.ctx, officer, claimId, 'TRX-002');
    expect(again).toMatchObject({ ok: true, value: { isDuplicate: true } });
    expect(await jhtOf(resigned.personId)).toBe(0);
    const balances = await getMemberBalances(test.ctx.db, resigned.personId);
    expect(balances.total.JHT.withdrawalRupiah).toBe(-570_000);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);

    const detail = paid.ok ? paid.value.claim : undefined;
    expect(detail?.timeline.map((event) => event.status)).toEqual(['draft', 'submitted', 'approved', 'paid']);
    const notes = await test.ctx.db
      .selectFrom('notifications')
      .select('kind')
      .where('person_id', '=', resigned.personId)
      .execute();
    expect(notes.filter((note) => note.kind === 'claim_status')).toHaveLength(3);
    expect(await rejectClaim(test.ctx, officer, claimId, 'not_eligible', null)).toMatchObject({
      ok: false,
      code: 'claim_status_invalid',
    });
  });
});

describe('rejection, partial claims and branch verification', () => {
  it('releases the hold on rejection and shows the reason code', async () => {
    const member = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'layoff' } });
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null);
    expect(await rejectClaim(test.ctx, officer, claimId, 'made_up', null)).toMatchObject({
      ok: false,
      code: 'claim_rejection_reason_invalid',
    });
    const rejected = await rejectClaim(
      test.ctx,
      officer,
      claimId,
      'bank_account_invalid',
      'rekening atas nama orang lain',
    );
    expect(rejected).toMatchObject({
      ok: true,
      value: {
        status: 'rejected',
        rejection: { code: 'bank_account_invalid', note: 'rekening atas nama orang lain' },
      },
    });
    const hold = await test.ctx.db
      .selectFrom('ledger_holds')
      .select('status')
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect(hold.status).toBe('released');
    expect(await jhtOf(member.personId)).toBe(570_000);
  });

  it('pays one 10% partial claim after 10 years and refuses the second with its reason code', async () => {
    const working = await createClaimMember(test.ctx, { startedOn: '2014-01-06' });
    const request = { kpj: working.kpj, programme: 'JHT' as const, reason: 'partial_any' };
    const claimId = await submittedClaim(test.ctx, working.personId, request);
    await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null);
    expect(await payClaim(test.ctx, officer, claimId, null)).toMatchObject({
      ok: true,
      value: { claim: { grossRupiah: 57_000 } },
    });
    expect(await jhtOf(working.personId)).toBe(513_000);
    const second = await checkClaim(test.ctx, working.personId, request);
    expect(second).toEqual({ ok: false, code: 'jht_partial_already_taken' });
    const opened = await openClaim(test.ctx, working.personId, memberActor(), {
      ...request,
      idempotencyKey: 'second-partial',
    });
    expect(opened).toEqual({ ok: false, code: 'jht_partial_already_taken' });
    const housing = await openClaim(test.ctx, working.personId, memberActor(), {
      ...request,
      reason: 'partial_housing',
      idempotencyKey: 'housing-partial',
    });
    expect(housing).toEqual({ ok: false, code: 'jht_partial_already_taken' });
  });

  it('sends a claim above the online-only limit to a branch first (limit configurable)', async () => {
    await test.ctx.db
      .insertInto('rule_row_overrides')
      .values({
        table_id: 'jht_online_claim_limit',
        value: JSON.stringify({ maxBalanceRupiah: 100_000 }),
        valid_from: '2026-11-01',
        valid_to: null,
        regulation: 'test',
        article: 'test',
        created_by_user_id: officer.userId ?? 0,
        created_at: new Date(),
      })
      .execute();
    // Stored behind this process's back (as another process would): seen after its rule book refreshes.
    expect(await test.ctx.rules.refresh()).toBe(true);
    const member = await createClaimMember(test.ctx, {
      exit: { exitedOn: '2026-09-30', reason: 'contract_end' },
    });
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'contract_end',
    });
    const row = await test.ctx.db
      .selectFrom('claims')
      .select(['status', 'online_limit_amount'])
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'branch_verification', online_limit_amount: 100_000 });
    expect(await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null)).toMatchObject({
      ok: false,
      code: 'claim_status_invalid',
    });
    const verified = await recordBranchVerification(test.ctx, officer, claimId, 'originals seen');
    expect(verified).toMatchObject({ ok: true, value: { status: 'submitted' } });
    await test.ctx.db
      .deleteFrom('rule_row_overrides')
      .where('table_id', '=', 'jht_online_claim_limit')
      .execute();
    await test.ctx.rules.refresh();
  });
});

describe('bank refusals and expiry', () => {
  it('marks a refused transfer, pays it later from the bank file once, and expires a stale approval', async () => {
    const member = await createClaimMember(test.ctx, {
      exit: { exitedOn: '2026-10-01', reason: 'resignation' },
    });
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'resignation',
    });
    await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null);
    const batch = await createPaymentBatch(test.ctx, officer);
    expect(batch).toMatchObject({ claimCount: 1, totalRupiah: 570_000 });
    const row = await test.ctx.db
      .selectFrom('claims')
      .select('number')
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    const failed = await importBankResult(
      test.ctx,
      officer,
      `reference,status,bank_reference\n${row.number},failed,closed account\n`,
    );
    expect(failed).toEqual({
      ok: true,
      value: { paid: 0, failed: 1, unchanged: 0, exceptions: [], isDuplicate: false },
    });
    expect(await importBankResult(test.ctx, officer, 'reference,status\nKL-1,paid\n')).toMatchObject({
      ok: false,
      code: 'claim_payment_file_invalid',
    });
    expect(
      await importBankResult(test.ctx, officer, `reference,status,bank_reference\nKL-2026-999999,paid,x\n`),
    ).toMatchObject({
      ok: false,
      code: 'claim_payment_file_invalid',
    });
    const paid = await importBankResult(
      test.ctx,
      officer,
      `reference,status,bank_reference\n${row.number},paid,RETRY-1\n`,
    );
    expect(paid).toEqual({
      ok: true,
      value: { paid: 1, failed: 0, unchanged: 0, exceptions: [], isDuplicate: false },
    });
    expect(await jhtOf(member.personId)).toBe(0);

    const stale = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'layoff' } });
    const staleId = await submittedClaim(test.ctx, stale.personId, {
      kpj: stale.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    await approveClaim(test.ctx, officer, staleId, FULL_CHECKLIST, null);
    expect(await expireApprovedClaims(test.ctx, 30)).toEqual({ expired: 0, awaitingBank: 0 });
    test.clock.advanceMs(31 * 86_400_000);
    expect(await expireApprovedClaims(test.ctx, 30)).toEqual({ expired: 1, awaitingBank: 0 });
    const hold = await test.ctx.db
      .selectFrom('ledger_holds')
      .select('status')
      .where('claim_id', '=', staleId)
      .executeTakeFirstOrThrow();
    expect(hold.status).toBe('released');
    expect(await payClaim(test.ctx, officer, staleId, null)).toMatchObject({
      ok: false,
      code: 'claim_status_invalid',
    });
    expect(await jhtOf(stale.personId)).toBe(570_000);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });
});
