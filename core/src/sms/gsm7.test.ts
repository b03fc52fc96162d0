import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GSM7_PART_SEPTETS, gsm7Septets, isGsm7, segmentSms, UCS2_PART_UNITS } from './gsm7';

describe('GSM-7 alphabet', () => {
  it.each([
    ['Saldo JHT Rp 12.345.678', true, 23],
    ['@£$¥èéùìòÇ', true, 10],
    ['{[~]}|^€\\', true, 18],
    ['“quoted”', false, null],
    ['Bahasa ✓', false, null],
    ['ç', false, null],
  ])('%j → gsm7 %s, %s septets', (text, expected, septets) => {
    expect(isGsm7(text)).toBe(expected);
    if (septets !== null) expect(gsm7Septets(text)).toBe(septets);
  });
});

describe('segmentation', () => {
  it('keeps 160 septets in one part and splits 161 into 153 + 8', () => {
    expect(segmentSms('a'.repeat(160)).parts).toEqual(['a'.repeat(160)]);
    const split = segmentSms('a'.repeat(161));
    expect(split.encoding).toBe('gsm7');
    expect(split.parts.map((part) => part.length)).toEqual([153, 8]);
  });

  it('counts extension characters as two septets and never cuts one', () => {
    expect(segmentSms('€'.repeat(80)).parts).toHaveLength(1);
    const split = segmentSms('a' + '€'.repeat(80));
    expect(split.length).toBe(161);
    expect(split.parts[0]).toBe('a' + '€'.repeat(76));
    expect(gsm7Septets(split.parts[0]!)).toBe(153);
  });

  it('falls back to UCS-2 with 70 / 67 units and keeps surrogate pairs whole', () => {
    expect(segmentSms('✓'.repeat(70)).parts).toHaveLength(1);
    const split = segmentSms('✓'.repeat(71));
    expect(split.encoding).toBe('ucs2');
    expect(split.parts.map((part) => part.length)).toEqual([67, 4]);
    const emoji = segmentSms('x' + '😀'.repeat(40));
    expect(emoji.parts[0]).toBe('x' + '😀'.repeat(33));
    expect(emoji.parts.join('')).toBe('x' + '😀'.repeat(40));
  });

  it('always gives parts that join to the text and fit their limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 700 }), (text) => {
        const { encoding, parts } = segmentSms(text);
        expect(parts.join('')).toBe(text);
        if (parts.length === 1) return;
        for (const part of parts) {
          if (encoding === 'gsm7') expect(gsm7Septets(part)).toBeLessThanOrEqual(GSM7_PART_SEPTETS);
          else expect(part.length).toBeLessThanOrEqual(UCS2_PART_UNITS);
        }
      }),
    );
  });
});
