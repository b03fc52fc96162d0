import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { deliveryAdapterFor, type DeliveryAdapter, type EmailMessage } from '../delivery/delivery-port';
import { outboxAdapter } from '../delivery/outbox-adapter';
import type { ServiceContext } from '../services/service-context';
import { createTestContext, type TestContext } from '../test/test-context';
import { installSmsDelivery, sendLoggedSms, smsDeliveryAdapter } from './sms-delivery';
import { createSmsMember } from './sms-fixtures';
import { SmsGatewayError, type SmsGateway } from './sms-gateway';
import { applyDeliveryStatus, listSmsMessages } from './sms-message-log';

interface Handed {
  readonly to: string;
  readonly text: string;
  readonly reference: string | undefined;
  /** The logged message's status at the moment the gateway got it. */
  readonly statusWhenHanded: string | undefined;
}

describe('outbound SMS delivery', () => {
  let test: TestContext;
  let ctx: ServiceContext;

  beforeAll(async () => {
    test = await createTestContext();
    ctx = test.ctx;
  });
  afterAll(() => test.close());

  const row = (messageId: number) =>
    ctx.db
      .selectFrom('sms_messages')
      .selectAll()
      .where('message_id', '=', messageId)
      .executeTakeFirstOrThrow();

  /** A gateway that records what it is handed and answers with `answer` (or throws what it throws). */
  function recordingGateway(answer: () => { providerMessageId?: string } = () => ({})) {
    const handed: Handed[] = [];
    const gateway: SmsGateway = {
      name: 'kannel',
      send: async (to, text, options) => {
        const reference = options?.reference;
        const logged = reference === undefined ? undefined : await row(Number(reference));
        handed.push({ to, text, reference, statusWhenHanded: logged?.status });
        return answer();
      },
    };
    return { gateway, handed };
  }

  it('logs the message with number and text encrypted, then hands it over with its id as reference', async () => {
    const { gateway, handed } = recordingGateway(() => ({ providerMessageId: 'kannel-77' }));
    const phone = '+6281200000001';
    const text = 'Lumbung: 123456 adalah kode untuk pendaftaran akun Lumbung.';

    const messageId = await sendLoggedSms(ctx, gateway, { to: phone, text });

    expect(handed).toEqual([{ to: phone, text, reference: String(messageId), statusWhenHanded: 'queued' }]);
    const stored = await row(messageId);
    expect(stored).toMatchObject({
      direction: 'out',
      gateway: 'kannel',
      kind: 'notification',
      person_id: null,
      status: 'sent',
      status_detail: null,
      provider_message_id: 'kannel-77',
      segments: 1,
    });
    expect(stored.phone_cipher).not.toContain('81200000001');
    expect(ctx.pii.decrypt(stored.phone_cipher)).toBe(phone);
    expect(stored.phone_index).toBe(ctx.pii.blindIndex('phone', phone));
    expect(stored.text_cipher).not.toContain('123456');
    expect(ctx.pii.decrypt(stored.text_cipher)).toBe(text);
  });

  it('keeps the kind and the person, and the reference is what a delivery report updates', async () => {
    const member = await createSmsMember(ctx);
    const { gateway, handed } = recordingGateway();
    const phone = '+6281200000002';

    const messageId = await sendLoggedSms(ctx, gateway, {
      to: phone,
      text: 'Nomor HP ini dihubungkan oleh petugas. Bukan Anda? Kirim BERHENTI.',
      kind: 'linked_by_staff',
      personId: member.personId,
    });

    expect(await row(messageId)).toMatchObject({ kind: 'linked_by_staff', person_id: member.personId });
    expect(await applyDeliveryStatus(ctx, Number(handed[0]?.reference), 'delivered', 'kannel 1')).toBe(true);
    expect(await row(messageId)).toMatchObject({ status: 'delivered', status_detail: 'kannel 1' });
    const [listed] = await listSmsMessages(ctx, phone);
    expect(listed).toMatchObject({ messageId, direction: 'out', status: 'delivered' });
  });

  it.each([
    [
      'a gateway error',
      '+6281200000011',
      new SmsGatewayError('Kannel sendsms refused the message: 403 Authorization failed'),
      'Kannel sendsms refused the message: 403 Authorization failed',
    ],
    ['anything else thrown', '+6281200000012', 'broken', 'gateway error'],
  ])('marks the message failed on %s and rethrows it', async (_case, phone, thrown, detail) => {
    const { gateway, handed } = recordingGateway(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a gateway library may throw a non-Error
      throw thrown;
    });

    await expect(sendLoggedSms(ctx, gateway, { to: phone, text: 'Kode 654321' })).rejects.toBe(thrown);

    expect(handed).toHaveLength(1);
    expect(await row(Number(handed[0]?.reference))).toMatchObject({
      status: 'failed',
      status_detail: detail,
      provider_message_id: null,
    });
  });

  describe('the delivery adapter', () => {
    function recordingBase(): DeliveryAdapter & { emails: EmailMessage[] } {
      const emails: EmailMessage[] = [];
      return {
        name: 'smtp',
        emails,
        sendSms: () => Promise.reject(new Error('SMS must not reach the base adapter')),
        sendEmail: async (_ctx, message) => {
          emails.push(message);
        },
      };
    }

    it('sends SMS through the gateway with the number in E.164, and leaves e-mail to the base adapter', async () => {
      const { gateway, handed } = recordingGateway();
      const base = recordingBase();
      const adapter = smsDeliveryAdapter(gateway, base);
      expect(adapter.name).toBe('kannel-sms+smtp');

      await adapter.sendSms(ctx, { to: '0812-0000-0003', text: 'Kode 111222' });
      expect(handed).toEqual([
        expect.objectContaining({ to: '+6281200000003', text: 'Kode 111222', statusWhenHanded: 'queued' }),
      ]);
      const [logged] = await listSmsMessages(ctx, '+6281200000003');
      expect(logged).toMatchObject({ direction: 'out', kind: 'notification', status: 'sent' });

      const email = { to: 'siti@contoh.id', subject: 'Kode Lumbung: 111222', text: 'Kode 111222' };
      await adapter.sendEmail(ctx, email);
      expect(base.emails).toEqual([email]);
      expect(handed).toHaveLength(1);
    });

    it('lets a gateway failure reach the caller (dispatchInBackground logs it)', async () => {
      const error = new SmsGatewayError('Kannel sendsms could not be reached');
      const { gateway } = recordingGateway(() => {
        throw error;
      });
      const adapter = smsDeliveryAdapter(gateway, recordingBase());
      await expect(adapter.sendSms(ctx, { to: '+6281200000004', text: 'Kode 333444' })).rejects.toBe(error);
      const [logged] = await listSmsMessages(ctx, '+6281200000004');
      expect(logged?.status).toBe('failed');
    });
  });

  describe('installSmsDelivery', () => {
    const withEnv = (env: Record<string, string>): ServiceContext => ({
      ...ctx,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LUMBUNG_SEED_DEMO: 'false', ...env }),
    });

    it('leaves the development outbox in place with the console adapter', () => {
      const consoleCtx = withEnv({ LUMBUNG_SMS_ADAPTER: 'console' });
      installSmsDelivery(consoleCtx);
      expect(deliveryAdapterFor(consoleCtx)).toBe(outboxAdapter);
    });

    it('routes the delivery port through Kannel, keeping the e-mail adapter already installed', () => {
      const kannelCtx = withEnv({
        LUMBUNG_SMS_ADAPTER: 'kannel',
        LUMBUNG_SMS_INBOUND_SECRET: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        LUMBUNG_KANNEL_SENDSMS_URL: 'http://127.0.0.1:13013/cgi-bin/sendsms',
        LUMBUNG_KANNEL_USERNAME: 'lumbung',
        LUMBUNG_KANNEL_PASSWORD: 'sendsms-pass',
      });
      installSmsDelivery(kannelCtx);
      expect(deliveryAdapterFor(kannelCtx).name).toBe('kannel-sms+outbox');
    });
  });
});
