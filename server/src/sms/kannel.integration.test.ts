// End to end through a real Kannel (Debian's kannel + kannel-extras): fakesmsc → bearerbox → smsbox
// get-url → Lumbung → reply in the HTTP body → smsbox → bearerbox → fakesmsc, a one-time code out
// through smsbox's sendsms, and every message's delivery report coming back to Lumbung.
// Skips when Kannel is not installed; with LUMBUNG_E2E=1 (CI) a missing Kannel is a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushDeliveries } from '../delivery/delivery-port';
import type { App } from '../http/app';
import { registryMember } from '../identity/test-support';
import { createTestApp, type TestContext } from '../test/test-context';
import { freePorts, isKannelInstalled, KannelHarness } from './kannel-test-harness';
import { installSmsDelivery } from './sms-delivery';
import { createSmsMember, daftarText, postContribution, type SmsFixtureMember } from './sms-fixtures';
import { listSmsMessages } from './sms-message-log';

const installed = isKannelInstalled();
const required = process.env.LUMBUNG_E2E === '1';
if (!installed && !required) {
  console.warn(
    'kannel.integration.test: SKIPPED — /usr/sbin/bearerbox, smsbox or fakesmsc not found (apt-get install kannel kannel-extras)',
  );
}

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
/** The member's handset. */
const PHONE = '6281299990001';
/** Someone else's handset, never linked. */
const OTHER_PHONE = '6281299990002';
/** Where the registration code goes. */
const OTP_PHONE = '6281299990003';

const NOT_REGISTERED =
  'Nomor HP ini belum terdaftar untuk KPJ tersebut. Daftar dulu: DAFTAR <KPJ> <DD-MM-YYYY> <NIK> ke 2757.';

