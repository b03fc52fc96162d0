import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSmsCommand, smsKeywordLanguage } from './sms-command';

const KPJ = '99000000018';
const NIK = '3171015708900001';
const register = (form: 'current' | 'legacy') => ({
  kind: 'register',
  kpj: KPJ,
  birthDate: '1990-08-17',
  nik: NIK,
  form,
});

describe('DAFTAR', () => {
  it.each([
    `DAFTAR ${KPJ} 17-08-1990 ${NIK}`,
    `daftar   ${KPJ}   17/08/1990   ${NIK}  `,
    `Daftar#${KPJ}#17081990#${NIK}`,
    `DAFTAR*${KPJ}*17.08.1990*${NIK}`,
    `DAFTAR.${KPJ}.17-08-1990.${NIK}`,
    `DAFTAR-${KPJ}-17-08-1990-${NIK}`,
    `DAFTAR,${KPJ},17-8-1990,${NIK}`,
    `DAFTAR ${KPJ} 17 08 1990 ${NIK}`,
    `DAFTAR 99 0000 0001 8 17-08-1990 3171 0157 0890 0001`,
    `DAFTAR ${KPJ}17081990${NIK}`,
    `DAFTAR\t${KPJ}\n17-08-1990\r\n${NIK}`,
    `DAFTAR ${KPJ} 17–08–1990 ${NIK}`, // en dashes from a smartphone keyboard
    `ＤＡＦＴＡＲ\u3000${KPJ}\u300017-08-1990\u3000${NIK}`, // full-width forms fold (NFKC)
    `DAF\u200bTAR ${KPJ} 17-08-1990 ${NIK}`, // zero-width space
  ])('reads %j', (text) => {
    expect(parseSmsCommand(text)).toEqual({ ok: true, value: register('current') });
  });

  it.each([
    `DAFTAR SALDO#${NIK}#17-08-1990#${KPJ}#siti@example.com`,
    `daftar saldo#${NIK}#17081990#${KPJ}#Siti.Aminah@Mail.co.id`,
    `DAFTARSALDO#${NIK}#17-08-1990#${KPJ}`,
    `DAFTAR SALDO ${NIK} 17-08-1990 ${KPJ}`,
    `DAFTAR#${NIK}#17-08-1990#${KPJ}`,
  ])('reads the older form %j', (text) => {
    expect(parseSmsCommand(text)).toEqual({ ok: true, value: register('legacy') });
  });

  it('also drops an e-mail added to the current form', () => {
    expect(parseSmsCommand(`DAFTAR ${KPJ} 17-08-1990 ${NIK} siti@example.com`)).toEqual({
      ok: true,
      value: register('current'),
    });
  });

  it.each([
    ['nothing after the keyword', 'DAFTAR'],
    ['a missing NIK', `DAFTAR ${KPJ} 17-08-1990`],
    ['a short KPJ', `DAFTAR 9900000001 17-08-1990 ${NIK}`],
    ['a long NIK', `DAFTAR ${KPJ} 17-08-1990 ${NIK}9`],
    ['a two-digit year', `DAFTAR ${KPJ} 17-08-90 ${NIK}`],
    ['a date that does not exist', `DAFTAR ${KPJ} 31-02-1990 ${NIK}`],
    ['month 13', `DAFTAR ${KPJ} 01-13-1990 ${NIK}`],
    ['letters in a field', `DAFTAR ${KPJ} 17-AGU-1990 ${NIK}`],
    ['SQL-ish text', `DAFTAR ${KPJ}'; DROP TABLE persons;-- 17-08-1990 ${NIK}`],
    ['Arabic-Indic digits', `DAFTAR ٩٩٠٠٠٠٠٠٠١٨ 17-08-1990 ${NIK}`],
    ['a date with four groups', `DAFTAR ${KPJ} 17-08-19-90 ${NIK}`],
  ])('refuses %s as malformed', (_label, text) => {
    expect(parseSmsCommand(text)).toEqual({ ok: false, code: 'sms_register_malformed' });
  });
});

describe('SALDO', () => {
  it.each([
    [`SALDO ${KPJ}`, KPJ],
    [`saldo#${KPJ}`, KPJ],
    [` Saldo  990-0000-0018 `, KPJ],
    [`SALDO${KPJ}`, KPJ],
    ['SALDO', null],
    ['saldo.', null],
    ['  SALDO  ', null],
  ])('reads %j', (text, kpj) => {
    expect(parseSmsCommand(text)).toEqual({ ok: true, value: { kind: 'balance', kpj } });
  });

  it.each(['SALDO 123', 'SALDO JHT', `SALDO ${KPJ} ${KPJ}`, "SALDO 1' OR '1'='1", 'SALDO <script>'])(
    'refuses %j as malformed',
    (text) => {
      expect(parseSmsCommand(text)).toEqual({ ok: false, code: 'sms_balance_malformed' });
    },
  );
});

describe('help, stop and everything else', () => {
  it.each([
    ['BANTUAN', 'help'],
    ['help', 'help'],
    ['Help me please', 'help'],
    ['BERHENTI', 'stop'],
    ['stop', 'stop'],
    ['STOP ALL', 'stop'],
    ['unreg', 'stop'],
  ])('%j is %s', (text, kind) => {
    expect(parseSmsCommand(text)).toEqual({ ok: true, value: { kind } });
  });

  it.each([
    '',
    '   ',
    '\u0000\u0007\u001b',
    'HALO',
    '1234',
    'САЛДО 99000000018', // Cyrillic look-alikes stay unknown
    'ЅALDO 99000000018', // Cyrillic DZE for S
    'SALDOKU',
    'DAFTARKAN 99000000018',
    "'; DROP TABLE sms_messages; --",
    'DAFTAR '.repeat(100),
    'x'.repeat(100_000),
    '\ud800',
  ])('%j is an unknown command', (text) => {
    expect(parseSmsCommand(text)).toEqual({ ok: false, code: 'sms_command_unknown' });
  });

  it('tells the language of the keyword', () => {
    expect(smsKeywordLanguage('help')).toBe('en');
    expect(smsKeywordLanguage('STOP')).toBe('en');
    expect(smsKeywordLanguage('bantuan')).toBe('id');
    expect(smsKeywordLanguage('UNREG')).toBeNull();
    expect(smsKeywordLanguage('halo')).toBeNull();
  });
});

describe('the parser is total', () => {
  const fieldish = fc.constantFrom(
    'DAFTAR',
    'SALDO',
    'BANTUAN',
    'STOP',
    '#',
    ' ',
    '-',
    '/',
    '.',
    '*',
    '17',
    '08',
    '1990',
    KPJ,
    NIK,
    '@',
    'é',
    '\u0000',
    '😀',
  );
  it('never throws and always returns ok or a known code (property)', () => {
    const known = new Set(['sms_command_unknown', 'sms_register_malformed', 'sms_balance_malformed']);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 600 }),
          fc.array(fieldish, { maxLength: 12 }).map((parts) => parts.join('')),
        ),
        (text) => {
          const result = parseSmsCommand(text);
          if (!result.ok) expect(known.has(result.code)).toBe(true);
          else if (result.value.kind === 'register') {
            expect(result.value.kpj).toMatch(/^\d{11}$/);
            expect(result.value.nik).toMatch(/^\d{16}$/);
            expect(result.value.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses very long input without reading it', () => {
    expect(parseSmsCommand(`DAFTAR ${'1-'.repeat(50_000)}`)).toEqual({
      ok: false,
      code: 'sms_command_unknown',
    });
  });
});
