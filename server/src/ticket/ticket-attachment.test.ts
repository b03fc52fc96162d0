// The payslip sent with "Lapor" as a ticket attachment, on both backends: written with the ticket in one
// transaction (a failing attachment insert leaves no ticket, no bytes, no reported finding), listed with
// the thread for the member and for staff, downloaded by staff (inline, audited with the ticket as the
// reason) and by the member who sent it, refused when the stored bytes no longer match their SHA-256,
// and not found for another member.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFinding } from '../alert/alert-report-service';
import { runContributionAlerts } from '../alert/alert-run';
import { buildSkippingEmployer, type SkippingEmployer } from '../alert/alert-test-fixture';
import { payslipStorageKey } from '../alert/payslip-storage';
import type { App } from '../http/app';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';

let test: TestContext & { app: App };
let employer: SkippingEmployer;
let siti: string;
let budi: string;
let agent: string;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('slip gaji Siti Aminah, April 2026: upah pokok Rp 6.000.000'),
]);
const PNG_SHA256 = createHash('sha256').update(PNG).digest('hex');

beforeAll(async () => {
  test = await createTestApp();
  employer = await buildSkippingEmployer(test, 61);
  test.clock.set('2026-07-16T03:00:00Z');
  const run = await runContributionAlerts(test.ctx, { asOf: '2026-07-16', send: false });
  if (!run.ok) throw new Error(run.code);
  siti = await bearerFor(test.ctx, { role: 'member', personId: employer.workers[0]!.personId });
  budi = await bearerFor(test.ctx, { role: 'member', personId: employer.workers[1]!.personId });
  agent = await bearerFor(test.ctx, { role: 'agent', displayName: 'Agen Lampiran' });
}, 120_000);
afterAll(async () => test.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function firstFindingOf(personId: number): Promise<number> {
  const row = await test.ctx.db
    .selectFrom('contribution_findings')
    .select('finding_id')
    .where('person_id', '=', personId)
    .orderBy('period')
    .executeTakeFirstOrThrow();
  return row.finding_id;
}

const countOf = async (
  table: 'tickets' | 'ticket_attachments' | 'claim_document_blobs',
  personId: number,
) => {
  if (table === 'claim_document_blobs') {
    const rows = await test.ctx.db
      .selectFrom('claim_document_blobs')
      .select('storage_key')
      .where('storage_key', 'like', `alert-payslips/${personId}/%`)
      .execute();
    return rows.length;
  }
  const rows = await test.ctx.db
    .selectFrom(table)
    .select('person_id')
    .where('person_id', '=', personId)
    .execute();
  return rows.length;
};

let ticketId = 0;
let attachmentId = 0;

describe('a payslip sent with Lapor', () => {
  it('is written in the report transaction: when the attachment cannot be written, nothing is', async () => {
    const sitiId = employer.workers[0]!.personId;
    const findingId = await firstFindingOf(sitiId);
    // The last write before the findings are marked fails: ticket, message and bytes must roll back too.
    await sql`create function refuse_attachment() returns trigger language plpgsql as $$
      begin raise exception 'attachment refused by the test'; end; $$`.execute(test.ctx.db);
    await sql`create trigger refuse_attachment before insert on ticket_attachments
      for each row execute function refuse_attachment()`.execute(test.ctx.db);
    try {
      await expect(
        reportFinding(test.ctx, sitiId, findingId, { payslip: { fileName: 'slip.png', bytes: PNG } }),
      ).rejects.toThrow(/attachment refused by the test/);
    } finally {
      await sql`drop trigger refuse_attachment on ticket_attachments`.execute(test.ctx.db);
      await sql`drop function refuse_attachment()`.execute(test.ctx.db);
    }
    expect(await countOf('tickets', sitiId)).toBe(0);
    expect(await countOf('ticket_attachments', sitiId)).toBe(0);
    expect(await countOf('claim_document_blobs', sitiId)).toBe(0);
    const finding = await test.ctx.db
      .selectFrom('contribution_findings')
      .select(['ticket_id', 'reported_at'])
      .where('finding_id', '=', findingId)
      .executeTakeFirstOrThrow();
    expect(finding).toEqual({ ticket_id: null, reported_at: null });
  });

  it('is listed with the thread for the member and for staff', async () => {
    const sitiId = employer.workers[0]!.personId;
    const reported = await reportFinding(test.ctx, sitiId, await firstFindingOf(sitiId), {
      payslip: { fileName: 'slip-april.png', bytes: PNG },
    });
    if (!reported.ok) throw new Error(reported.code);
    ticketId = reported.value.ticketId;
    attachmentId = reported.value.payslip!.attachmentId;
    expect(await countOf('tickets', sitiId)).toBe(1);
    const listed = {
      id: attachmentId,
      kind: 'payslip',
      fileName: 'slip-april.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: PNG_SHA256,
      createdAt: '2026-07-16T03:00:00.000Z',
    };
    const mine = await test.app.inject({ url: `/api/v1/me/tickets/${ticketId}`, headers: auth(siti) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().attachments).toEqual([listed]);
    const staff = await test.app.inject({ url: `/api/v1/staff/tickets/${ticketId}`, headers: auth(agent) });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().attachments).toEqual([listed]);
  });

  it('is served to staff inline, byte for byte, with safe headers, and the read is audited', async () => {
    const response = await test.app.inject({
      url: `/api/v1/staff/tickets/${ticketId}/attachments/${attachmentId}`,
      headers: auth(agent),
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PNG)).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="slip-april.png"; filename*=UTF-8''slip-april.png`,
    );
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['x-content-sha256']).toBe(PNG_SHA256);
    const audited = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'subject_person_id', 'reason', 'details'])
      .where('action', '=', 'staff.ticket_attachment_view')
      .execute();
    const number = (
      await test.ctx.db
        .selectFrom('tickets')
        .select('number')
        .where('ticket_id', '=', ticketId)
        .executeTakeFirstOrThrow()
    ).number;
    expect(audited).toEqual([
      {
        action: 'staff.ticket_attachment_view',
        subject_person_id: employer.workers[0]!.personId,
        reason: `ticket ${number}`,
        details: expect.objectContaining({ ticketId, attachmentId, sha256: PNG_SHA256 }),
      },
    ]);
  });

  it('is downloaded by the member who sent it, and is not found for another member', async () => {
    const url = `/api/v1/me/tickets/${ticketId}/attachments/${attachmentId}`;
    const own = await test.app.inject({ url, headers: auth(siti) });
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PNG)).toBe(true);
    expect(own.headers['content-disposition']).toMatch(/^attachment; filename="slip-april.png"/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    const other = await test.app.inject({ url, headers: auth(budi) });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('ticket_attachment_not_found');
    // The right attachment id under the wrong ticket id is not found either, for staff too.
    const wrongTicket = await test.app.inject({
      url: `/api/v1/staff/tickets/${ticketId + 1000}/attachments/${attachmentId}`,
      headers: auth(agent),
    });
    expect(wrongTicket.statusCode).toBe(404);
    expect((await test.app.inject({ url })).statusCode).toBe(401);
  });

  it('is refused, to staff and member alike, when the stored bytes no longer match the SHA-256', async () => {
    const key = payslipStorageKey(employer.workers[0]!.personId, PNG_SHA256);
    const tampered = Buffer.from(PNG);
    tampered[PNG.length - 1] = 0x21;
    await test.ctx.db
      .updateTable('claim_document_blobs')
      .set({ bytes: tampered } as never)
      .where('storage_key', '=', key)
      .execute();
    const before = await test.ctx.db
      .selectFrom('audit_log')
      .select('audit_id')
      .where('action', '=', 'staff.ticket_attachment_view')
      .execute();
    const staff = await test.app.inject({
      url: `/api/v1/staff/tickets/${ticketId}/attachments/${attachmentId}`,
      headers: auth(agent),
    });
    expect(staff.statusCode).toBe(500);
    expect(staff.json().code).toBe('ticket_attachment_damaged');
    expect(staff.body).not.toContain('slip gaji');
    const member = await test.app.inject({
      url: `/api/v1/me/tickets/${ticketId}/attachments/${attachmentId}`,
      headers: auth(siti),
    });
    expect(member.statusCode).toBe(500);
    expect(member.json().code).toBe('ticket_attachment_damaged');
    const after = await test.ctx.db
      .selectFrom('audit_log')
      .select('audit_id')
      .where('action', '=', 'staff.ticket_attachment_view')
      .execute();
    expect(after).toHaveLength(before.length);
  });
});
