// Indonesian mobile numbers (08…, 628…, +628…, as typed) normalised to one E.164 form: +628….
import { err, ok, type Result } from '../result';
import { MAX_IDENTIFIER_INPUT_LENGTH } from './normalise';

export type PhoneErrorCode = 'phone_invalid_format' | 'phone_not_mobile' | 'phone_invalid_length';

/** Digits after +62 for a mobile number: '8' then 8–11 more (08xx-xxxx-xxxx has 10–13 digits). */
const MIN_SUBSCRIBER_DIGITS = 9;
const MAX_SUBSCRIBER_DIGITS = 12;

/** Normalises to E.164 '+628…'. Spaces, dashes, dots and parentheses are allowed where people type them. */
export function normalisePhone(text: string): Result<string, PhoneErrorCode> {
  if (text.length > MAX_IDENTIFIER_INPUT_LENGTH) return err('phone_invalid_format', undefined, 'phone');
  const compact = text.trim().replace(/[\s\u00a0\-.()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return err('phone_invalid_format', undefined, 'phone');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('+'))
    return err('phone_not_mobile', undefined, 'phone'); // foreign number
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else national = compact;
  if (national.startsWith('0')) national = national.slice(1); // '+62 0812…' is a common slip
  if (!national.startsWith('8')) return err('phone_not_mobile', undefined, 'phone');
  if (national.length < MIN_SUBSCRIBER_DIGITS || national.length > MAX_SUBSCRIBER_DIGITS) {
    return err('phone_invalid_length', undefined, 'phone');
  }
  return ok(`+62${national}`);
}

/** '+6281234567890' → '0812-3456-7890' (local display). */
export function formatPhoneLocal(e164: string): string {
  const local = e164.startsWith('+62') ? `0${e164.slice(3)}` : e164;
  return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}

/** '+6281234567890' → '+62 812****7890', for messages that must not reveal the whole number. */
export function maskPhone(e164: string): string {
  return e164.length > 9
    ? `${e164.slice(0, 3)} ${e164.slice(3, 6)}${'*'.repeat(e164.length - 10)}${e164.slice(-4)}`
    : e164;
}
