// Short public codes for statements and cards: 12 characters of Crockford base32 (60 random bits),
// printed in groups of four and read back forgivingly (lower case, dashes, O for 0, I/L for 1).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFY_CODE_LENGTH = 12;

export function newVerifyCode(): string {
  const bytes = randomBytes(VERIFY_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** The stored form of a typed or scanned code, or null when it cannot be one. */
export function normaliseVerifyCode(text: string): string | null {
  if (text.length > 40) return null;
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== VERIFY_CODE_LENGTH) return null;
  for (const character of code) if (!ALPHABET.includes(character)) return null;
  return code;
}

/** Masks all but the last three digits: '99000000018' → '••••••••018'. */
export function maskKpj(kpj: string): string {
  return `${'•'.repeat(Math.max(0, kpj.length - 3))}${kpj.slice(-3)}`;
}

/** 'Siti Aminah Putri' → 'Siti A. P.': enough for an officer to compare with an ID, not to copy. */
export function maskFullName(fullName: string): string {
  const [first = '', ...rest] = fullName.trim().split(/\s+/);
  return [first, ...rest.map((part) => `${Array.from(part)[0] ?? ''}.`)].join(' ');
}
