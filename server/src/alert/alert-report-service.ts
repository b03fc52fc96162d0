// "Lapor": the member reports a missed or under-paid month. A help ticket opens for staff carrying the
// evidence, a ledger extract of the employment's recent months; every open finding of that employment
// is attached to it. Reporting again returns the same ticket. (A payslip upload is not offered yet.)
import {
  addPeriods,
  err,
  formatDateIndonesian,
  calendarDateAt,
  ok,
  periodRange,
  type Result,
} from '@lumbung/core';
import { formatAlertMonth, formatAlertRupiah } from '@lumbung/core/alert/index';
import { openTicket, type TicketErrorCode } from '../ticket/ticket-service';
import type { ServiceContext } from '../services/service-context';

/** Months shown before the earliest reported one, so staff see the pattern around it. */
const CONTEXT_MONTHS = 3;
const MAX_EXTRACT_MONTHS = 24;

export interface ReportOutcome {
  readonly ticketId: number;
  readonly ticketNumber: string;
  readonly findingIds: number[];
  /** False when the finding had been reported already: the existing ticket is returned. */
  readonly isNew: boolean;
}

type ReportError = 'alert_finding_not_found' | 'alert_finding_resolved' | TicketErrorCode;

const pad = (text: string, width: number): string => text.padEnd(width);

async function ledgerExtract(
  ctx: ServiceContext,
  finding: { employer_id: number; account_id: number },
  fromPeriod: string,
  toPeriod: string,
): Promise<string[]> {
  const wages = await ctx.db
    .selectFrom('wage_reports')
    .select(['period', 'wage'])
    .where('employer_id', '=', finding.employer_id)
    .where('account_id', '=', finding.account_id)
    .where('period', '>=', fromPeriod)
    .where('period', '<=', toPeriod)
    .execute();
  const posted = await ctx.db
    .selectFrom('bill_lines')
    .select(['period', 'total_amount', 'posted_at'])
    .where('employer_id', '=', finding.employer_id)
    .where('account_id', '=', finding.account_id)
    .where('is_posted', '=', true)
    .where('period', '>=', fromPeriod)
    .where('period', '<=', toPeriod)
    .execute();
  const findings = await ctx.db
    .selectFrom('contribution_findings')
    .select(['period', 'expected_amount', 'posted_amount', 'shortfall_amount', 'status'])
    .where('employer_id', '=', finding.employer_id)
    .where('account_id', '=', finding.account_id)
    .where('period', '>=', fromPeriod)
    .where('period', '<=', toPeriod)
    .execute();
  const wageBy = new Map(wages.map((row) => [row.period, row.wage]));
  const postedBy = new Map(posted.map((row) => [row.period, row]));
  const findingBy = new Map(findings.map((row) => [row.period, row]));
  const lines = [
    `${pad('Bulan', 16)}| ${pad('Upah dilaporkan', 16)}| ${pad('Diterima', 14)}| ${pad('Kurang', 14)}| Dibukukan`,
  ];
  for (const period of periodRange(fromPeriod, toPeriod)) {
    const wage = wageBy.get(period);
    const line = postedBy.get(period);
    const open = findingBy.get(period);
    const received = line ? line.total_amount : (open?.posted_amount ?? 0);
    const short = open && open.status === 'open' ? open.shortfall_amount : 0;
    const bookedOn = line?.posted_at
      ? formatDateIndonesian(calendarDateAt(new Date(line.posted_at).getTime()))
      : '-';
    lines.push(
      `${pad(formatAlertMonth(period, 'id'), 16)}| ${pad(wage === undefined ? 'tidak dilaporkan' : formatAlertRupiah(wage), 16)}| ` +
        `${pad(formatAlertRupiah(received), 14)}| ${pad(formatAlertRupiah(short), 14)}| ${bookedOn}`,
    );
  }
  return lines;
}

export async function reportFinding(
  ctx: ServiceContext,
  personId: number,
  findingId: number,
): Promise<Result<ReportOutcome, ReportError>> {
  const finding = await ctx.db
    .selectFrom('contribution_findings as f')
    .innerJoin('employers as e', 'e.employer_id', 'f.employer_id')
    .innerJoin('member_accounts as a', 'a.account_id', 'f.account_id')
    .leftJoin('tickets as t', 't.ticket_id', 'f.ticket_id')
    .select([
      'f.finding_id',
      'f.employment_id',
      'f.employer_id',
      'f.account_id',
      'f.status',
      'f.kind',
      'e.name',
      'e.npp',
      'a.kpj',
      't.ticket_id',
      't.number',
    ])
    .where('f.finding_id', '=', findingId)
    .where('f.person_id', '=', personId)
    .where('f.kind', 'in', ['missing', 'underpaid'])
    .executeTakeFirst();
  if (!finding) return err('alert_finding_not_found');
  if (finding.ticket_id !== null && finding.number !== null) {
    return ok({
      ticketId: finding.ticket_id,
      ticketNumber: finding.number,
      findingIds: [finding.finding_id],
      isNew: false,
    });
  }
  if (finding.status !== 'open') return err('alert_finding_resolved');
  const open = await ctx.db
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
  if (periodRange(from, last).length > MAX_EXTRACT_MONTHS) from = addPeriods(last, -(MAX_EXTRACT_MONTHS - 1));
  const total = open.reduce((sum, row) => sum + row.shortfall_amount, 0);
  const extract = await ledgerExtract(ctx, finding, from, last);
  const body = [
    `Laporan anggota dari notifikasi iuran (temuan ${open.map((row) => `#${row.finding_id}`).join(', ')}).`,
    `Pemberi kerja: ${finding.name} (NPP ${finding.npp})`,
    `KPJ: ${finding.kpj}`,
    `Iuran kurang: ${open.map((row) => formatAlertMonth(row.period, 'id')).join(', ')}; total ${formatAlertRupiah(total)}.`,
    '',
    'Ekstrak buku besar (iuran per bulan, jumlah seluruh program):',
    ...extract,
    '',
    'Slip gaji: belum dilampirkan (unggah slip gaji belum tersedia).',
  ].join('\n');
  const subject = `Iuran tidak dibayar penuh: ${finding.name}`.slice(0, 200);
  const ticket = await openTicket(ctx, personId, {
    subject,
    body: body.slice(0, 5_000),
    category: 'contribution',
  });
  if (!ticket.ok) return ticket;
  const now = ctx.clock.now();
  const ids = open.map((row) => row.finding_id);
  await ctx.db
    .transaction()
    .execute((trx) =>
      trx
        .updateTable('contribution_findings')
        .set({ ticket_id: ticket.value.id, reported_at: now })
        .where('finding_id', 'in', ids)
        .where('ticket_id', 'is', null)
        .execute(),
    );
  return ok({ ticketId: ticket.value.id, ticketNumber: ticket.value.number, findingIds: ids, isNew: true });
}
