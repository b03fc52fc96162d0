// Random secrets and their stored forms: session and device tokens are 32 random bytes kept only as a
// SHA-256 hash; one-time codes are 6 digits kept as a salted HMAC; challenge ids are random handles.
import { createHmac, hash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;

/** 32 random bytes, base64url: the bearer/cookie value of a session or a remembered device. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return hash('sha256', token, 'base64url');
}

/** An opaque public handle for a challenge (128 bits). */
export function newChallengeId(): string {
  return randomBytes(16).toString('base64url');
}

/** Six digits, uniformly from crypto.randomInt (leading zeros kept). */
export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** 'salt.hmac' with a per-code random salt. */
export function hashCode(code: string): string {
  const salt = randomBytes(16).toString('base64url');
  return `${salt}.${createHmac('sha256', salt).update(code).digest('base64url')}`;
}

/** Constant-time check of a code against its stored hash; a null hash (decoy) never matches. */
export function codeMatches(stored: string | null, code: string): boolean {
  const [salt, expected] = (stored ?? 'decoy.').split('.');
  const actual = createHmac('sha256', salt ?? '')
    .update(code)
    .digest();
  const wanted = Buffer.from(expected ?? '', 'base64url');
  const isMatch = wanted.length === actual.length && timingSafeEqual(wanted, actual);
  return stored !== null && isMatch;
}

/** The CSRF token of a session: derived from the session token, so nothing more is stored. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('lumbung-csrf-v1').digest('base64url');
}

export function safeEqualText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
