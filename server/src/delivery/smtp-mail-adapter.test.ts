// Integration: the SMTP adapter talks to a real SMTP listener on 127.0.0.1, started here, and the
// message that arrives has the right envelope, subject, both a text and an HTML part, and — when sent
// for a queued delivery — a Message-ID that stays the same when the delivery is sent again.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { CONTRIBUTION_ALERT_KIND } from '../notification/notification-kinds';
import { sendQueuedNotifications } from '../notification/notification-dispatch';
import { notify } from '../notification/notification-service';
import { insertPerson } from '../persons/person-store';
import { createTestContext } from '../test/test-context';
import type { ServiceContext } from '../services/service-context';
import {
  deliveryAdapterFor,
  sendEmail,
  sendSms,
  useDeliveryAdapter,
  type DeliveryAdapter,
} from './delivery-port';
import { createSmtpMailAdapter, installMailAdapter } from './smtp-mail-adapter';

interface Received {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port = 0;

/** Undo quoted-printable (soft line breaks and =XX escapes) so the test reads the words themselves. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The decoded body of the MIME part with this content type. */
function partOf(raw: string, contentType: string): string | undefined {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return undefined;
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, split);
    if (!new RegExp(`content-type:\\s*${contentType}`, 'i').test(headers)) continue;
    const body = part.slice(split + 4);
    if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
    if (/content-transfer-encoding:\s*base64/i.test(headers)) {
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
    return body;
  }
  return undefined;
}

