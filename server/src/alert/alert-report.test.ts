// "Lapor" as one transaction: the employment's findings are locked first, so a double tap, a retry or
// two months tapped at once open one ticket; a payslip sent with the report is checked (type read from
// the bytes, size), hashed and stored through the claims document storage port with the ticket.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createTestContext, type TestContext } from '../test/test-context';
import { reportFinding, MAX_PAYSLIP_BYTES } from './alert-report-service';
import { runContributionAlerts } from './alert-run';
import { buildSkippingEmployer, type SkippingEmployer } from './alert-test-fixture';
import { payslipStorageKey, readPayslip } from './payslip-storage';

let test: TestContext;
let employer: SkippingEmployer;

/** A tiny but real PDF header: the type is read from these bytes, not from the file name. */
const PDF = Buffer.from('%PDF-1.4\n% slip gaji Juni 2026: upah pokok Rp 6.000.000\n%%EOF\n', 'latin1');

beforeAll(async () => {
  test = await createTestContext();
  employer = await buildSkippingEmployer(test, 51);
  test.clock.set('2026-07-16T03:00:00Z');
  const run = await runContributionAlerts(test.ctx, { asOf: '2026-07-16', send: false });
  if (!run.ok) throw new Error(run.code);
}, 60_000);
afterAll(async () => test.close());

async function findingIdsOf(personId: number): Promise<number[]> {
  const rows = await test.ctx.db
    .selectFrom('contribution_findings')
    .select('finding_id')
    .where('person_id', '=', personId)
    .orderBy('period')
    .execute();
  return rows.map((row) => row.finding_id);
}

async function ticketsOf(personId: number) {
  return test.ctx.db
    .selectFrom('tickets')
    .select(['ticket_id', 'category'])
    .where('person_id', '=', personId)
    .execute();
}

describe('reporting a finding', () => {
  it('refuses a payslip that is not a PDF, JPG or PNG, or is too large, and opens nothing', async () => {
    const siti = employer.workers[0]!;
    const [april] = await findingIdsOf(siti.personId);
    expect(
      await reportFinding(test.ctx, siti.personId, april!, {
        payslip: { fileName: 'slip.pdf', bytes: Buffer.from('<html>not a payslip</html>') },
      }),
    ).toMatchObject({ ok: false, code: 'alert_payslip_type_invalid' });
    expect(
      await reportFinding(test.ctx, siti.personId, april!, {
        payslip: { fileName: 'slip.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX_PAYSLIP_BYTES)]) },
      }),
    ).toMatchObject({ ok: false, code: 'alert_payslip_too_large', params: { maxMegabytes: 6 } });
    expect(await ticketsOf(siti.personId)).toEqual([]);
  });

  it('stores the payslip with its SHA-256 beside the ticket, and a repeat returns the same ticket', async () => {
    const siti = employer.workers[0]!;
    const [april, may] = await findingIdsOf(siti.personId);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const first = await reportFinding(test.ctx, siti.personId, april!, {
      payslip: { fileName: 'slip gaji/juni.pdf', bytes: PDF },
    });
    expect(first).toMatchObject({
      ok: true,
      value: {
        isNew: true,
        findingIds: [april, may],
        payslip: { contentType: 'application/pdf', sizeBytes: PDF.length, sha256 },
      },
    });
    if (!first.ok) return;
    const stored = await readPayslip(test.ctx.db, payslipStorageKey(siti.personId, sha256));
    expect(stored?.equals(PDF)).toBe(true);
    const message = await test.ctx.db
      .selectFrom('ticket_messages')
      .select('body')
      .where('ticket_id', '=', first.value.ticketId)
      .executeTakeFirstOrThrow();
    // The hash and the storage key are the attachment row's (below), not the message's.
    expect(message.body).toContain(
      `Slip gaji: terlampir sebagai lampiran tiket (slip gaji_juni.pdf, application/pdf, ${PDF.length} byte).`,
    );
    const attachments = await test.ctx.db
      .selectFrom('ticket_attachments')
      .select([
        'attachment_id',
        'person_id',
        'kind',
        'file_name',
        'content_type',
        'size_bytes',
        'sha256',
        'storage_key',
      ])
      .where('ticket_id', '=', first.value.ticketId)
      .execute();
    expect(attachments).toEqual([
      {
        attachment_id: first.value.payslip?.attachmentId,
        person_id: siti.personId,
        kind: 'payslip',
        file_name: 'slip gaji_juni.pdf',
        content_type: 'application/pdf',
        size_bytes: PDF.length,
        sha256,
        storage_key: payslipStorageKey(siti.personId, sha256),
      },
    ]);
    const again = await reportFinding(test.ctx, siti.personId, may!);
    expect(again).toEqual({
      ok: true,
      value: {
        ticketId: first.value.ticketId,
        ticketNumber: first.value.ticketNumber,
        findingIds: [april, may],
        isNew: false,
        payslip: null,
      },
    });
    expect(await ticketsOf(siti.personId)).toHaveLength(1);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'reported from four connections at once (the same month twice, both months), opens one ticket',
    async () => {
      const budi = employer.workers[1]!;
      const [april, may] = await findingIdsOf(budi.personId);
      const connections = await Promise.all(
        Array.from({ length: 4 }, () =>
          openDatabase({ kind: 'postgresql', url: test.database.url!, poolSize: 1 }),
        ),
      );
      const results = await Promise.all(
        [april!, april!, may!, may!].map((findingId, index) =>
          reportFinding({ ...test.ctx, db: connections[index]!.db }, budi.personId, findingId),
        ),
      );
      await Promise.all(connections.map((connection) => connection.close()));
      const tickets = await ticketsOf(budi.personId);
      expect(tickets).toHaveLength(1);
      expect(results.map((result) => (result.ok ? result.value.ticketId : -1))).toEqual(
        Array.from({ length: 4 }, () => tickets[0]!.ticket_id),
      );
      expect(results.filter((result) => result.ok && result.value.isNew)).toHaveLength(1);
      const linked = await test.ctx.db
        .selectFrom('contribution_findings')
        .select('ticket_id')
        .where('person_id', '=', budi.personId)
        .execute();
      expect(linked.map((row) => row.ticket_id)).toEqual([tickets[0]!.ticket_id, tickets[0]!.ticket_id]);
    },
  );
});
