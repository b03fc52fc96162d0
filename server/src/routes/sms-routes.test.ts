import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';
import type { App } from '../http/app';
import { createSmsMember, daftarText, postContribution, type SmsFixtureMember } from '../sms/sms-fixtures';
import { listSmsMessages } from '../sms/sms-message-log';
import { signatureHeaders, signRequest, SIGNATURE_WINDOW_SECONDS } from '../sms/sms-signature';
import { kannelDlrStatus } from './sms-routes';

const SECRET = 'kannel-shared-secret-123';
const WEBHOOK_SECRET = 'webhook-shared-secret-456';
let test: TestContext & { app: App };
let member: SmsFixtureMember;

const kannel = (query: Record<string, string>) =>
  test.app.inject({ method: 'GET', url: `/api/v1/sms/kannel?${new URLSearchParams(query).toString()}` });

beforeAll(async () => {
  test = await createTestApp({
    env: {
      LUMBUNG_SMS_INBOUND_SECRET: SECRET,
      LUMBUNG_SMS_WEBHOOK_URL: 'http://127.0.0.1:9/unused',
      LUMBUNG_SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      LUMBUNG_PUBLIC_URL: 'http://lumbung.test',
    },
  });
  member = await createSmsMember(test.ctx);
  await postContribution(test.ctx, member, {
    period: '2026-10',
    jhtRupiah: 5_000_000,
    jpRupiah: 750_000,
    bookedAt: new Date('2026-11-10T00:00:00Z'),
  });
});
afterAll(async () => test.close());

