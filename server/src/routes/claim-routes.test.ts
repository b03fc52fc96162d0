// The claims API in process: the member files a JHT claim over HTTP (raw document upload, payout
// account, submit), another member sees 404, the officer approves, exports the bank file and imports
// the bank's result twice (the second changes nothing); agents are refused and the refusal is audited.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimMember, SAMPLE_PDF, SAMPLE_PNG, type ClaimMember } from '../claims/claim-fixtures';
import { FULL_CHECKLIST, submittedClaim } from '../claims/claim-test-support';
import { getMemberBalances } from '../ledger/balance-queries';
import { verifyLedger } from '../ledger/ledger-verify';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';

let test: Awaited<ReturnType<typeof createTestApp>>;
let member: ClaimMember;
let memberAuth: { authorization: string };
let officerAuth: { authorization: string };
let claimId = 0;
let claimNumber = '';

beforeAll(async () => {
  test = await createTestApp();
  member = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'resignation' } });
  memberAuth = {
    authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member', personId: member.personId })}`,
  };
  officerAuth = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'claims_officer' })}` };
});
afterAll(async () => {
  await test.close();
});

const inject = (options: InjectOptions) => test.app.inject(options);

describe('member claim routes', () => {
  it('shows what is claimable and why not', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/me/claims/options', headers: memberAuth });
    expect(response.statusCode).toBe(200);
    const options = response.json().options as Array<Record<string, unknown>>;
    expect(
      options.find((option) => option.programme === 'JHT' && option.reason === 'resignation'),
    ).toMatchObject({
      isEligible: true,
      netRupiah: 570_000,
    });
    expect(
      options.find((option) => option.programme === 'JHT' && option.reason === 'retirement'),
    ).toMatchObject({
      isEligible: false,
      code: 'jht_retirement_age_not_reached',
    });
    // What the wizard needs to know comes from the core, not from a copy in the web app.
    expect(
      options.find((option) => option.programme === 'JKK' && option.reason === 'temporary_incapacity'),
    ).toMatchObject({ isEventDateRequired: true, isHeirOnly: false, onlineLimitRupiah: 15_000_000 });
    expect(
      options.find((option) => option.programme === 'JHT' && option.reason === 'resignation'),
    ).toMatchObject({ isEventDateRequired: false, onlineLimitRupiah: 15_000_000 });
    expect(options.find((option) => option.programme === 'JKM')).toMatchObject({
      isEligible: false,
      isHeirOnly: true,
      code: 'claim_heirs_only',
    });
  });

  it('refuses a death claim on the member’s own account, with the reason in both languages', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/me/claims/check',
      headers: memberAuth,
      payload: { kpj: member.kpj, programme: 'JKM', reason: 'death', eventDate: '2026-11-01' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'claim_heirs_only',
      message: {
        id: expect.stringContaining('ahli waris'),
        en: expect.stringContaining('listed heir'),
      },
    });
  });

  it('opens, uploads, sets the account and submits', async () => {
    const body = {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'resignation',
      idempotencyKey: 'web-claim-0001',
    };
    const opened = await inject({
      method: 'POST',
      url: '/api/v1/me/claims',
      headers: memberAuth,
      payload: body,
    });
    expect(opened.statusCode).toBe(201);
    claimId = opened.json().id;
    claimNumber = opened.json().number;
    const again = await inject({
      method: 'POST',
      url: '/api/v1/me/claims',
      headers: memberAuth,
      payload: body,
    });
    expect([again.statusCode, again.json().id]).toEqual([200, claimId]);

    const upload = (type: string, bytes: Buffer, contentType: string) =>
      inject({
        method: 'POST',
        url: `/api/v1/me/claims/${claimId}/documents?type=${type}&fileName=${type}.pdf`,
        headers: { ...memberAuth, 'content-type': contentType },
        payload: bytes,
      });
    const wrong = await upload('ktp', Buffer.from('MZ not a document'), 'application/pdf');
    expect([wrong.statusCode, wrong.json().code]).toEqual([415, 'claim_document_type_invalid']);
    expect((await upload('ktp', SAMPLE_PNG, 'image/png')).statusCode).toBe(201);
    for (const type of ['kpj_card', 'savings_book', 'resignation_letter']) {
      expect(
        (await upload(type, Buffer.concat([SAMPLE_PDF, Buffer.from(type)]), 'application/pdf')).statusCode,
      ).toBe(201);
    }
    const early = await inject({
      method: 'POST',
      url: `/api/v1/me/claims/${claimId}/submit`,
      headers: memberAuth,
    });
    expect(early.json().code).toBe('claim_bank_account_required');
    const account = await inject({
      method: 'PUT',
      url: `/api/v1/me/claims/${claimId}/payout-account`,
      headers: memberAuth,
      payload: { bankCode: '014', accountNumber: '1234-5678-90', holderName: 'Rina Wulandari' },
    });
    expect(account.json()).toEqual({ bankCode: '014', accountMasked: '••••7890' });
    const stored = await test.ctx.db
      .selectFrom('claim_payout_accounts')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('1234567890');
    const submitted = await inject({
      method: 'POST',
      url: `/api/v1/me/claims/${claimId}/submit`,
      headers: memberAuth,
    });
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      missingDocuments: [],
      payoutAccount: { accountMasked: '••••7890' },
    });
  });

  it('hides the claim from another member (404)', async () => {
    const other = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member' })}` };
    const response = await inject({ method: 'GET', url: `/api/v1/me/claims/${claimId}`, headers: other });
    expect([response.statusCode, response.json().code]).toEqual([404, 'not_found']);
    const document = await inject({
      method: 'GET',
      url: `/api/v1/me/claims/${claimId}/documents/1`,
      headers: other,
    });
    expect(document.statusCode).toBe(404);
  });
});

