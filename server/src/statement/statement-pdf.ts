// Lays out the JHT e-statement as a PDF from plain data: the caller gathers the numbers (ledger) and
// this file only draws them, so a test can compare what went in with what the document says.
import { assert } from '@lumbung/core';
import PDFDocument from 'pdfkit';
import {
  collectPdf,
  drawQrCode,
  fitText,
  FONT,
  formatAmount,
  formatStatementCode,
  formatWib,
  periodLabel,
  useBundledFonts,
} from './pdf-support';

export interface StatementLine {
  readonly period: string;
  readonly kpj: string;
  readonly employerName: string | null;
  readonly wageRupiah: number | null;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly developmentReturnRupiah: number;
  readonly withdrawalRupiah: number;
}

export interface StatementTotals {
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly developmentReturnRupiah: number;
  readonly withdrawalRupiah: number;
}

export interface StatementPdfData {
  readonly fullName: string;
  readonly accounts: ReadonlyArray<{
    readonly kpj: string;
    readonly employerName: string | null;
    readonly npp: string | null;
  }>;
  readonly fromPeriod: string;
  readonly toPeriod: string;
  readonly openingBalanceRupiah: number;
  readonly lines: readonly StatementLine[];
  readonly totals: StatementTotals;
  readonly closingBalanceRupiah: number;
  readonly generatedAt: Date;
  /** Short code as stored (no separators). */
  readonly code: string;
  readonly verifyUrl: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BRAND = '#0b6e4f';
const MUTED = '#555555';
const ROW_HEIGHT = 15;
/** Each further line of a wrapped employer name adds this much to its row. */
const WRAPPED_LINE_HEIGHT = 9;
const EMPLOYER_COLUMN = 2;
const EMPLOYER_MAX_LINES = 2;
const ROW_FONT_SIZE = 7.8;
const FOOTER_TOP = PAGE.height - PAGE.margin - 24;

// The employer column gets what the figures do not need, so a usual company name fits on one line; a
// longer one wraps onto a second line (rowLayout).
const COLUMNS = [
  { id: 'Periode', en: 'Period', width: 38, align: 'left' },
  { id: 'KPJ', en: 'KPJ', width: 57, align: 'left' },
  { id: 'Pemberi kerja', en: 'Employer', width: 141.28, align: 'left' },
  { id: 'Upah', en: 'Wage', width: 52, align: 'right' },
  { id: 'Iuran pekerja', en: 'Worker', width: 56, align: 'right' },
  { id: 'Iuran pemberi kerja', en: 'Employer', width: 58, align: 'right' },
  { id: 'Pengembangan', en: 'Return', width: 63, align: 'right' },
  { id: 'Penarikan', en: 'Withdrawal', width: 50, align: 'right' },
] as const;

export function assertStatementAddsUp(data: StatementPdfData): void {
  const { totals } = data;
  const expected =
    data.openingBalanceRupiah +
    totals.workerRupiah +
    totals.employerRupiah +
    totals.developmentReturnRupiah -
    totals.withdrawalRupiah;
  assert(
    expected === data.closingBalanceRupiah,
    `statement does not add up: ${expected} ≠ ${data.closingBalanceRupiah}`,
  );
}

function drawHeader(doc: PDFKit.PDFDocument, data: StatementPdfData): number {
  const qrSize = 92;
  const qrX = PAGE.width - PAGE.margin - qrSize;
  doc
    .font(FONT.bold)
    .fontSize(10)
    .fillColor(BRAND)
    .text('LUMBUNG · Jaminan Sosial Ketenagakerjaan', PAGE.margin, PAGE.margin);
  doc
    .font(FONT.bold)
    .fontSize(17)
    .fillColor('#000000')
    .text('E-Statement Saldo JHT', PAGE.margin, PAGE.margin + 16);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(MUTED)
    .text('Old-age savings (JHT) balance statement', PAGE.margin, PAGE.margin + 38);
  drawQrCode(doc, data.verifyUrl, qrX, PAGE.margin - 4, qrSize);
  doc
    .font(FONT.bold)
    .fontSize(9)
    .fillColor('#000000')
    .text(formatStatementCode(data.code), qrX - 20, PAGE.margin + qrSize - 2, {
      width: qrSize + 20,
      align: 'center',
    });

  const labelX = PAGE.margin;
  const valueX = PAGE.margin + 128;
  const valueWidth = qrX - valueX - 12;
  let y = PAGE.margin + 62;
  const field = (label: string, value: string): void => {
    doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text(label, labelX, y, { width: 124 });
    doc.font(FONT.bold).fontSize(9.5).fillColor('#000000');
    const height = doc.heightOfString(value, { width: valueWidth });
    doc.text(value, valueX, y, { width: valueWidth });
    y += Math.max(14, height + 2);
  };
  field('Nama / Name', data.fullName);
  // The KPJ is a value, not a label: each account is one value "KPJ … — employer (NPP …)", wrapped
  // within the value column, under one label.
  data.accounts.forEach((account, index) => {
    const employer = account.employerName
      ? `${account.employerName}${account.npp ? ` (NPP ${account.npp})` : ''}`
      : 'Bukan penerima upah / non-wage earner';
    field(index === 0 ? 'Kepesertaan / Accounts' : '', `KPJ ${account.kpj} — ${employer}`);
  });
  field('Periode / Period', `${periodLabel(data.fromPeriod)} s.d. ${periodLabel(data.toPeriod)}`);
  field('Dibuat / Generated', formatWib(data.generatedAt));
  return Math.max(y, PAGE.margin + qrSize + 16) + 6;
}

function drawSummary(doc: PDFKit.PDFDocument, data: StatementPdfData, top: number): number {
  const rows: Array<[string, string, number, boolean]> = [
    ['Saldo awal', 'Opening balance', data.openingBalanceRupiah, false],
    ['+ Iuran pekerja', 'Worker contributions', data.totals.workerRupiah, false],
    ['+ Iuran pemberi kerja', 'Employer contributions', data.totals.employerRupiah, false],
    ['+ Hasil pengembangan', 'Development returns', data.totals.developmentReturnRupiah, false],
    ['- Penarikan', 'Withdrawals', data.totals.withdrawalRupiah, false],
    ['Saldo akhir', 'Closing balance', data.closingBalanceRupiah, true],
  ];
  const height = rows.length * 17 + 12;
  doc.save().roundedRect(PAGE.margin, top, CONTENT_WIDTH, height, 4).fill('#eef6f2').restore();
  let y = top + 7;
  for (const [id, en, amount, isTotal] of rows) {
    if (isTotal) {
      doc
        .moveTo(PAGE.margin + 10, y - 2)
        .lineTo(PAGE.margin + CONTENT_WIDTH - 10, y - 2)
        .lineWidth(0.6)
        .stroke(BRAND);
    }
    doc
      .font(isTotal ? FONT.bold : FONT.regular)
      .fontSize(10)
      .fillColor('#000000')
      .text(id, PAGE.margin + 12, y);
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(en, PAGE.margin + 170, y + 1);
    doc
      .font(isTotal ? FONT.bold : FONT.regular)
      .fontSize(10)
      .fillColor('#000000')
      .text(`Rp ${formatAmount(amount)}`, PAGE.margin + 300, y, {
        width: CONTENT_WIDTH - 312,
        align: 'right',
      });
    y += 17;
  }
  return top + height + 14;
}

function drawTableHeader(doc: PDFKit.PDFDocument, top: number): number {
  const height = 34;
  doc.save().rect(PAGE.margin, top, CONTENT_WIDTH, height).fill(BRAND).restore();
  let x = PAGE.margin;
  for (const column of COLUMNS) {
    const options = { width: column.width - 6, align: column.align } as const;
    doc
      .font(FONT.bold)
      .fontSize(7.2)
      .fillColor('#ffffff')
      .text(column.id, x + 3, top + 2, options);
    doc
      .font(FONT.regular)
      .fontSize(6.8)
      .fillColor('#dff0e8')
      .text(column.en, x + 3, top + 22, options);
    x += column.width;
  }
  return top + height + 2;
}

function lineCells(line: StatementLine): string[] {
  const amount = (value: number): string => (value === 0 ? '–' : formatAmount(value));
  return [
    periodLabel(line.period),
    line.kpj,
    line.employerName ?? '–',
    line.wageRupiah === null ? '–' : formatAmount(line.wageRupiah),
    amount(line.workerRupiah),
    amount(line.employerRupiah),
    amount(line.developmentReturnRupiah),
    amount(line.withdrawalRupiah),
  ];
}

/**
 * Breaks `text` at spaces into at most `maxLines` lines that each fit `width` in the current font; the
 * last line is shortened with an ellipsis only when the text needs more lines than that.
 */
export function wrapText(doc: PDFKit.PDFDocument, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  const words = text.split(/\s+/).filter((word) => word !== '');
  for (const [index, word] of words.entries()) {
    const candidate = current ? `${current} ${word}` : word;
    if (doc.widthOfString(candidate) <= width || current === '') {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines - 1) {
      current = words.slice(index).join(' ');
      break;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => fitText(doc, line, width));
}

/** A row's cells as lines: the employer wraps, every other cell is one line. */
function rowLayout(doc: PDFKit.PDFDocument, cells: readonly string[], bold: boolean) {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(ROW_FONT_SIZE);
  const lines = COLUMNS.map((column, index) =>
    index === EMPLOYER_COLUMN
      ? wrapText(doc, cells[index] ?? '', column.width - 6, EMPLOYER_MAX_LINES)
      : [fitText(doc, cells[index] ?? '', column.width - 6)],
  );
  const lineCount = Math.max(...lines.map((cell) => cell.length));
  return { lines, height: ROW_HEIGHT + (lineCount - 1) * WRAPPED_LINE_HEIGHT };
}

/** Draws the row and returns its height. */
function drawRow(
  doc: PDFKit.PDFDocument,
  layout: ReturnType<typeof rowLayout>,
  top: number,
  shaded: boolean,
  bold: boolean,
): number {
  if (shaded) doc.save().rect(PAGE.margin, top, CONTENT_WIDTH, layout.height).fill('#f5f5f5').restore();
  let x = PAGE.margin;
  COLUMNS.forEach((column, index) => {
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(ROW_FONT_SIZE)
      .fillColor('#000000');
    (layout.lines[index] ?? []).forEach((line, lineIndex) => {
      doc.text(line, x + 3, top + 3 + lineIndex * WRAPPED_LINE_HEIGHT, {
        width: column.width - 6,
        align: column.align,
        lineBreak: false,
      });
    });
    x += column.width;
  });
  return layout.height;
}

function drawFooters(doc: PDFKit.PDFDocument, data: StatementPdfData): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit open a new page; lift the margin meanwhile.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(PAGE.margin, FOOTER_TOP - 4)
      .lineTo(PAGE.width - PAGE.margin, FOOTER_TOP - 4)
      .lineWidth(0.4)
      .stroke('#bbbbbb');
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        `Keaslian dokumen dapat diperiksa di / Verify this document at ${data.verifyUrl} — kode / code ${formatStatementCode(data.code)}`,
        PAGE.margin,
        FOOTER_TOP,
        { width: CONTENT_WIDTH - 70, lineBreak: true },
      );
    doc.text(`Hal. ${index + 1}/${range.count}`, PAGE.width - PAGE.margin - 60, FOOTER_TOP, {
      width: 60,
      align: 'right',
    });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** Renders the statement. The same data and code give a document with the same content. */
export async function renderStatementPdf(data: StatementPdfData): Promise<Buffer> {
  assertStatementAddsUp(data);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `E-Statement JHT ${data.fromPeriod} – ${data.toPeriod}`,
      Author: 'Lumbung',
      Subject: `Statement ${formatStatementCode(data.code)}`,
      CreationDate: data.generatedAt,
    },
  });
  useBundledFonts(doc);
  let y = drawHeader(doc, data);
  y = drawSummary(doc, data, y);
  doc
    .font(FONT.bold)
    .fontSize(10.5)
    .fillColor('#000000')
    .text('Rincian per bulan / Monthly detail', PAGE.margin, y);
  y = drawTableHeader(doc, y + 16);
  if (data.lines.length === 0) {
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text('Tidak ada mutasi pada periode ini / No entries in this period.', PAGE.margin + 3, y + 4);
    y += ROW_HEIGHT + 4;
  }
  data.lines.forEach((line, index) => {
    const layout = rowLayout(doc, lineCells(line), false);
    if (y + layout.height > FOOTER_TOP - 30) {
      doc.addPage();
      y = drawTableHeader(doc, PAGE.margin);
    }
    y += drawRow(doc, layout, y, index % 2 === 1, false);
  });
  if (y + ROW_HEIGHT > FOOTER_TOP - 30) {
    doc.addPage();
    y = drawTableHeader(doc, PAGE.margin);
  }
  doc
    .moveTo(PAGE.margin, y + 1)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y + 1)
    .lineWidth(0.6)
    .stroke('#000000');
  const totalCells = [
    'Jumlah',
    '',
    'Total',
    '',
    ...[
      data.totals.workerRupiah,
      data.totals.employerRupiah,
      data.totals.developmentReturnRupiah,
      data.totals.withdrawalRupiah,
    ].map(formatAmount),
  ];
  drawRow(doc, rowLayout(doc, totalCells, true), y + 3, false, true);
  drawFooters(doc, data);
  return collectPdf(doc);
}
