import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiCipher, generatePiiKeys, parsePiiKeys } from '../crypto/pii-cipher';
import { flushDeliveries } from '../delivery/delivery-port';
import { readOutbox } from '../delivery/outbox-adapter';
import { createTestContext, type TestContext } from '../test/test-context';
import { linkPhone, unlinkPhone } from './phone-link-service';
import { ledgerSmsBalanceReader } from './sms-balance';
import { createSmsMember, daftarText, postContribution, type SmsFixtureMember } from './sms-fixtures';
import { listSmsMessages } from './sms-message-log';
import { handleInboundSms, type SmsServiceDeps } from './sms-service';

let test: TestContext;
let member: SmsFixtureMember;
const deps: SmsServiceDeps = { readBalance: ledgerSmsBalanceReader };
let phoneSerial = 100_000;
/** A fresh number per test, so per-number limits of one test do not touch another. */
const newPhone = (): string => `6281234${phoneSerial++}`;

async function send(from: string, text: string, extra: Partial<Parameters<typeof handleInboundSms>[2]> = {}) {
  const outcome = await handleInboundSms(test.ctx, deps, { from, text, gateway: 'simulator', ...extra });
  return { ...outcome, texts: outcome.replies.map((reply) => reply.text) };
}

const FAILED =
  'Data tidak cocok dengan data kepesertaan. Periksa KPJ, tanggal lahir dan NIK lalu coba lagi, atau hubungi 175.';

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00.000Z' });
  member = await createSmsMember(test.ctx);
  await postContribution(test.ctx, member, {
    period: '2026-09',
    jhtRupiah: 6_000_000,
    jpRupiah: 1_000_000,
    bookedAt: new Date('2026-10-15T03:00:00Z'),
  });
  await postContribution(test.ctx, member, {
    period: '2026-10',
    jhtRupiah: 6_345_678,
    jpRupiah: 234_567,
    bookedAt: new Date('2026-11-14T03:00:00Z'),
  });
});
afterAll(async () => test.close());

describe('DAFTAR', () => {
  it('links the number when KPJ, birth date and NIK match, and confirms it', async () => {
    const phone = newPhone();
    const { texts } = await send(phone, daftarText(member));
    expect(texts).toEqual([
      `Nomor HP ini sudah terhubung ke KPJ ***${member.kpj.slice(-4)}. Cek saldo: kirim SALDO <KPJ> ke 2757. Bukan Anda? Kirim BERHENTI.`,
    ]);
    const links = await test.ctx.db
      .selectFrom('sms_phone_links')
      .selectAll()
      .where('account_id', '=', member.accountId)
      .execute();
    expect(
      links.some(
        (link) => link.linked_by === 'sms' && test.ctx.pii.decrypt(link.phone_cipher) === `+${phone}`,
      ),
    ).toBe(true);
  });

  it('gives the same reply whichever field is wrong, and links nothing', async () => {
    const phone = newPhone();
    const wrongNik = await send(phone, `DAFTAR ${member.kpj} 17-08-1990 ${member.nik.slice(0, 15)}9`);
    const wrongDate = await send(phone, `DAFTAR ${member.kpj} 18-08-1990 ${member.nik}`);
    const unknownKpj = await send(phone, `DAFTAR 12345678901 17-08-1990 ${member.nik}`);
    expect(wrongNik.texts).toEqual([FAILED]);
    expect(wrongDate.texts).toEqual([FAILED]);
    expect(unknownKpj.texts).toEqual([FAILED]);
    expect((await send(phone, `SALDO ${member.kpj}`)).texts[0]).not.toContain('Rp');
  });

  it('stores number and text encrypted under the PII key, not merely encoded', async () => {
    const phone = newPhone();
    await send(phone, daftarText(member));
    const rows = await test.ctx.db
      .selectFrom('sms_messages')
      .selectAll()
      .where('phone_index', '=', test.ctx.pii.blindIndex('phone', `+${phone}`))
      .orderBy('message_id')
      .execute();
    expect(rows.map((row) => row.direction)).toEqual(['in', 'out']);
    const [inbound, outbound] = rows;
    // The PII cipher reads them back to exactly what was sent and answered.
    expect(test.ctx.pii.decrypt(inbound!.phone_cipher)).toBe(`+${phone}`);
    expect(test.ctx.pii.decrypt(inbound!.text_cipher)).toBe(daftarText(member));
    expect(test.ctx.pii.decrypt(outbound!.text_cipher)).toMatch(/^Nomor HP ini sudah terhubung ke KPJ/);
    // The same number is stored twice under different random IVs, so equal values do not look equal.
    expect(outbound!.phone_cipher).not.toBe(inbound!.phone_cipher);
    expect(test.ctx.pii.decrypt(outbound!.phone_cipher)).toBe(`+${phone}`);

    const anotherKey = generatePiiKeys();
    const otherCipher = createPiiCipher(parsePiiKeys(anotherKey.piiKeys, anotherKey.blindIndexKey));
    for (const stored of [inbound!.phone_cipher, inbound!.text_cipher]) {
      expect(stored).not.toContain(phone.slice(2));
      expect(stored).not.toContain(member.nik);
      // No plain encoding of the stored string or of any of its parts gives the plaintext back.
      const decodings = [stored, ...stored.split(':')].flatMap((part) =>
        (['base64', 'base64url', 'hex', 'latin1'] as const).map((encoding) =>
          Buffer.from(part, encoding).toString('utf8'),
        ),
      );
      for (const decoded of decodings) {
        expect(decoded).not.toContain(phone.slice(2));
        expect(decoded).not.toContain(member.nik);
      }
      // Without the key it cannot be read: another key refuses it (the GCM tag does not verify).
      expect(() => otherCipher.decrypt(stored)).toThrow();
    }
    const logged = await listSmsMessages(test.ctx, `+${phone}`);
    expect(logged.find((message) => message.direction === 'in')?.text).toBe(daftarText(member));
    expect(logged.find((message) => message.direction === 'in')?.kind).toBe('register');
  });

  it('locks DAFTAR after five attempts a day from one number', async () => {
    const phone = newPhone();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await send(phone, `DAFTAR ${member.kpj} 01-01-1990 ${member.nik}`)).texts).toEqual([FAILED]);
    }
    const locked = await send(phone, daftarText(member));
    expect(locked.texts[0]).toContain('Terlalu banyak percobaan DAFTAR');
    expect((await send(phone, `SALDO ${member.kpj}`)).texts[0]).toContain('belum terdaftar');
  });
});

