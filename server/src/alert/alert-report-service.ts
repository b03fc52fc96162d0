// "Lapor": the member reports a missed or under-paid month. A help ticket opens for staff carrying the
// evidence — a ledger extract of the employment's recent months and, optionally, the member's payslip as
// a ticket attachment staff can open — and every open finding of that employment is attached to it. All
// of it is one transaction that first locks the employment's findings, so a double tap or a retried
// request opens one ticket: reporting again returns the same ticket.
import { createHash } from 'node:crypto';
import {
  addPeriods,
  calendarDateAt,
  err,
  formatDateIndonesian,
  ok,
  periodRange,
  sniffClaimDocumentType,
  type Result,
} from '@lumbung/core';
import { formatAlertMonth, formatAlertRupiah } from '@lumbung/core/alert/index';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import { attachToTicketIn } from '../ticket/ticket-attachment-service';
import { openTicketIn, type TicketErrorCode } from '../ticket/ticket-service';
import { contributionsPostedToMembers } from './member-postings';
import { payslipStorageKey, storePayslip } from './payslip-storage';

/** Months shown before the earliest reported one, so staff see the pattern around it. */
const CONTEXT_MONTHS = 3;
const MAX_EXTRACT_MONTHS = 24;
/** The fund's own document upload takes files up to 6 MB (Lapak Asik, FACTS.md §9); a payslip too. */
export const MAX_PAYSLIP_BYTES = 6 * 1024 * 1024;

