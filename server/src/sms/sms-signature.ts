// Shared-secret checks for gateway callbacks, in constant time: Kannel's query-string secret, and the
// webhook's HMAC-SHA256 over `<timestamp>.<raw body>`. The timestamp is signed and must be recent, so a
// captured request cannot be replayed later (Stripe and Slack sign their webhooks the same way).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed request's timestamp may be from our clock, either way (clock skew included). */
export const SIGNATURE_WINDOW_SECONDS = 300;

export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';

/** 'sha256=<hex>' of `${timestampSeconds}.${body}` under the secret. */
export function signRequest(secret: string, timestampSeconds: number, body: string | Buffer): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0)
    throw new Error(`timestamp must be whole Unix seconds, got ${timestampSeconds}`);
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body).digest('hex')}`;
}

/** The two headers a signed request carries, for the given moment. */
export function signatureHeaders(secret: string, at: Date, body: string | Buffer): Record<string, string> {
  const timestampSeconds = Math.floor(at.getTime() / 1000);
  return {
    [SIGNATURE_HEADER]: signRequest(secret, timestampSeconds, body),
    [TIMESTAMP_HEADER]: String(timestampSeconds),
  };
}

/** Compares digests, so neither the length nor a prefix of the secret leaks through timing. */
export function constantTimeEquals(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type SignatureVerdict = 'valid' | 'missing' | 'stale' | 'mismatch';

export interface SignedRequest {
  readonly body: string | Buffer;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

/**
 * 'valid' when the signature matches the body and the timestamp, and the timestamp is within
 * SIGNATURE_WINDOW_SECONDS of `now`. The window is checked first: a stale request is refused without
 * computing anything from the secret.
 */
export function checkSignature(secret: string, request: SignedRequest, now: Date): SignatureVerdict {
  const { signature, timestamp } = request;
  if (signature === undefined || timestamp === undefined) return 'missing';
  if (signature.length > 200 || !/^\d{1,12}$/.test(timestamp.trim())) return 'mismatch';
  const timestampSeconds = Number(timestamp.trim());
  const skewSeconds = Math.abs(Math.floor(now.getTime() / 1000) - timestampSeconds);
  if (skewSeconds > SIGNATURE_WINDOW_SECONDS) return 'stale';
  return constantTimeEquals(
    signature.trim().toLowerCase(),
    signRequest(secret, timestampSeconds, request.body),
  )
    ? 'valid'
    : 'mismatch';
}
