import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, serializeRequest } from './logger';

function capture(): { lines: () => string[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines: () => chunks.join('').trim().split('\n'), stream };
}

describe('logger', () => {
  it.each([
    ['top level', { nik: '3273014710960010', phone: '+6281234567890' }],
    ['one level down', { member: { nik: '3273014710960010', email: 'rina@contoh.id' } }],
    ['two levels down', { body: { member: { phone: '+6281234567890', password: 'kebun-kopi' } } }],
  ])('redacts personal data %s', (_where, object) => {
    const { lines, stream } = capture();
    createLogger('info', false, stream).info(object, 'event');
    const [line = ''] = lines();
    expect(line).toContain('[redacted]');
    for (const secret of ['3273014710960010', '+6281234567890', 'rina@contoh.id', 'kebun-kopi']) {
      expect(line).not.toContain(secret);
    }
  });

  it('keeps what is not personal, including a problem code, and hides a nested one-time code', () => {
    const { lines, stream } = capture();
    createLogger('info', false, stream).info(
      { kpjCount: 2, code: 'otp_expired', body: { code: '493817' } },
      'read',
    );
    expect(JSON.parse(lines()[0] ?? '{}')).toMatchObject({
      kpjCount: 2,
      code: 'otp_expired',
      body: { code: '[redacted]' },
    });
  });

  it('logs a request without its query string', () => {
    expect(
      serializeRequest({ method: 'GET', url: '/api/v1/dev/outbox?to=rina%40contoh.id', ip: '127.0.0.1' }),
    ).toEqual({ method: 'GET', url: '/api/v1/dev/outbox', host: undefined, remoteAddress: '127.0.0.1' });
  });
});
