import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, signatureHeaders, signRequest, SIGNATURE_WINDOW_SECONDS } from './sms-signature';

const SECRET = 'webhook-secret-123456';
const body = '{"from":"+6281230000001","text":"SALDO"}';
const sentAt = new Date('2026-11-22T03:00:00Z');
const sentSeconds = sentAt.getTime() / 1000;

describe('webhook signature', () => {
  it('is the HMAC-SHA256 of "<timestamp>.<body>", as an aggregator would compute it', () => {
    const expected = createHmac('sha256', SECRET).update(`${sentSeconds}.${body}`).digest('hex');
    expect(signRequest(SECRET, sentSeconds, body)).toBe(`sha256=${expected}`);
    expect(signatureHeaders(SECRET, sentAt, body)).toEqual({
      'x-signature': `sha256=${expected}`,
      'x-timestamp': String(sentSeconds),
    });
  });

  const at = (seconds: number) => new Date(sentAt.getTime() + seconds * 1000);
  const signed = {
    body,
    ...{ signature: signRequest(SECRET, sentSeconds, body), timestamp: `${sentSeconds}` },
  };

  it.each([
    ['received at once', signed, at(0), 'valid'],
    ['received at the edge of the window', signed, at(SIGNATURE_WINDOW_SECONDS), 'valid'],
    ['a sender clock a little ahead', signed, at(-SIGNATURE_WINDOW_SECONDS), 'valid'],
    ['replayed after the window', signed, at(SIGNATURE_WINDOW_SECONDS + 1), 'stale'],
    ['stamped too far ahead', signed, at(-SIGNATURE_WINDOW_SECONDS - 1), 'stale'],
    ['a changed body', { ...signed, body: `${body} ` }, at(1), 'mismatch'],
    ['a changed timestamp', { ...signed, timestamp: `${sentSeconds + 1}` }, at(1), 'mismatch'],
    [
      'another secret',
      { ...signed, signature: signRequest('other-secret', sentSeconds, body) },
      at(1),
      'mismatch',
    ],
    [
      'upper-case hex and spaces',
      { ...signed, signature: ` ${signed.signature.toUpperCase()} ` },
      at(1),
      'valid',
    ],
    ['no timestamp', { ...signed, timestamp: undefined }, at(1), 'missing'],
    ['no signature', { ...signed, signature: undefined }, at(1), 'missing'],
    ['a timestamp that is not a number', { ...signed, timestamp: '1e9' }, at(1), 'mismatch'],
    ['an oversized signature', { ...signed, signature: 'x'.repeat(201) }, at(1), 'mismatch'],
  ] as const)('%s → %s', (_name, request, now, verdict) => {
    expect(checkSignature(SECRET, request, now)).toBe(verdict);
  });
});