describe('Kannel get-url', () => {
  it('refuses a wrong or missing secret', async () => {
    const wrong = await kannel({ secret: 'nope', from: '6281230000001', text: 'BANTUAN' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('sms_gateway_unauthorised');
    expect((await kannel({ from: '6281230000001', text: 'BANTUAN' })).statusCode).toBe(400);
  });

  it('answers DAFTAR then SALDO in the response body, with the DLR url for each reply', async () => {
    const daftar = await kannel({
      secret: SECRET,
      from: '6281230000002',
      to: '2757',
      text: daftarText(member),
      id: 'uuid-1',
    });
    expect(daftar.statusCode).toBe(200);
    expect(daftar.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(daftar.body).toMatch(/^Nomor HP ini sudah terhubung ke KPJ \*\*\*\d{4}\./);
    const dlrUrl = String(daftar.headers['x-kannel-dlr-url']);
    expect(daftar.headers['x-kannel-dlr-mask']).toBe('19');
    expect(dlrUrl).toMatch(
      /^http:\/\/lumbung\.test\/api\/v1\/sms\/kannel\/dlr\?secret=kannel-shared-secret-123&ref=\d+&type=%d&answer=%A&at=%T$/,
    );
    const saldo = await kannel({
      secret: SECRET,
      from: '6281230000002',
      text: `SALDO ${member.kpj}`,
      id: 'uuid-2',
    });
    expect(saldo.body).toBe(
      `Saldo JHT KPJ ***${member.kpj.slice(-4)} per 22-11-2026: Rp 5.000.000. Iuran terakhir: Oktober 2026. Saldo JP: Rp 750.000.`,
    );

    // Kannel fills in %d and %A; the report moves the reply's status forward, never back.
    const dlr = (type: string) =>
      test.app.inject({
        method: 'GET',
        url: dlrUrl
          .replace('http://lumbung.test', '')
          .replace('%d', type)
          .replace('%A', 'ACK%2F')
          .replace('%T', '1'),
      });
    expect((await dlr('8')).statusCode).toBe(200);
    expect((await dlr('1')).body).toBe('ok');
    await dlr('8');
    const messages = await listSmsMessages(test.ctx, '+6281230000002');
    expect(messages.find((message) => message.kind === 'register_ok')?.status).toBe('delivered');
    expect(
      messages.find((message) => message.kind === 'balance' && message.direction === 'out')?.status,
    ).toBe('queued');
  });

  it('sends an empty body when there is nothing to answer', async () => {
    const response = await kannel({ secret: SECRET, from: '4930123456', text: 'SALDO' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });

  it('maps Kannel report types', () => {
    expect([1, 2, 4, 8, 16, 9, 0].map(kannelDlrStatus)).toEqual([
      'delivered',
      'failed',
      'sent',
      'sent',
      'rejected',
      'delivered',
      null,
    ]);
  });
});

describe('JSON webhook', () => {
  /** Posts JSON signed for `at` (our clock's now by default), or with the headers given. */
  const post = (url: string, payload: unknown, headers?: Record<string, string>, at?: Date) => {
    const body = JSON.stringify(payload);
    return test.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        ...(headers ?? signatureHeaders(WEBHOOK_SECRET, at ?? test.ctx.clock.now(), body)),
      },
      payload: body,
    });
  };
  const nowSeconds = () => Math.floor(test.ctx.clock.now().getTime() / 1000);

  it('accepts a signed message and refuses a bad signature', async () => {
    const ok = await post('/api/v1/sms/inbound', { from: '+6281230000003', text: 'BANTUAN', id: 'agg-1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ accepted: true, replies: 1 });
    const bad = await post(
      '/api/v1/sms/inbound',
      { from: '+6281230000003', text: 'BANTUAN' },
      signatureHeaders('wrong-secret-000000', test.ctx.clock.now(), '{}'),
    );
    expect(bad.statusCode).toBe(401);
    const messages = await listSmsMessages(test.ctx, '+6281230000003');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ direction: 'out', kind: 'help', status: 'sent' });
  });

  it('refuses a replayed request: an old or future timestamp, a changed timestamp, none at all', async () => {
    const payload = { from: '+6281230000004', text: 'BANTUAN', id: 'agg-replay' };
    const body = JSON.stringify(payload);
    const windowMs = SIGNATURE_WINDOW_SECONDS * 1000;
    const at = (offsetMs: number) => new Date(test.ctx.clock.now().getTime() + offsetMs);
    // Signed correctly, but captured six minutes ago (or stamped six minutes ahead).
    expect((await post('/api/v1/sms/inbound', payload, undefined, at(-windowMs - 60_000))).statusCode).toBe(
      401,
    );
    expect((await post('/api/v1/sms/inbound', payload, undefined, at(windowMs + 60_000))).statusCode).toBe(
      401,
    );
    // An old signature with a fresh timestamp put in front of it.
    const stale = nowSeconds() - SIGNATURE_WINDOW_SECONDS - 60;
    const moved = await post('/api/v1/sms/inbound', payload, {
      'x-signature': signRequest(WEBHOOK_SECRET, stale, body),
      'x-timestamp': String(nowSeconds()),
    });
    expect(moved.statusCode).toBe(401);
    expect(moved.json().code).toBe('sms_gateway_unauthorised');
    const unstamped = await post('/api/v1/sms/inbound', payload, {
      'x-signature': signRequest(WEBHOOK_SECRET, nowSeconds(), body),
    });
    expect(unstamped.statusCode).toBe(401);
    expect(await listSmsMessages(test.ctx, '+6281230000004')).toEqual([]);
    // Within the window (four minutes old) it is accepted.
    expect((await post('/api/v1/sms/inbound', payload, undefined, at(-windowMs + 60_000))).statusCode).toBe(
      200,
    );
    expect(await listSmsMessages(test.ctx, '+6281230000004')).toHaveLength(2);
  });

  it('takes delivery reports for our messages', async () => {
    const [reply] = await listSmsMessages(test.ctx, '+6281230000003');
    const status = await post('/api/v1/sms/status', {
      reference: String(reply!.messageId),
      status: 'delivered',
      id: 'agg-out-1',
    });
    expect(status.statusCode).toBe(200);
    expect((await listSmsMessages(test.ctx, '+6281230000003'))[0]?.status).toBe('delivered');
    expect((await post('/api/v1/sms/status', { reference: '999999', status: 'delivered' })).statusCode).toBe(
      404,
    );
  });
});

describe('staff simulator', () => {
  it('lets an agent send as a number and see the replies; members may not', async () => {
    const agent = await bearerFor(test.ctx, { role: 'agent' });
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/sms/simulate',
      headers: { authorization: `Bearer ${agent}` },
      payload: { from: '0812-3000-0004', text: `SALDO ${member.kpj}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      replies: [
        'Nomor HP ini belum terdaftar untuk KPJ tersebut. Daftar dulu: DAFTAR <KPJ> <DD-MM-YYYY> <NIK> ke 2757.',
      ],
    });
    const memberToken = await bearerFor(test.ctx, { role: 'member', personId: member.personId });
    const forbidden = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/sms/simulate',
      headers: { authorization: `Bearer ${memberToken}` },
      payload: { from: '0812-3000-0004', text: 'SALDO' },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
