// The digital card as a one-page PDF the size of an ID-1 card (85.6 × 54 mm), ready to print or save.
import PDFDocument from 'pdfkit';
import {
  collectPdf,
  drawQrCode,
  fitText,
  FONT,
  formatDate,
  formatStatementCode,
  useBundledFonts,
} from '../statement/pdf-support';
import { SEGMENT_LABEL, segmentName, type Card } from './card-service';

const MM = 72 / 25.4;
export const CARD_SIZE = { width: 85.6 * MM, height: 53.98 * MM } as const;

/** Where the segment column starts, after "Peserta sejak / Since". */
export const SEGMENT_X = 80;

/**
 * The segment's value on the card: one line at 8 pt when it fits beside the QR code, else two lines
 * at 7 pt ("Bukan penerima upah" / "(BPU)"). `measure` is the renderer's text width in points.
 */
export function segmentLines(
  measure: (text: string, sizePt: number) => number,
  text: string,
  widthPt: number,
): { sizePt: number; lineHeightPt: number; lines: string[] } {
  if (measure(text, 8) <= widthPt) return { sizePt: 8, lineHeightPt: 9, lines: [text] };
  const words = text.split(' ');
  let first = words.shift() ?? '';
  while (words.length > 1 && measure(`${first} ${words[0]}`, 7) <= widthPt)
    first = `${first} ${words.shift()}`;
  return { sizePt: 7, lineHeightPt: 8, lines: [first, words.join(' ')].filter((line) => line !== '') };
}
const BRAND = '#0b6e4f';

/** The name on one line (shrinking down to 8.5 pt), or on two lines at 7.5 pt, shortened if need be. */
function drawName(doc: PDFKit.PDFDocument, fullName: string, x: number, y: number, width: number): void {
  doc.font(FONT.bold).fillColor('#000000');
  for (let size = 10.5; size >= 8.5; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(fullName) <= width) {
      doc.text(fullName, x, y + 2, { lineBreak: false });
      return;
    }
  }
  doc.fontSize(7.5);
  const words = fullName.split(/\s+/);
  let first = '';
  while (words.length > 0 && doc.widthOfString(`${first} ${words[0]}`.trim()) <= width)
    first = `${first} ${words.shift()}`.trim();
  doc.text(first || fitText(doc, fullName, width), x, y - 1, { lineBreak: false });
  if (first && words.length > 0)
    doc.text(fitText(doc, words.join(' '), width), x, y + 8, { lineBreak: false });
}

export async function renderCardPdf(card: Card, generatedAt: Date): Promise<Buffer> {
  const { width, height } = CARD_SIZE;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    info: { Title: `Kartu Peserta ${card.kpj}`, Author: 'Lumbung', CreationDate: generatedAt },
  });
  useBundledFonts(doc);
  doc.rect(0, 0, width, height).fill('#ffffff');
  doc.rect(0, 0, width, 30).fill(BRAND);
  doc.font(FONT.bold).fontSize(10).fillColor('#ffffff').text('LUMBUNG', 12, 7, { lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(6)
    .fillColor('#dff0e8')
    .text('Kartu Peserta Jaminan Sosial Ketenagakerjaan', 12, 19, { lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(7)
    .fillColor('#ffffff')
    .text(card.status === 'active' ? 'AKTIF' : 'NONAKTIF', width - 70, 11, {
      width: 58,
      align: 'right',
      lineBreak: false,
    });

  const qrSize = 62;
  const qrX = width - qrSize - 8;
  const qrY = 38;
  const textWidth = qrX - 18;
  drawName(doc, card.fullName, 12, 36, textWidth);
  doc.font(FONT.regular).fontSize(6).fillColor('#555555').text('No. KPJ', 12, 56, { lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor('#000000')
    .text(card.kpj.replace(/^(\d{2})(\d{4})(\d{4})(\d)$/, '$1 $2 $3 $4'), 12, 63, { lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(6)
    .fillColor('#555555')
    .text('Peserta sejak / Since', 12, 81, { lineBreak: false });
  doc
    .font(FONT.bold)
    .fontSize(8)
    .fillColor('#000000')
    .text(formatDate(card.since), 12, 88, { lineBreak: false });
  doc
    .font(FONT.regular)
    .fontSize(6)
    .fillColor('#555555')
    .text(SEGMENT_LABEL, SEGMENT_X, 81, { lineBreak: false });
  doc.font(FONT.bold);
  const segment = segmentLines(
    (text, sizePt) => doc.fontSize(sizePt).widthOfString(text),
    segmentName(card.segment),
    qrX - SEGMENT_X - 4,
  );
  doc.fontSize(segment.sizePt).fillColor('#000000');
  segment.lines.forEach((line, index) =>
    doc.text(line, SEGMENT_X, 88 + index * segment.lineHeightPt, { lineBreak: false }),
  );

  let chipX = 12;
  for (const programme of card.programmes) {
    const chipWidth = doc.font(FONT.bold).fontSize(6.5).widthOfString(programme) + 8;
    doc.roundedRect(chipX, 106, chipWidth, 11, 3).fill('#e3f1ea');
    doc.fillColor(BRAND).text(programme, chipX + 4, 108, { lineBreak: false });
    chipX += chipWidth + 4;
  }
  drawQrCode(doc, card.verifyUrl, qrX, qrY, qrSize);
  doc
    .font(FONT.bold)
    .fontSize(5.6)
    .fillColor('#000000')
    .text(formatStatementCode(card.verifyCode), qrX - 6, qrY + qrSize + 1, {
      width: qrSize + 12,
      align: 'center',
      lineBreak: false,
    });
  doc
    .font(FONT.regular)
    .fontSize(5)
    .fillColor('#777777')
    .text(`Periksa keaslian / verify: ${card.verifyUrl}`, 12, height - 14, {
      width: width - 24,
      lineBreak: false,
      ellipsis: true,
    });
  return collectPdf(doc);
}