describe.runIf(installed || required)('SMS through Kannel', () => {
  let test: TestContext & { app: App };
  let kannel: KannelHarness;
  let member: SmsFixtureMember;

  /** Sends `text` from a handset and returns the one reply fakesmsc gets for it. */
  async function exchange(from: string, text: string): Promise<{ from: string; to: string; text: string }> {
    const before = kannel.received.filter((sms) => sms.to === from).length;
    kannel.send(from, '2757', text);
    return kannel.nextFor(from, before);
  }

  /** Waits until a number has `count` outbound messages, all reported delivered by Kannel. */
  async function expectDelivered(phoneE164: string, count: number): Promise<void> {
    await kannel.waitFor(async () => {
      const out = (await listSmsMessages(test.ctx, phoneE164)).filter(
        (message) => message.direction === 'out',
      );
      return out.length === count && out.every((message) => message.status === 'delivered');
    }, `${count} delivered messages to ${phoneE164}`);
  }

  beforeAll(async () => {
    if (!installed)
      throw new Error('LUMBUNG_E2E=1 but Kannel is not installed (apt-get install kannel kannel-extras)');
    const [appPort, admin, smsbox, fakeSmsc, sendsms] = (await freePorts(5)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    test = await createTestApp({
      now: '2026-11-22T03:00:00.000Z',
      env: {
        LUMBUNG_SMS_ADAPTER: 'kannel',
        LUMBUNG_SMS_INBOUND_SECRET: SECRET,
        LUMBUNG_KANNEL_SENDSMS_URL: `http://127.0.0.1:${sendsms}/cgi-bin/sendsms`,
        LUMBUNG_KANNEL_USERNAME: 'lumbung',
        LUMBUNG_KANNEL_PASSWORD: 'sendsms-pass',
        LUMBUNG_PUBLIC_URL: `http://127.0.0.1:${appPort}`,
      },
    });
    // As at start-up (runtime.ts): the delivery port's SMS go out through Kannel's sendsms.
    installSmsDelivery(test.ctx);
    await test.app.listen({ host: '127.0.0.1', port: appPort });
    member = await createSmsMember(test.ctx);
    await postContribution(test.ctx, member, {
      period: '2026-10',
      jhtRupiah: 12_345_678,
      jpRupiah: 1_234_567,
      bookedAt: new Date('2026-11-14T03:00:00Z'),
    });
    kannel = await KannelHarness.start({
      ports: { admin, smsbox, fakeSmsc, sendsms },
      getUrl: `http://127.0.0.1:${appPort}/api/v1/sms/kannel?secret=${SECRET}&from=%p&to=%P&text=%a&id=%I`,
      username: 'lumbung',
      password: 'sendsms-pass',
    });
  }, 60_000);

  afterAll(async () => {
    await kannel?.stop();
    await test?.close();
  });

  it('answers DAFTAR, SALDO, BANTUAN, an unlinked SALDO and BERHENTI, and records their delivery', async () => {
    const last4 = member.kpj.slice(-4);
    expect(await exchange(PHONE, daftarText(member))).toEqual({
      from: '2757',
      to: PHONE,
      text: `Nomor HP ini sudah terhubung ke KPJ ***${last4}. Cek saldo: kirim SALDO <KPJ> ke 2757. Bukan Anda? Kirim BERHENTI.`,
    });
    expect((await exchange(PHONE, `saldo ${member.kpj}`)).text).toBe(
      `Saldo JHT KPJ ***${last4} per 22-11-2026: Rp 12.345.678. Iuran terakhir: Oktober 2026. Saldo JP: Rp 1.234.567.`,
    );
    expect((await exchange(PHONE, 'BANTUAN')).text).toBe(
      'SMS 2757: DAFTAR <KPJ> <DD-MM-YYYY> <NIK> untuk daftar. SALDO <KPJ> untuk cek saldo. BERHENTI untuk berhenti. Info: 175.',
    );

    // The member's KPJ from a number that never sent DAFTAR: no balance, the same text as for any KPJ.
    const unlinked = await exchange(OTHER_PHONE, `SALDO ${member.kpj}`);
    expect(unlinked).toEqual({ from: '2757', to: OTHER_PHONE, text: NOT_REGISTERED });
    expect(unlinked.text).not.toContain('Rp');

    expect((await exchange(PHONE, 'BERHENTI')).text).toBe(
      'Layanan SMS saldo untuk nomor ini dihentikan. Untuk daftar lagi kirim DAFTAR <KPJ> <DD-MM-YYYY> <NIK> ke 2757.',
    );
    // Unlinked now: the balance is no longer given to this number.
    expect((await exchange(PHONE, `SALDO ${member.kpj}`)).text).toBe(NOT_REGISTERED);

    // The fake SMSC reports every message delivered; Kannel calls the X-Kannel-DLR-Url of each reply.
    await expectDelivered(`+${PHONE}`, 5);
    await expectDelivered(`+${OTHER_PHONE}`, 1);
  }, 60_000);

  it('sends a registration code through sendsms, and the code that arrives completes registration', async () => {
    const person = await registryMember(test.ctx, { phone: `+${OTP_PHONE}` });
    const started = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        nik: person.nik,
        kpj: person.kpj,
        fullName: person.fullName,
        birthDate: person.birthDate,
        phone: `0${OTP_PHONE.slice(2)}`,
        email: person.email,
        password: 'kebun-kopi-di-lembang',
        channel: 'sms',
      },
    });
    expect(started.statusCode).toBe(202);
    await flushDeliveries();

    const sms = await kannel.nextFor(OTP_PHONE, 0);
    const code = /^Lumbung: (\d{6}) /.exec(sms.text)?.[1] ?? '';
    expect(sms).toEqual({
      from: '2757',
      to: OTP_PHONE,
      text: `Lumbung: ${code} adalah kode untuk pendaftaran akun Lumbung. Berlaku 5 menit. JANGAN berikan kepada siapa pun, termasuk petugas.`,
    });
    expect(code).toMatch(/^\d{6}$/);

    const verified = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register/verify',
      payload: { registrationId: started.json<{ registrationId: string }>().registrationId, code },
    });
    expect(verified.statusCode).toBe(201);

    // sendsms carried Lumbung's dlr-url; the report moves the logged message from 'sent' to 'delivered'.
    await expectDelivered(`+${OTP_PHONE}`, 1);
    const [logged] = await listSmsMessages(test.ctx, `+${OTP_PHONE}`);
    expect(logged).toMatchObject({ direction: 'out', kind: 'notification', text: sms.text });
  }, 60_000);
});
