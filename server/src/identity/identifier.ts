// What a person types to sign in: an e-mail address, a mobile number in any Indonesian form, or a KPJ.
// Some strings are both a KPJ and a phone number (11 digits starting 08…); every reading is tried.
import { normalisePhone, parseKpj, stripSeparators } from '@lumbung/core';

export type IdentifierReading =
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'phone'; readonly value: string }
  | { readonly kind: 'kpj'; readonly value: string };

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,63}$/;

export function normaliseEmail(text: string): string | undefined {
  const value = text.trim().toLowerCase();
  return value.length <= 254 && EMAIL.test(value) ? value : undefined;
}

export function readIdentifier(text: string): IdentifierReading[] {
  if (text.length > 254) return [];
  if (text.includes('@')) {
    const email = normaliseEmail(text);
    return email ? [{ kind: 'email', value: email }] : [];
  }
  const readings: IdentifierReading[] = [];
  const kpj = parseKpj(text);
  if (kpj.ok) readings.push({ kind: 'kpj', value: kpj.value.kpj });
  const digits = stripSeparators(text);
  const looksLikePhone = /^(\+|0|62)/.test(digits) || !kpj.ok;
  const phone = normalisePhone(text);
  if (phone.ok && looksLikePhone) readings.push({ kind: 'phone', value: phone.value });
  return readings;
}

/** A stable, keyed key for rate limits and lockouts: never the plaintext identifier. */
export function identifierKey(
  pii: { blindIndex(kind: 'email' | 'phone' | 'kpj', value: string): string },
  text: string,
): string {
  const first = readIdentifier(text)[0];
  if (!first) return `raw:${pii.blindIndex('email', `unparsed:${text.trim().toLowerCase()}`)}`;
  return `${first.kind}:${pii.blindIndex(first.kind, first.value)}`;
}
