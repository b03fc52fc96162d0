// What the statement and card PDFs share: the bundled Noto Sans fonts (pdfkit's built-in fonts cover
// Latin-1 only), a vector QR code, number and WIB time formats, and collecting a document's bytes.
import { fileURLToPath } from 'node:url';
import { openSync, type Font } from 'fontkit';
import QRCode from 'qrcode';

export const FONT_REGULAR_PATH = fileURLToPath(
  new URL('../../assets/fonts/NotoSans-Regular.ttf', import.meta.url),
);
export const FONT_BOLD_PATH = fileURLToPath(new URL('../../assets/fonts/NotoSans-Bold.ttf', import.meta.url));

export const FONT = { regular: 'Noto', bold: 'Noto-Bold' } as const;

// Parsing a TTF costs ~100 ms, most of a statement's rendering time when done per document. The fonts
// are parsed once per process and shared: pdfkit accepts a fontkit font and still subsets it per document.
let parsedFonts: { readonly regular: Font; readonly bold: Font } | undefined;

/** Registers the bundled fonts on a pdfkit document and selects the regular one. */
export function useBundledFonts(doc: PDFKit.PDFDocument): void {
  parsedFonts ??= { regular: openSync(FONT_REGULAR_PATH), bold: openSync(FONT_BOLD_PATH) };
  // @types/pdfkit lists only paths and buffers; pdfkit 0.20 takes any object with layout() as a font.
  doc.registerFont(FONT.regular, parsedFonts.regular as unknown as Buffer);
  doc.registerFont(FONT.bold, parsedFonts.bold as unknown as Buffer);
  doc.font(FONT.regular);
}

/** Draws `text` as a QR code of `sizePt` points square at (x, y), as vector squares (sharp at any zoom). */
export function drawQrCode(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  sizePt: number,
): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quietModules = 2;
  const module = sizePt / (count + quietModules * 2);
  doc.save();
  doc.rect(x, y, sizePt, sizePt).fill('#ffffff');
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) {
        // A hair wider than a module so that neighbouring squares leave no seams when rasterised.
        doc.rect(
          x + (column + quietModules) * module,
          y + (row + quietModules) * module,
          module + 0.05,
          module + 0.05,
        );
      }
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** 1234567 → '1.234.567' (Indonesian grouping); negative amounts get a leading minus. */
export function formatAmount(amountRupiah: number): string {
  const digits = String(Math.abs(amountRupiah)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amountRupiah < 0 ? `-${digits}` : digits;
}

/** An instant as 'DD-MM-YYYY HH:mm WIB' (UTC+7, no daylight saving). */
export function formatWib(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${wib.slice(8, 10)}-${wib.slice(5, 7)}-${wib.slice(0, 4)} ${wib.slice(11, 16)} WIB`;
}

/** 'YYYY-MM-DD' → 'DD-MM-YYYY'. */
export function formatDate(date: string): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

/** Ends the document and resolves with every byte it wrote. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** 'ABCDEFGHJKMN' → 'ABCD-EFGH-JKMN', as printed. */
export function formatStatementCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

export function periodLabel(period: string): string {
  return `${period.slice(5, 7)}-${period.slice(0, 4)}`;
}

/** Shortens text with an ellipsis until it fits on one line of the current font. */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const characters = Array.from(text);
  while (characters.length > 0 && doc.widthOfString(`${characters.join('').trimEnd()}…`) > width)
    characters.pop();
  return `${characters.join('').trimEnd()}…`;
}
