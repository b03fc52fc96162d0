// The card names the membership segment as a label and a value, "Jenis peserta / Type: Penerima upah
// (PU)", in the PDF (read back with pdftotext) and in the PNG's layout (the same line breaking).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSync } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_BOLD_PATH } from '../statement/pdf-support';
import { CARD_SIZE, renderCardPdf, SEGMENT_X, segmentLines } from './card-pdf';
import { programmesOf, type Card } from './card-service';
import { PngCanvas } from './png-canvas';

const dir = mkdtempSync(join(tmpdir(), 'lumbung-card-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const card = (segment: 'PU' | 'BPU'): Card => ({
  fullName: 'Budi Santoso',
  kpj: '99000000127',
  segment,
  status: 'active',
  programmes: programmesOf(segment),
  since: '2019-01-02',
  employerName: 'PT Sinar Logistik Indonesia',
  verifyCode: 'K7QX2M4P9R',
  verifyUrl: 'http://localhost:3000/verify/card/K7QX2M4P9R',
});

describe.skipIf(!existsSync('/usr/bin/pdftotext'))('card PDF', () => {
  it.each([
    ['PU', ['Penerima upah (PU)']],
    ['BPU', ['Bukan penerima upah', '(BPU)']],
  ] as const)('prints the %s segment under its label', async (segment, valueLines) => {
    const file = join(dir, `card-${segment}.pdf`);
    writeFileSync(file, await renderCardPdf(card(segment), new Date('2026-12-02T02:30:00Z')));
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').map((line) => line.trim());
    const label = lines.findIndex((line) => line.endsWith('Jenis peserta / Type'));
    expect(label).toBeGreaterThan(-1);
    // The value follows the label, beside the member-since date; no bare code stands in for it.
    expect(lines[label + 1]).toMatch(new RegExp(`^02-01-2019\\s+${valueLines[0].replace(/[()]/g, '\\$&')}$`));
    if (valueLines[1]) expect(lines[label + 2]).toBe(valueLines[1]);
    expect(lines).not.toContain(segment);
    expect(text).not.toMatch(/^\s*Penerima upah\s*$/m);
  });
});

describe('the PNG’s segment value', () => {
  const bold = openSync(FONT_BOLD_PATH);
  const qrX = CARD_SIZE.width - 62 - 8;
  const measure = (text: string, sizePt: number) => PngCanvas.measure(bold, text, sizePt);

  it('fits beside the QR code: one line for PU, two for BPU', () => {
    expect(segmentLines(measure, 'Penerima upah (PU)', qrX - SEGMENT_X - 4)).toEqual({
      sizePt: 8,
      lineHeightPt: 9,
      lines: ['Penerima upah (PU)'],
    });
    const bpu = segmentLines(measure, 'Bukan penerima upah (BPU)', qrX - SEGMENT_X - 4);
    expect(bpu.lines).toEqual(['Bukan penerima upah', '(BPU)']);
    for (const line of bpu.lines) expect(measure(line, bpu.sizePt)).toBeLessThanOrEqual(qrX - SEGMENT_X - 4);
  });
});
