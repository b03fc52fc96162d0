// Shared-secret checks for gateway callbacks, in constant time: Kannel's query-string secret and the
// webhook's HMAC-SHA256 signature over the raw request body.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** 'sha256=<hex>' of the body under the secret. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Compares digests, so neither the length nor a prefix of the secret leaks through timing. */
export function constantTimeEquals(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function isValidSignature(secret: string, body: string | Buffer, header: string | undefined): boolean {
  if (header === undefined || header.length > 200) return false;
  return constantTimeEquals(header.trim().toLowerCase(), signBody(secret, body));
}
