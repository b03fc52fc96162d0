// The digital card as a PNG (the same layout as the PDF, at 4 px per point ≈ 290 dpi): background,
// text in the bundled Noto Sans, programme chips and the verify QR code, drawn by png-canvas.
import { openSync, type Font } from 'fontkit';
import QRCode from 'qrcode';
import { FONT_BOLD_PATH, FONT_REGULAR_PATH, formatDate, formatStatementCode } from '../statement/pdf-support';
import { CARD_SIZE, SEGMENT_X, segmentLines } from './card-pdf';
import { SEGMENT_LABEL, segmentName, type Card } from './card-service';
import { hexColor, PngCanvas, type Rgb } from './png-canvas';

const SCALE = 4;
const BRAND = hexColor('#0b6e4f');
const BLACK = hexColor('#000000');
const WHITE = hexColor('#ffffff');
const MUTED = hexColor('#555555');

let fonts: { regular: Font; bold: Font } | undefined;
function loadFonts(): { regular: Font; bold: Font } {
  fonts ??= { regular: openSync(FONT_REGULAR_PATH), bold: openSync(FONT_BOLD_PATH) };
  return fonts;
}

/** Shortens text with an ellipsis until it fits. */
function fit(font: Font, text: string, sizePx: number, widthPx: number): string {
  if (PngCanvas.measure(font, text, sizePx) <= widthPx) return text;
  const characters = Array.from(text);
  while (
    characters.length > 0 &&
    PngCanvas.measure(font, `${characters.join('').trimEnd()}…`, sizePx) > widthPx
  )
    characters.pop();
  return `${characters.join('').trimEnd()}…`;
}

export async function renderCardPng(card: Card): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const width = Math.round(CARD_SIZE.width * SCALE);
  const height = Math.round(CARD_SIZE.height * SCALE);
  const canvas = new PngCanvas(width, height);
  // Card coordinates are in points, as in card-pdf.ts.
  const text = (font: Font, value: string, x: number, y: number, sizePt: number, color: Rgb): number =>
    canvas.text(font, value, x * SCALE, y * SCALE, sizePt * SCALE, color) / SCALE;

  const radius = 6 * SCALE;
  canvas.fillRoundedRect(0, 0, width, height, radius, WHITE);
  canvas.fillRoundedRect(0, 0, width, 30 * SCALE, radius, BRAND);
  canvas.fillRect(0, 30 * SCALE - radius, width, radius, BRAND);
  text(bold, 'LUMBUNG', 12, 7, 10, WHITE);
  text(regular, 'Kartu Peserta Jaminan Sosial Ketenagakerjaan', 12, 19, 6, hexColor('#dff0e8'));
  const statusLabel = card.status === 'active' ? 'AKTIF' : 'NONAKTIF';
  text(bold, statusLabel, CARD_SIZE.width - 12 - PngCanvas.measure(bold, statusLabel, 7), 11, 7, WHITE);

  const qrSize = 62;
  const qrX = CARD_SIZE.width - qrSize - 8;
  const qrY = 38;
  const textWidth = qrX - 18;
  let nameSize = 10.5;
  while (nameSize > 8.5 && PngCanvas.measure(bold, card.fullName, nameSize) > textWidth) nameSize -= 0.5;
  if (PngCanvas.measure(bold, card.fullName, nameSize) <= textWidth) {
    text(bold, card.fullName, 12, 38, nameSize, BLACK);
  } else {
    const words = card.fullName.split(/\s+/);
    let first = '';
    while (words.length > 0 && PngCanvas.measure(bold, `${first} ${words[0]}`.trim(), 7.5) <= textWidth)
      first = `${first} ${words.shift()}`.trim();
    text(bold, first || fit(bold, card.fullName, 7.5, textWidth), 12, 35, 7.5, BLACK);
    if (first && words.length > 0) text(bold, fit(bold, words.join(' '), 7.5, textWidth), 12, 44, 7.5, BLACK);
  }
  text(regular, 'No. KPJ', 12, 56, 6, MUTED);
  text(bold, card.kpj.replace(/^(\d{2})(\d{4})(\d{4})(\d)$/, '$1 $2 $3 $4'), 12, 63, 11, BLACK);
  text(regular, 'Peserta sejak / Since', 12, 81, 6, MUTED);
  text(bold, formatDate(card.since), 12, 88, 8, BLACK);
  text(regular, SEGMENT_LABEL, SEGMENT_X, 81, 6, MUTED);
  const segment = segmentLines(
    (value, sizePt) => PngCanvas.measure(bold, value, sizePt),
    segmentName(card.segment),
    qrX - SEGMENT_X - 4,
  );
  segment.lines.forEach((line, index) =>
    text(bold, line, SEGMENT_X, 88 + index * segment.lineHeightPt, segment.sizePt, BLACK),
  );

  let chipX = 12;
  for (const programme of card.programmes) {
    const chipWidth = PngCanvas.measure(bold, programme, 6.5) + 8;
    canvas.fillRoundedRect(
      chipX * SCALE,
      106 * SCALE,
      chipWidth * SCALE,
      11 * SCALE,
      3 * SCALE,
      hexColor('#e3f1ea'),
    );
    text(bold, programme, chipX + 4, 108, 6.5, BRAND);
    chipX += chipWidth + 4;
  }

  const qr = QRCode.create(card.verifyUrl, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const modulePx = Math.floor((qrSize * SCALE) / (count + 4));
  const qrPx = modulePx * (count + 4);
  const qrLeft = Math.round(qrX * SCALE + (qrSize * SCALE - qrPx) / 2);
  const qrTop = Math.round(qrY * SCALE + (qrSize * SCALE - qrPx) / 2);
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) {
        canvas.fillRect(
          qrLeft + (column + 2) * modulePx,
          qrTop + (row + 2) * modulePx,
          modulePx,
          modulePx,
          BLACK,
        );
      }
    }
  }
  const code = formatStatementCode(card.verifyCode);
  text(bold, code, qrX + qrSize / 2 - PngCanvas.measure(bold, code, 5.6) / 2, qrY + qrSize + 1, 5.6, BLACK);
  text(
    regular,
    fit(regular, `Periksa keaslian / verify: ${card.verifyUrl}`, 5, CARD_SIZE.width - 24),
    12,
    CARD_SIZE.height - 14,
    5,
    hexColor('#777777'),
  );
  return Promise.resolve(canvas.toPng());
}
