// KPJ, the 11-digit membership card number. Numbers Lumbung issues start with a reserved prefix and end
// in a Luhn (mod 10) check digit so that typos are caught; legacy numbers are accepted by length only.
import { assert, err, ok, type Result } from '../result';
import { MAX_IDENTIFIER_INPUT_LENGTH, stripSeparators } from './normalise';

/**
 * Leading digits reserved for Lumbung-issued KPJ: '99' + 8-digit sequence + check digit. Assumption
 * (confidence L): no legacy BPJS KPJ starts with 99; an operator migrating data must confirm it.
 */
export const LUMBUNG_KPJ_PREFIX = '99';
export const MAX_KPJ_SEQUENCE = 99_999_999;

export type ParsedKpj = {
  /** The 11 digits, separators removed. */
  readonly kpj: string;
  /** True when the number carries Lumbung's prefix and a valid check digit. */
  readonly isLumbungIssued: boolean;
};

export type KpjErrorCode = 'kpj_invalid_format' | 'kpj_invalid_check_digit';

/** The Luhn check digit for a string of digits (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  assert(/^\d+$/.test(digits), 'luhnCheckDigit needs digits');
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    // Doubling starts with the rightmost payload digit, because the check digit goes to its right.
    let value = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLumbungKpj(kpj: string): boolean {
  return kpj.length === 11 && kpj.startsWith(LUMBUNG_KPJ_PREFIX);
}

/** Parses a KPJ as typed ('99 0000 0001-8', '99000000018'). */
export function parseKpj(text: string): Result<ParsedKpj, KpjErrorCode> {
  const digits = text.length > MAX_IDENTIFIER_INPUT_LENGTH ? '' : stripSeparators(text);
  if (!/^\d{11}$/.test(digits)) return err('kpj_invalid_format', undefined, 'kpj');
  if (!isLumbungKpj(digits)) return ok({ kpj: digits, isLumbungIssued: false });
  if (luhnCheckDigit(digits.slice(0, 10)) !== Number(digits[10])) {
    return err('kpj_invalid_check_digit', undefined, 'kpj');
  }
  return ok({ kpj: digits, isLumbungIssued: true });
}

/** Builds the KPJ for sequence number n (1 … 99,999,999), e.g. from a database sequence. */
export function issueKpj(sequenceNumber: number): string {
  assert(
    Number.isSafeInteger(sequenceNumber) && sequenceNumber >= 1 && sequenceNumber <= MAX_KPJ_SEQUENCE,
    `KPJ sequence number out of range: ${sequenceNumber}`,
  );
  const payload = `${LUMBUNG_KPJ_PREFIX}${String(sequenceNumber).padStart(8, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** Display form in groups: '99 0000 0001 8'. */
export function formatKpj(kpj: string): string {
  return kpj.length === 11
    ? `${kpj.slice(0, 2)} ${kpj.slice(2, 6)} ${kpj.slice(6, 10)} ${kpj.slice(10)}`
    : kpj;
}
