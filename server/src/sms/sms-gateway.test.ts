import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kannelSmsGateway } from './kannel-gateway';
import { SmsGatewayError } from './sms-gateway';
import { checkSignature, signRequest } from './sms-signature';
import { manualClock } from '../services/clock';
import { webhookSmsGateway } from './webhook-gateway';

interface Seen {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
let answer: { status: number; body: string } = { status: 202, body: '0: Accepted for delivery' };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', headers: request.headers, body });
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Kannel sendsms', () => {
  const gateway = () =>
    kannelSmsGateway({
      sendsmsUrl: `${base}/cgi-bin/sendsms`,
      username: 'lumbung',
      password: 'p&ss',
      from: '2757',
      dlrBaseUrl: 'http://lumbung.test/api/v1/sms/kannel/dlr',
      secret: 'shared-secret-123456',
    });

  it('sends with credentials, the short code and a DLR url carrying the reference', async () => {
    answer = { status: 202, body: '0: Accepted for delivery' };
    await gateway().send('+6281234567890', 'Kode OTP Anda 123456', { reference: '42' });
    const url = new URL(seen.at(-1)!.url, base);
    expect(url.pathname).toBe('/cgi-bin/sendsms');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      username: 'lumbung',
      password: 'p&ss',
      from: '2757',
      to: '6281234567890',
      text: 'Kode OTP Anda 123456',
      charset: 'UTF-8',
      coding: '0',
      'dlr-mask': '19',
      'dlr-url':
        'http://lumbung.test/api/v1/sms/kannel/dlr?secret=shared-secret-123456&ref=42&type=%d&answer=%A&at=%T',
    });
  });

  it('throws when Kannel refuses', async () => {
    answer = { status: 403, body: 'Authorization failed for sendsms' };
    await expect(gateway().send('+6281234567890', 'x')).rejects.toThrow(SmsGatewayError);
    answer = { status: 202, body: '0: Accepted for delivery' };
  });
});

describe('JSON webhook', () => {
  it('posts signed JSON and returns the aggregator id', async () => {
    answer = { status: 200, body: '{"id":"agg-77"}' };
    const gateway = webhookSmsGateway({
      url: `${base}/send`,
      secret: 'webhook-secret-123456',
      from: '2757',
      statusUrl: 'http://lumbung.test/api/v1/sms/status',
      clock: manualClock('2026-11-22T03:00:00Z'),
    });
    expect(await gateway.send('+6281234567890', 'Halo', { reference: '7' })).toEqual({
      providerMessageId: 'agg-77',
    });
    const request = seen.at(-1)!;
    expect(JSON.parse(request.body)).toEqual({
      to: '+6281234567890',
      from: '2757',
      text: 'Halo',
      reference: '7',
      statusUrl: 'http://lumbung.test/api/v1/sms/status',
    });
    const stampedSeconds = Date.parse('2026-11-22T03:00:00Z') / 1000;
    expect(request.headers['x-timestamp']).toBe(String(stampedSeconds));
    expect(request.headers['x-signature']).toBe(
      signRequest('webhook-secret-123456', stampedSeconds, request.body),
    );
    const signed = {
      signature: String(request.headers['x-signature']),
      timestamp: String(request.headers['x-timestamp']),
    };
    const received = new Date('2026-11-22T03:00:20Z');
    expect(checkSignature('webhook-secret-123456', { ...signed, body: request.body }, received)).toBe(
      'valid',
    );
    expect(checkSignature('webhook-secret-123456', { ...signed, body: `${request.body} ` }, received)).toBe(
      'mismatch',
    );
    answer = { status: 500, body: 'down' };
    await expect(gateway.send('+6281234567890', 'Halo')).rejects.toThrow(/500/);
  });
});