describe('staff claim routes', () => {
  it('refuses an agent and audits the refusal once', async () => {
    const agent = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'agent' })}` };
    const response = await inject({ method: 'GET', url: '/api/v1/staff/claims', headers: agent });
    expect(response.statusCode).toBe(403);
    const audited = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', '%forbidden')
      .execute();
    expect(audited).toEqual([
      { action: 'staff.forbidden', details: expect.objectContaining({ route: '/api/v1/staff/claims' }) },
    ]);
  });

  it('queues, shows documents, approves, exports the bank file and imports the result once', async () => {
    const queue = await inject({ method: 'GET', url: '/api/v1/staff/claims', headers: officerAuth });
    expect(queue.json().claims[0]).toMatchObject({
      id: claimId,
      memberName: 'Rina Wulandari',
      ageing: { isOverdue: false },
    });
    const detail = await inject({
      method: 'GET',
      url: `/api/v1/staff/claims/${claimId}`,
      headers: officerAuth,
    });
    expect(detail.json()).toMatchObject({
      payoutHolderName: 'Rina Wulandari',
      documents: expect.arrayContaining([expect.objectContaining({ type: 'ktp', contentType: 'image/png' })]),
    });
    const documentId = detail.json().documents[0].id;
    const image = await inject({
      method: 'GET',
      url: `/api/v1/staff/claims/${claimId}/documents/${documentId}`,
      headers: officerAuth,
    });
    expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/png']);
    expect(image.rawPayload.equals(SAMPLE_PNG)).toBe(true);
    // The console's viewer frames the document: this response alone allows its own origin as the framer.
    expect(image.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(image.headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-disposition']).toBe(`inline; filename="ktp.pdf"; filename*=UTF-8''ktp.pdf`);
    expect(String(detail.headers['content-security-policy'])).toContain("frame-ancestors 'none'");

    const approve = await inject({
      method: 'POST',
      url: `/api/v1/staff/claims/${claimId}/approve`,
      headers: officerAuth,
      payload: { checklist: FULL_CHECKLIST, note: 'lengkap' },
    });
    expect(approve.json().status).toBe('approved');
    const file = await inject({
      method: 'POST',
      url: '/api/v1/staff/claims/payment-files',
      headers: officerAuth,
    });
    expect(file.json().batch).toMatchObject({ claimCount: 1, totalRupiah: 570_000 });
    const csv = await inject({ method: 'GET', url: file.json().batch.downloadUrl, headers: officerAuth });
    expect(csv.body).toBe(
      'reference,bank_code,account_number,account_holder,amount_rupiah,description\r\n' +
        `${claimNumber},014,1234567890,Rina Wulandari,570000,BPJS JHT ${claimNumber}\r\n`,
    );
    const empty = await inject({
      method: 'POST',
      url: '/api/v1/staff/claims/payment-files',
      headers: officerAuth,
    });
    expect(empty.json()).toEqual({ batch: null });

    const result = `reference,status,bank_reference\n${claimNumber},paid,BCA-778899\n`;
    const post = () =>
      inject({
        method: 'POST',
        url: '/api/v1/staff/claims/bank-results',
        headers: { ...officerAuth, 'content-type': 'text/csv' },
        payload: result,
      });
    const counts = { paid: 1, failed: 0, unchanged: 0, exceptions: [] };
    expect((await post()).json()).toEqual({ ...counts, isDuplicate: false });
    expect((await post()).json()).toEqual({ ...counts, isDuplicate: true });
    const files = await inject({
      method: 'GET',
      url: '/api/v1/staff/claims/payment-files',
      headers: officerAuth,
    });
    expect(files.json().batches).toEqual([
      expect.objectContaining({
        batchId: file.json().batch.batchId,
        claimCount: 1,
        paidCount: 1,
        awaitingCount: 0,
        returnedCount: 0,
        sha256: file.json().batch.sha256,
        downloadUrl: file.json().batch.downloadUrl,
      }),
    ]);
    const pay = await inject({
      method: 'POST',
      url: `/api/v1/staff/claims/${claimId}/payment`,
      headers: officerAuth,
      payload: {},
    });
    expect(pay.json()).toMatchObject({ status: 'paid', isDuplicate: true });

    expect((await getMemberBalances(test.ctx.db, member.personId)).total.JHT.amountRupiah).toBe(0);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
    const mine = await inject({ method: 'GET', url: `/api/v1/me/claims/${claimId}`, headers: memberAuth });
    expect(mine.json().timeline.map((event: { status: string }) => event.status)).toEqual([
      'draft',
      'submitted',
      'approved',
      'paid',
    ]);
    // The officer's note and the bank's reference are internal.
    expect(mine.body).not.toContain('lengkap');
    expect(mine.body).not.toContain('BCA-778899');
    const jht = await inject({ method: 'GET', url: '/api/v1/me/jht', headers: memberAuth });
    expect(jht.json().sum).toMatchObject({ totalRupiah: 0, withdrawalsRupiah: 570_000 });
  });

  it('rejects with a reason code the member sees, without the officer’s internal note', async () => {
    const paidAgain = await inject({
      method: 'POST',
      url: `/api/v1/staff/claims/${claimId}/reject`,
      headers: officerAuth,
      payload: { reasonCode: 'not_eligible' },
    });
    expect([paidAgain.statusCode, paidAgain.json().code]).toEqual([409, 'claim_status_invalid']);

    const other = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'layoff' } });
    const otherAuth = {
      authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member', personId: other.personId })}`,
    };
    const rejectedId = await submittedClaim(test.ctx, other.personId, {
      kpj: other.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    const reject = await inject({
      method: 'POST',
      url: `/api/v1/staff/claims/${rejectedId}/reject`,
      headers: officerAuth,
      payload: { reasonCode: 'identity_mismatch', note: 'NIK di KTP beda satu digit, cek dukcapil' },
    });
    expect(reject.json()).toMatchObject({
      status: 'rejected',
      rejection: { code: 'identity_mismatch', note: 'NIK di KTP beda satu digit, cek dukcapil' },
    });

    const seen = await inject({ method: 'GET', url: `/api/v1/me/claims/${rejectedId}`, headers: otherAuth });
    expect(seen.json()).toMatchObject({
      status: 'rejected',
      rejection: {
        code: 'identity_mismatch',
        message: {
          id: 'Data identitas pada dokumen tidak sesuai dengan data kepesertaan.',
          en: 'The identity on the documents does not match the membership record.',
        },
        note: null,
      },
    });
    expect(seen.json().timeline.at(-1)).toMatchObject({
      status: 'rejected',
      by: 'staff',
      reasonCode: 'identity_mismatch',
      note: null,
    });
    expect(seen.body).not.toContain('dukcapil');
    const listed = await inject({ method: 'GET', url: '/api/v1/me/claims', headers: otherAuth });
    expect(listed.json().claims[0]).toMatchObject({ id: rejectedId, rejection: { note: null } });
  });
});
