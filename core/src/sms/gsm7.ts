// GSM 03.38 (3GPP TS 23.038) 7-bit alphabet: which texts fit it, how many septets they take, and how a
// text is split into the parts of a concatenated SMS (TS 23.040 §9.2.3.24.1, 6-octet UDH per part).
import { assert } from '../result';

/** The basic character set, one septet each (ESC at 0x1B is not a character). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: ESC + one septet, so two septets each. */
const EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(BASIC);
const extensionSet = new Set(EXTENSION);

/** One message: 160 septets (GSM-7) or 70 UTF-16 units (UCS-2). */
export const GSM7_SINGLE_SEPTETS = 160;
/** Each part of a concatenated message loses 7 septets to the 6-octet UDH: 153 left. */
export const GSM7_PART_SEPTETS = 153;
export const UCS2_SINGLE_UNITS = 70;
export const UCS2_PART_UNITS = 67;
/** Operators and handsets refuse concatenations beyond 255 parts; replies stay far below. */
export const MAX_SMS_PARTS = 255;

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegmentation {
  readonly encoding: SmsEncoding;
  /** The text of each part, in order; joined they give the original text. */
  readonly parts: readonly string[];
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  readonly length: number;
}

/** Septets a character takes in GSM-7: 1 (basic), 2 (extension) or null (not representable). */
export function gsm7CharSeptets(char: string): 1 | 2 | null {
  if (basicSet.has(char)) return 1;
  if (extensionSet.has(char)) return 2;
  return null;
}

export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (gsm7CharSeptets(char) === null) return false;
  }
  return true;
}

/** Septets of a GSM-7 text; asserts that it is one. */
export function gsm7Septets(text: string): number {
  let septets = 0;
  for (const char of text) {
    const size = gsm7CharSeptets(char);
    assert(size !== null, `not a GSM-7 character: U+${char.codePointAt(0)?.toString(16) ?? '?'}`);
    septets += size;
  }
  return septets;
}

/**
 * Splits a text into SMS parts. GSM-7 when every character fits, else UCS-2. An extension character
 * (two septets) and a surrogate pair (two UTF-16 units) are never cut between parts.
 */
export function segmentSms(text: string): SmsSegmentation {
  return isGsm7(text) ? segmentGsm7(text) : segmentUcs2(text);
}

function segmentGsm7(text: string): SmsSegmentation {
  const length = gsm7Septets(text);
  if (length <= GSM7_SINGLE_SEPTETS) return { encoding: 'gsm7', parts: [text], length };
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const size = gsm7CharSeptets(char) ?? 1;
    if (used + size > GSM7_PART_SEPTETS) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += size;
  }
  parts.push(current);
  assert(parts.length <= MAX_SMS_PARTS, 'text too long for one concatenated SMS');
  return { encoding: 'gsm7', parts, length };
}

function segmentUcs2(text: string): SmsSegmentation {
  const length = text.length;
  if (length <= UCS2_SINGLE_UNITS) return { encoding: 'ucs2', parts: [text], length };
  const parts: string[] = [];
  let current = '';
  for (const char of text) {
    if (current.length + char.length > UCS2_PART_UNITS) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  assert(parts.length <= MAX_SMS_PARTS, 'text too long for one concatenated SMS');
  return { encoding: 'ucs2', parts, length };
}