export interface PayslipUpload {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export interface AttachedPayslip {
  readonly contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface ReportOutcome {
  readonly ticketId: number;
  readonly ticketNumber: string;
  readonly findingIds: number[];
  /** False when the finding had been reported already: the existing ticket is returned. */
  readonly isNew: boolean;
  /** The payslip stored with this report (null when none was sent, and on a repeated report). */
  readonly payslip: (AttachedPayslip & { readonly attachmentId: number }) | null;
}

type ReportError =
  | 'alert_finding_not_found'
  | 'alert_finding_resolved'
  | 'alert_payslip_too_large'
  | 'alert_payslip_type_invalid'
  | TicketErrorCode;

const pad = (text: string, width: number): string => text.padEnd(width);
const SAFE_NAME = /[^\p{L}\p{N}._ -]/gu;

async function ledgerExtract(
  db: Kysely<DB>,
  finding: { employer_id: number; account_id: number; person_id: number },
  fromPeriod: string,
  toPeriod: string,
): Promise<string[]> {
  const wages = await db
    .selectFrom('wage_reports')
    .select(['period', 'wage'])
    .where('employer_id', '=', finding.employer_id)
    .where('account_id', '=', finding.account_id)
    .where('period', '>=', fromPeriod)
    .where('period', '<=', toPeriod)
    .execute();
  const posted = await contributionsPostedToMembers(db, {
    personIds: [finding.person_id],
    employerId: finding.employer_id,
    fromPeriod,
    toPeriod,
  });
  const findings = await db
    .selectFrom('contribution_findings')
    .select(['period', 'shortfall_amount', 'status'])
    .where('employer_id', '=', finding.employer_id)
    .where('account_id', '=', finding.account_id)
    .where('period', '>=', fromPeriod)
    .where('period', '<=', toPeriod)
    .execute();
  const wageBy = new Map(wages.map((row) => [row.period, row.wage]));
  const postedBy = new Map<string, { amountRupiah: number; bookedAt: Date }>();
  for (const row of posted) {
    const seen = postedBy.get(row.period);
    postedBy.set(row.period, {
      amountRupiah: (seen?.amountRupiah ?? 0) + row.amountRupiah,
      bookedAt: seen && seen.bookedAt > row.bookedAt ? seen.bookedAt : row.bookedAt,
    });
  }
  const findingBy = new Map(findings.map((row) => [row.period, row]));
  const lines = [
    `${pad('Bulan', 16)}| ${pad('Upah dilaporkan', 16)}| ${pad('JHT+JP masuk', 14)}| ${pad('Kurang', 14)}| Dibukukan`,
  ];
  for (const period of periodRange(fromPeriod, toPeriod)) {
    const wage = wageBy.get(period);
    const received = postedBy.get(period);
    const open = findingBy.get(period);
    const short = open && open.status === 'open' ? open.shortfall_amount : 0;
    const bookedOn = received ? formatDateIndonesian(calendarDateAt(received.bookedAt.getTime())) : '-';
    lines.push(
      `${pad(formatAlertMonth(period, 'id'), 16)}| ${pad(wage === undefined ? 'tidak dilaporkan' : formatAlertRupiah(wage), 16)}| ` +
        `${pad(formatAlertRupiah(received?.amountRupiah ?? 0), 14)}| ${pad(formatAlertRupiah(short), 14)}| ${bookedOn}`,
    );
  }
  return lines;
}

/** Type (read from the bytes, not the name) and size of an uploaded payslip, and its SHA-256. */
function checkPayslip(
  upload: PayslipUpload,
): Result<AttachedPayslip & { fileName: string }, 'alert_payslip_too_large' | 'alert_payslip_type_invalid'> {
  if (upload.bytes.length > MAX_PAYSLIP_BYTES) {
    return err('alert_payslip_too_large', { maxMegabytes: MAX_PAYSLIP_BYTES / 1024 / 1024 });
  }
  const contentType = upload.bytes.length === 0 ? null : sniffClaimDocumentType(upload.bytes);
  if (contentType === null) return err('alert_payslip_type_invalid');
  return ok({
    contentType,
    sizeBytes: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    fileName: upload.fileName.replace(SAFE_NAME, '_').slice(0, 120) || 'slip-gaji',
  });
}

export async function reportFinding(
  ctx: ServiceContext,
  personId: number,
  findingId: number,
  options: { payslip?: PayslipUpload } = {},
): Promise<Result<ReportOutcome, ReportError>> {
  const checked = options.payslip ? checkPayslip(options.payslip) : null;
  if (checked && !checked.ok) return checked;
  const payslip = checked?.value ?? null;
  return ctx.db.transaction().execute(async (trx): Promise<Result<ReportOutcome, ReportError>> => {
    const target = await trx
      .selectFrom('contribution_findings')
      .select('employment_id')
      .where('finding_id', '=', findingId)
      .where('person_id', '=', personId)
      .where('kind', 'in', ['missing', 'underpaid'])
      .executeTakeFirst();
    if (!target) return err('alert_finding_not_found');
    // One statement locks the employment's open findings (and this one) in id order, so two reports of
    // the same employment — the same month tapped twice or two months at once — wait for each other.
    await trx
      .selectFrom('contribution_findings')
      .select('finding_id')
      .where('employment_id', '=', target.employment_id)
      .where((eb) => eb.or([eb('status', '=', 'open'), eb('finding_id', '=', findingId)]))
      .orderBy('finding_id')
      .forUpdate()
      .execute();
    const finding = await trx
      .selectFrom('contribution_findings as f')
      .innerJoin('employers as e', 'e.employer_id', 'f.employer_id')
      .innerJoin('member_accounts as a', 'a.account_id', 'f.account_id')
      .leftJoin('tickets as t', 't.ticket_id', 'f.ticket_id')
      .select([
        'f.finding_id',
        'f.employment_id',
        'f.employer_id',
        'f.account_id',
        'f.person_id',
        'f.status',
        'e.name',
        'e.npp',
        'a.kpj',
        't.ticket_id',
        't.number',
      ])
      .where('f.finding_id', '=', findingId)
      .executeTakeFirstOrThrow();
    if (finding.ticket_id !== null && finding.number !== null) {
      const linked = await trx
        .selectFrom('contribution_findings')
        .select('finding_id')
        .where('ticket_id', '=', finding.ticket_id)
        .orderBy('finding_id')
        .execute();
      return ok({
        ticketId: finding.ticket_id,
        ticketNumber: finding.number,
        findingIds: linked.map((row) => row.finding_id),
        isNew: false,
        payslip: null,
      });
    }
    if (finding.status !== 'open') return err('alert_finding_resolved');
    const open = await trx
      .selectFrom('contribution_findings')
      .select(['finding_id', 'period', 'shortfall_amount'])
      .where('employment_id', '=', finding.employment_id)
      .where('status', '=', 'open')
      .where('kind', 'in', ['missing', 'underpaid'])
      .where('ticket_id', 'is', null)
      .orderBy('period')
      .execute();
    const first = open[0]?.period ?? '';
    const last = open[open.length - 1]?.period ?? first;
    let from = addPeriods(first, -CONTEXT_MONTHS);
    if (periodRange(from, last).length > MAX_EXTRACT_MONTHS)
      from = addPeriods(last, -(MAX_EXTRACT_MONTHS - 1));
    const total = open.reduce((sum, row) => sum + row.shortfall_amount, 0);
    const extract = await ledgerExtract(trx, finding, from, last);
    const storageKey = payslip ? payslipStorageKey(personId, payslip.sha256) : null;
    const body = [
      `Laporan anggota dari notifikasi iuran (temuan ${open.map((row) => `#${row.finding_id}`).join(', ')}).`,
      `Pemberi kerja: ${finding.name} (NPP ${finding.npp})`,
      `KPJ: ${finding.kpj}`,
      `Iuran kurang: ${open.map((row) => formatAlertMonth(row.period, 'id')).join(', ')}; total ${formatAlertRupiah(total)}.`,
      '',
      'Ekstrak buku besar (iuran JHT dan JP yang dibukukan ke rekening peserta, per bulan):',
      ...extract,
      '',
      payslip
        ? `Slip gaji: terlampir sebagai lampiran tiket (${payslip.fileName}, ${payslip.contentType}, ${payslip.sizeBytes} byte).`
        : 'Slip gaji: tidak dilampirkan.',
    ].join('\n');
    const subject = `Iuran tidak dibayar penuh: ${finding.name}`.slice(0, 200);
    const ticket = await openTicketIn(trx, ctx.clock.now(), personId, {
      subject,
      body: body.slice(0, 5_000),
      category: 'contribution',
    });
    if (!ticket.ok) return ticket;
    const now = ctx.clock.now();
    let attachmentId: number | null = null;
    if (payslip && storageKey && options.payslip) {
      await storePayslip(trx, storageKey, options.payslip.bytes, now);
      attachmentId = await attachToTicketIn(trx, now, {
        ticketId: ticket.value.id,
        personId,
        kind: 'payslip',
        fileName: payslip.fileName,
        contentType: payslip.contentType,
        sizeBytes: payslip.sizeBytes,
        sha256: payslip.sha256,
        storageKey,
      });
    }
    const ids = open.map((row) => row.finding_id);
    await trx
      .updateTable('contribution_findings')
      .set({ ticket_id: ticket.value.id, reported_at: now })
      .where('finding_id', 'in', ids)
      .where('ticket_id', 'is', null)
      .execute();
    return ok({
      ticketId: ticket.value.id,
      ticketNumber: ticket.value.number,
      findingIds: ids,
      isNew: true,
      payslip:
        payslip && attachmentId !== null
          ? {
              attachmentId,
              contentType: payslip.contentType,
              sizeBytes: payslip.sizeBytes,
              sha256: payslip.sha256,
            }
          : null,
    });
  });
}