describe('SALDO', () => {
  it('gives no balance to a number that is not linked', async () => {
    const { texts } = await send(newPhone(), `SALDO ${member.kpj}`);
    expect(texts).toEqual([
      'Nomor HP ini belum terdaftar untuk KPJ tersebut. Daftar dulu: DAFTAR <KPJ> <DD-MM-YYYY> <NIK> ke 2757.',
    ]);
    expect(texts[0]).not.toMatch(/Rp|\d{3}\.\d{3}/);
    expect((await send(newPhone(), 'SALDO')).texts[0]).not.toContain('Rp');
  });

  it('answers a linked number with JHT as of today, the last contribution month and JP', async () => {
    const phone = newPhone();
    await send(phone, daftarText(member));
    const expected = `Saldo JHT KPJ ***${member.kpj.slice(-4)} per 22-11-2026: Rp 12.345.678. Iuran terakhir: Oktober 2026. Saldo JP: Rp 1.234.567.`;
    expect((await send(phone, `SALDO ${member.kpj}`)).texts).toEqual([expected]);
    expect((await send(phone, 'saldo')).texts).toEqual([expected]);
  });

  it('answers in English when the member chose English', async () => {
    const english = await createSmsMember(test.ctx, { preferredLanguage: 'en' });
    const phone = newPhone();
    expect((await send(phone, daftarText(english))).texts[0]).toMatch(/^This phone is now linked/);
    expect((await send(phone, 'SALDO')).texts).toEqual([
      `JHT balance KPJ ***${english.kpj.slice(-4)} as of 22-11-2026: Rp 0. Last contribution: none yet. JP balance: Rp 0.`,
    ]);
  });

  it('asks which KPJ when the number is linked to several', async () => {
    const other = await createSmsMember(test.ctx);
    const phone = newPhone();
    await send(phone, daftarText(member));
    await send(phone, daftarText(other));
    expect((await send(phone, 'SALDO')).texts[0]).toMatch(/^Nomor ini terhubung ke 2 KPJ/);
    expect((await send(phone, `SALDO ${other.kpj}`)).texts[0]).toContain('Rp 0');
  });

  it('says the service is unavailable when the ledger cannot be read, and still logs both messages', async () => {
    const phone = newPhone();
    await send(phone, daftarText(member));
    const failing: SmsServiceDeps = { readBalance: () => Promise.reject(new Error('replica down')) };
    const outcome = await handleInboundSms(test.ctx, failing, {
      from: phone,
      text: 'SALDO',
      gateway: 'simulator',
    });
    expect(outcome.replies.map((reply) => reply.text)).toEqual([
      'Maaf, layanan saldo sedang tidak tersedia. Silakan coba lagi nanti.',
    ]);
    expect((await listSmsMessages(test.ctx, `+${phone}`)).slice(0, 2).map((message) => message.kind)).toEqual(
      ['unavailable', 'balance'],
    );
  });
});

