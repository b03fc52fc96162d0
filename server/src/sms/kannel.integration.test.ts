// End to end through a real Kannel (Debian's kannel + kannel-extras): fakesmsc → bearerbox → smsbox
// get-url → Lumbung → reply in the HTTP body → smsbox → bearerbox → fakesmsc, with the replies'
// delivery reports coming back to Lumbung.
// Skips when Kannel is not installed; with LUMBUNG_E2E=1 (CI) a missing Kannel is a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app';
import { createTestApp, type TestContext } from '../test/test-context';
import { freePorts, isKannelInstalled, KannelHarness } from './kannel-test-harness';
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
const PHONE = '6281299990001';

describe.runIf(installed || required)('SMS through Kannel', () => {
  let test: TestContext & { app: App };
  let kannel: KannelHarness;
  let member: SmsFixtureMember;

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

  it('DAFTAR then SALDO from the handset come back with the link confirmation and the balance', async () => {
    kannel.send(PHONE, '2757', daftarText(member));
    const confirmation = await kannel.nextFor(PHONE, 0);
    expect(confirmation).toEqual({
      from: '2757',
      to: PHONE,
      text: `Nomor HP ini sudah terhubung ke KPJ ***${member.kpj.slice(-4)}. Cek saldo: kirim SALDO <KPJ> ke 2757. Bukan Anda? Kirim BERHENTI.`,
    });

    kannel.send(PHONE, '2757', `saldo ${member.kpj}`);
    const balance = await kannel.nextFor(PHONE, 1);
    expect(balance.text).toBe(
      `Saldo JHT KPJ ***${member.kpj.slice(-4)} per 22-11-2026: Rp 12.345.678. Iuran terakhir: Oktober 2026. Saldo JP: Rp 1.234.567.`,
    );

    // Kannel reports the replies' delivery (the fake SMSC reports every message delivered) on the X-Kannel-DLR-Url.
    await kannel.waitFor(async () => {
      const replies = (await listSmsMessages(test.ctx, `+${PHONE}`)).filter(
        (message) => message.direction === 'out',
      );
      return replies.length === 2 && replies.every((message) => message.status === 'delivered');
    }, 'delivery reports for both replies');
  }, 30_000);
});