function messageIdOf(raw: string): string | undefined {
  return /^Message-ID: *(<[^>\r\n]+>)\r?$/im.exec(raw)?.[1];
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function contextWith(env: Record<string, string>): ServiceContext {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  // The adapter needs only the config (to be found by) and nothing from the database.
  return { config } as unknown as ServiceContext;
}

describe('SMTP mail adapter', () => {
  it('delivers a message with subject, recipient, a text part and an HTML part', async () => {
    const sms: DeliveryAdapter = {
      name: 'recording',
      sendSms: async () => undefined,
      sendEmail: async () => {
        throw new Error('the SMS adapter must not send e-mail');
      },
    };
    const adapter = createSmtpMailAdapter(
      { url: `smtp://127.0.0.1:${port}`, from: 'Lumbung <noreply@lumbung.test>' },
      sms,
    );
    const ctx = contextWith({});
    const before = received.length;
    await adapter.sendEmail(ctx, {
      to: 'siti.aminah@example.com',
      subject: 'Iuran Oktober 2026 belum diterima penuh',
      text: 'PT Maju Jaya belum membayar iuran Oktober 2026: Rp 1.234.567.',
      html: '<p>PT Maju Jaya belum membayar iuran <strong>Oktober 2026</strong>: Rp 1.234.567.</p>',
    });

    expect(received.length).toBe(before + 1);
    const message = received[received.length - 1]!;
    expect(message.from).toBe('noreply@lumbung.test');
    expect(message.to).toEqual(['siti.aminah@example.com']);
    expect(message.raw).toMatch(/^Subject: Iuran Oktober 2026 belum diterima penuh\r?$/m);
    expect(message.raw).toMatch(/^To: siti\.aminah@example\.com\r?$/m);
    expect(message.raw).toMatch(/content-type: multipart\/alternative/i);
    expect(partOf(message.raw, 'text/plain')?.trim()).toBe(
      'PT Maju Jaya belum membayar iuran Oktober 2026: Rp 1.234.567.',
    );
    expect(partOf(message.raw, 'text/html')?.trim()).toBe(
      '<p>PT Maju Jaya belum membayar iuran <strong>Oktober 2026</strong>: Rp 1.234.567.</p>',
    );
  });

  it('is selected by LUMBUNG_MAIL_ADAPTER=smtp and keeps the SMS adapter that was in force', async () => {
    const ctx = contextWith({
      LUMBUNG_MAIL_ADAPTER: 'smtp',
      LUMBUNG_SMTP_URL: `smtp://127.0.0.1:${port}`,
      LUMBUNG_MAIL_FROM: 'Lumbung <alerts@lumbung.test>',
    });
    const texts: string[] = [];
    useDeliveryAdapter(ctx, {
      name: 'recording-sms',
      sendSms: async (_ctx, message) => {
        texts.push(message.text);
      },
      sendEmail: async () => {
        throw new Error('e-mail must go over SMTP now');
      },
    });
    installMailAdapter(ctx);
    expect(deliveryAdapterFor(ctx).name).toBe('smtp+recording-sms');
    await sendSms(ctx, { to: '+6281234567890', text: 'SMS tetap lewat adapter SMS' });
    expect(texts).toEqual(['SMS tetap lewat adapter SMS']);

    const before = received.length;
    await sendEmail(ctx, { to: 'budi@example.com', subject: 'Halo', text: 'Teks saja.' });
    expect(received.length).toBe(before + 1);
    const message = received[received.length - 1]!;
    expect(message.from).toBe('alerts@lumbung.test');
    expect(message.to).toEqual(['budi@example.com']);
    expect(message.raw).toMatch(/^Subject: Halo\r?$/m);
    expect(message.raw).not.toMatch(/text\/html/i);
  });

  it('gives a message for a delivery a Message-ID derived from the delivery id, the same on every try', async () => {
    const adapter = createSmtpMailAdapter(
      { url: `smtp://127.0.0.1:${port}`, from: 'Lumbung <noreply@Lumbung.test>' },
      deliveryAdapterFor(contextWith({})),
    );
    const ctx = contextWith({});
    const before = received.length;
    const message = { to: 'rina@example.com', subject: 'Iuran', text: 'Teks.', deliveryId: 42 };
    await adapter.sendEmail(ctx, message);
    await adapter.sendEmail(ctx, message);
    await adapter.sendEmail(ctx, { ...message, deliveryId: 43 });
    await adapter.sendEmail(ctx, { to: 'rina@example.com', subject: 'Kode', text: 'Tanpa antrean.' });
    const ids = received.slice(before).map((m) => messageIdOf(m.raw));
    expect(ids.slice(0, 3)).toEqual([
      '<lumbung-delivery-42@lumbung.test>',
      '<lumbung-delivery-42@lumbung.test>',
      '<lumbung-delivery-43@lumbung.test>',
    ]);
    // Without a delivery (e.g. a one-time code sent at once) nodemailer makes up its own.
    expect(ids[3]).toMatch(/^<.+@.+>$/);
    expect(ids[3]).not.toContain('lumbung-delivery-');
  });

  it('a queued notification sent again after a crash before the sent mark keeps its Message-ID', async () => {
    const test = await createTestContext({
      env: {
        LUMBUNG_MAIL_ADAPTER: 'smtp',
        LUMBUNG_SMTP_URL: `smtp://127.0.0.1:${port}`,
        LUMBUNG_MAIL_FROM: 'Lumbung <alerts@lumbung.test>',
      },
    });
    try {
      installMailAdapter(test.ctx);
      const personId = await insertPerson(test.ctx.db, test.ctx.pii, {
        nik: '3273015501900301',
        fullName: 'Rina Wulandari',
        birthDate: '1990-01-15',
        sex: 'F',
        email: 'rina.smtp@example.com',
      });
      await notify(test.ctx, {
        personId,
        kind: CONTRIBUTION_ALERT_KIND,
        params: {
          employerName: 'CV Kopi Lereng Merapi',
          kpj: '99000000019',
          months: [
            {
              findingId: 1,
              period: '2026-04',
              kind: 'missing',
              expectedRupiah: 266_307,
              postedRupiah: 0,
              shortfallRupiah: 266_307,
            },
          ],
        },
      });
      const delivery = await test.ctx.db
        .selectFrom('notification_deliveries')
        .select('delivery_id')
        .where('person_id', '=', personId)
        .where('channel', '=', 'email')
        .executeTakeFirstOrThrow();
      const before = received.length;
      expect(await sendQueuedNotifications(test.ctx)).toMatchObject({ sent: 1 });
      // The process died after the server took the message but before 'sent' was written: the claim
      // is left 'sending' and is taken again once its lease has run out.
      await test.ctx.db
        .updateTable('notification_deliveries')
        .set({ status: 'sending', claimed_at: new Date(test.clock.now().getTime() - 11 * 60_000) })
        .where('delivery_id', '=', delivery.delivery_id)
        .execute();
      expect(await sendQueuedNotifications(test.ctx)).toMatchObject({ sent: 1 });
      const copies = received.slice(before);
      expect(copies.map((m) => m.to)).toEqual([['rina.smtp@example.com'], ['rina.smtp@example.com']]);
      expect(copies.map((m) => messageIdOf(m.raw))).toEqual([
        `<lumbung-delivery-${delivery.delivery_id}@lumbung.test>`,
        `<lumbung-delivery-${delivery.delivery_id}@lumbung.test>`,
      ]);
    } finally {
      await test.close();
    }
  }, 60_000);

  it('refuses an smtp adapter without a URL at configuration time', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', LUMBUNG_MAIL_ADAPTER: 'smtp' })).toThrow(/LUMBUNG_SMTP_URL/);
    expect(() => loadConfig({ NODE_ENV: 'test', LUMBUNG_SMTP_URL: 'http://mail' })).toThrow(/smtp:\/\//);
  });

  it('fails loudly when nothing listens', async () => {
    const closed = createSmtpMailAdapter(
      { url: 'smtp://127.0.0.1:1', from: 'x@lumbung.test' },
      deliveryAdapterFor(contextWith({})),
    );
    await expect(
      closed.sendEmail(contextWith({}), { to: 'a@example.com', subject: 's', text: 't' }),
    ).rejects.toThrow();
  });
});