describe('STOP, help, unknown text and limits', () => {
  it('STOP unlinks the number', async () => {
    const phone = newPhone();
    await send(phone, daftarText(member));
    expect((await send(phone, 'SALDO')).texts[0]).toContain('Rp 12.345.678');
    expect((await send(phone, 'berhenti')).texts[0]).toMatch(/^Layanan SMS saldo untuk nomor ini dihentikan/);
    expect((await send(phone, 'SALDO')).texts[0]).not.toContain('Rp');
  });

  it('answers help and anything else with the formats', async () => {
    const phone = newPhone();
    expect((await send(phone, 'HELP')).texts[0]).toMatch(
      /^SMS 2757: DAFTAR <KPJ> <DD-MM-YYYY> <NIK> to register/,
    );
    expect((await send(phone, 'halo')).texts[0]).toMatch(/^Perintah tidak dikenal/);
    expect((await send(phone, 'DAFTAR 123')).texts[0]).toMatch(/^Format salah. Kirim DAFTAR/);
  });

  it('limits a number to 10 messages an hour: one warning, then silence', async () => {
    const phone = newPhone();
    for (let index = 0; index < 10; index += 1) expect((await send(phone, 'BANTUAN')).texts).toHaveLength(1);
    expect((await send(phone, 'BANTUAN')).texts).toEqual([
      'Terlalu banyak pesan dari nomor ini. Silakan coba lagi dalam 1 jam.',
    ]);
    expect((await send(phone, 'BANTUAN')).texts).toEqual([]);
    test.clock.advanceMs(3_600_000);
    expect((await send(phone, 'BANTUAN')).texts[0]).toMatch(/^SMS 2757/);
  });

  it('answers a retried gateway message once', async () => {
    const phone = newPhone();
    const first = await send(phone, 'BANTUAN', { providerMessageId: 'kannel-uuid-1' });
    const again = await send(phone, 'BANTUAN', { providerMessageId: 'kannel-uuid-1' });
    expect(again.isRepeat).toBe(true);
    expect(again.texts).toEqual(first.texts);
    expect(await listSmsMessages(test.ctx, `+${phone}`)).toHaveLength(2);
  });

  it('ignores numbers that are not Indonesian mobiles', async () => {
    expect(await send('+4930123456', 'SALDO')).toMatchObject({ inboundMessageId: null, replies: [] });
  });
});

describe('staff links', () => {
  it('links a number for a member, sends the confirmation through the delivery port, and unlinks', async () => {
    const phone = '0812-7777-0001';
    const linked = await linkPhone(test.ctx, {
      personId: member.personId,
      accountId: member.accountId,
      phone,
      linkedBy: 1,
    });
    expect(linked).toEqual({ ok: true, value: { phone: '+6281277770001', isNew: true } });
    await flushDeliveries();
    const outbox = await readOutbox(test.ctx, '+6281277770001');
    expect(outbox[0]?.text).toBe(
      `Petugas mendaftarkan nomor ini untuk KPJ ***${member.kpj.slice(-4)}. Kirim SALDO ke 2757 untuk cek saldo. Bukan Anda? Kirim BERHENTI.`,
    );
    expect((await send('6281277770001', 'SALDO')).texts[0]).toContain('Rp 12.345.678');
    expect(await unlinkPhone(test.ctx, { accountId: member.accountId, phone })).toEqual({
      ok: true,
      value: { unlinked: 1 },
    });
    expect(await unlinkPhone(test.ctx, { accountId: member.accountId, phone })).toMatchObject({
      ok: false,
      code: 'sms_link_not_found',
    });
    expect(
      await linkPhone(test.ctx, {
        personId: member.personId + 999,
        accountId: member.accountId,
        phone,
        linkedBy: 1,
      }),
    ).toMatchObject({
      ok: false,
      code: 'sms_account_not_found',
    });
  });

  it('stops KPJ guessing across many numbers after 10 failures a day', async () => {
    const target = await createSmsMember(test.ctx);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(
        (
          await send(
            newPhone(),
            `DAFTAR ${target.kpj} 17-08-1990 31710157089099${String(attempt).padStart(2, '0')}`,
          )
        ).texts,
      ).toEqual([FAILED]);
    }
    expect((await send(newPhone(), daftarText(target))).texts).toEqual([FAILED]);
  });
});
