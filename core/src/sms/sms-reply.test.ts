import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../errors/message';
import { GSM7_PART_SEPTETS, GSM7_SINGLE_SEPTETS, gsm7Septets, isGsm7, segmentSms } from './gsm7';
import { parseSmsCommand } from './sms-command';
import { formatSmsRupiah, renderSmsReply, type SmsReply } from './sms-reply';

const options = { shortCode: '2757' };
const KPJ = '99000000018';

const everyKind: SmsReply[] = [
  { kind: 'help' },
  { kind: 'format', topic: 'register' },
  { kind: 'format', topic: 'balance' },
  { kind: 'format', topic: 'any' },
  { kind: 'register_ok', kpj: KPJ },
  { kind: 'register_failed' },
  { kind: 'register_locked' },
  {
    kind: 'balance',
    kpj: KPJ,
    asOf: '2026-11-22',
    jhtRupiah: 12_345_678,
    jpRupiah: 1_234_567,
    lastContributionPeriod: '2026-10',
  },
  {
    kind: 'balance',
    kpj: KPJ,
    asOf: '2026-11-22',
    jhtRupiah: 0,
    jpRupiah: null,
    lastContributionPeriod: null,
  },
  { kind: 'balance_not_linked' },
  { kind: 'balance_choose_account', kpjs: [KPJ, '99000000026', '99000000034', '99000000042'] },
  { kind: 'stopped' },
  { kind: 'rate_limited' },
  { kind: 'linked_by_staff', kpj: KPJ },
  { kind: 'unavailable' },
];

describe('reply texts', () => {
  it('formats money the way members read it', () => {
    expect(formatSmsRupiah(12_345_678)).toBe('Rp 12.345.678');
    expect(formatSmsRupiah(0)).toBe('Rp 0');
    expect(formatSmsRupiah(-1_500)).toBe('-Rp 1.500');
  });

  it('answers SALDO with the JHT balance, its date, the last contribution month and JP', () => {
    expect(renderSmsReply(everyKind[7]!, 'id', options)).toBe(
      'Saldo JHT KPJ ***0018 per 22-11-2026: Rp 12.345.678. Iuran terakhir: Oktober 2026. Saldo JP: Rp 1.234.567.',
    );
    expect(renderSmsReply(everyKind[7]!, 'en', options)).toBe(
      'JHT balance KPJ ***0018 as of 22-11-2026: Rp 12.345.678. Last contribution: October 2026. JP balance: Rp 1.234.567.',
    );
    expect(renderSmsReply(everyKind[8]!, 'id', options)).toContain(
      'Iuran terakhir: belum ada. JP: tidak ikut.',
    );
  });

  it('never names the wrong field of a failed DAFTAR', () => {
    const text = renderSmsReply({ kind: 'register_failed' }, 'id', options);
    expect(text).not.toMatch(/salah|tidak valid|tidak ditemukan/i);
    expect(text).toContain('KPJ, tanggal lahir dan NIK');
  });

  it.each(
    everyKind.flatMap((reply) =>
      (['id', 'en'] as Language[]).map((language) => [reply.kind, language, reply] as const),
    ),
  )('%s (%s) is GSM-7 and fits one SMS', (_kind, language, reply) => {
    const text = renderSmsReply(reply, language, options);
    expect(isGsm7(text)).toBe(true);
    expect(gsm7Septets(text)).toBeLessThanOrEqual(GSM7_SINGLE_SEPTETS);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('every reply to any input is GSM-7 and correctly segmented (property)', () => {
    const balance = fc.record({
      kind: fc.constant('balance' as const),
      kpj: fc.stringMatching(/^\d{11}$/),
      asOf: fc.constantFrom('2026-11-22', '1999-01-01', '2199-12-31'),
      jhtRupiah: fc.maxSafeNat(),
      jpRupiah: fc.option(fc.maxSafeNat()),
      lastContributionPeriod: fc.option(fc.constantFrom('2026-10', '1990-01', '2199-12')),
    });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        balance,
        fc.constantFrom<Language>('id', 'en'),
        fc.stringMatching(/^\d{3,6}$/),
        (input, balanceReply, language, shortCode) => {
          const parsed = parseSmsCommand(input);
          const reply: SmsReply = parsed.ok
            ? parsed.value.kind === 'balance'
              ? { ...balanceReply, kpj: parsed.value.kpj ?? balanceReply.kpj }
              : { kind: 'help' }
            : { kind: 'format', topic: 'any' };
          const text = renderSmsReply(reply, language, { shortCode });
          expect(isGsm7(text)).toBe(true);
          const { encoding, parts } = segmentSms(text);
          expect(encoding).toBe('gsm7');
          expect(parts.join('')).toBe(text);
          if (parts.length === 1) expect(gsm7Septets(text)).toBeLessThanOrEqual(GSM7_SINGLE_SEPTETS);
          else for (const part of parts) expect(gsm7Septets(part)).toBeLessThanOrEqual(GSM7_PART_SEPTETS);
        },
      ),
      { numRuns: 500 },
    );
  });
});
