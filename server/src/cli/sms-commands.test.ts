// `lumbung sms` sends a text as a number through the SMS service on the real database and prints the
// replies: DAFTAR links the number, then SALDO answers the ledger's balance; a wrong call exits 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsMember, daftarText, postContribution, type SmsFixtureMember } from '../sms/sms-fixtures';
import { listSmsMessages } from '../sms/sms-message-log';
import { createTestContext, type TestContext } from '../test/test-context';
import { runSmsCommand } from './sms-commands';

let test: TestContext;
let member: SmsFixtureMember;

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00.000Z' });
  member = await createSmsMember(test.ctx);
  await postContribution(test.ctx, member, {
    period: '2026-10',
    jhtRupiah: 7_250_000,
    jpRupiah: 410_000,
    bookedAt: new Date('2026-11-12T03:00:00Z'),
  });
});
afterAll(async () => test.close());

async function sms(...args: string[]) {
  const out: string[] = [];
  const errors: string[] = [];
  const exitCode = await runSmsCommand(
    test.ctx,
    args,
    { write: (text: string) => out.push(text) },
    { write: (text: string) => errors.push(text) },
  );
  return { exitCode, out: out.join(''), errors: errors.join('') };
}

describe('lumbung sms', () => {
  it('answers DAFTAR then SALDO for the number, with the ledger balance, and logs both as sent', async () => {
    const before = await sms('081299990001', `SALDO ${member.kpj}`);
    expect(before.exitCode).toBe(0);
    expect(before.out).toContain('belum terdaftar');
    expect(before.out).not.toContain('Rp');

    // The words after the number are joined, so an unquoted command works too.
    const daftar = await sms('081299990001', ...daftarText(member).split(' '));
    expect(daftar).toEqual({
      exitCode: 0,
      out: `Nomor HP ini sudah terhubung ke KPJ ***${member.kpj.slice(-4)}. Cek saldo: kirim SALDO <KPJ> ke 2757. Bukan Anda? Kirim BERHENTI.\n`,
      errors: '',
    });
    const saldo = await sms('081299990001', `SALDO ${member.kpj}`);
    expect(saldo.out).toBe(
      `Saldo JHT KPJ ***${member.kpj.slice(-4)} per 22-11-2026: Rp 7.250.000. Iuran terakhir: Oktober 2026. Saldo JP: Rp 410.000.\n`,
    );
    const replies = (await listSmsMessages(test.ctx, '+6281299990001')).filter(
      (message) => message.direction === 'out',
    );
    expect(replies).toHaveLength(3);
    expect(replies.every((message) => message.status === 'sent')).toBe(true);
  });

  it('exits 2 with the usage when the text is missing, and for a number that is not a mobile', async () => {
    const missing = await sms('081299990002');
    expect(missing.exitCode).toBe(2);
    expect(missing.errors).toMatch(/^usage: lumbung sms <phone> "<text>"/);
    expect(missing.out).toBe('');
    const landline = await sms('0227654321', 'BANTUAN');
    expect(landline).toEqual({
      exitCode: 2,
      out: '',
      errors: '0227654321 is not an Indonesian mobile number (08…, 628…, +628…)\n',
    });
  });
});
