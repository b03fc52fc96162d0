import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKpj, issueKpj, luhnCheckDigit, MAX_KPJ_SEQUENCE, parseKpj } from './kpj';

describe('KPJ', () => {
  it('computes the Luhn check digit (known example 7992739871 → 3)', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('issues numbers with the prefix and a check digit', () => {
    expect(issueKpj(1)).toBe('99000000010');
    expect(issueKpj(MAX_KPJ_SEQUENCE)).toMatch(/^9999999999\d$/);
    expect(parseKpj(issueKpj(1))).toEqual({ ok: true, value: { kpj: '99000000010', isLumbungIssued: true } });
    expect(() => issueKpj(0)).toThrow();
    expect(() => issueKpj(MAX_KPJ_SEQUENCE + 1)).toThrow();
    expect(() => issueKpj(1.5)).toThrow();
  });

  it.each([
    ['99 0000 0001 0', '99000000010', true],
    ['990-000-000-10', '99000000010', true],
    ['15012345678', '15012345678', false],
    ['15.0123.45678', '15012345678', false],
  ])('accepts %s', (input, kpj, isLumbungIssued) => {
    expect(parseKpj(input)).toEqual({ ok: true, value: { kpj, isLumbungIssued } });
  });

  it.each([
    ['99000000017', 'kpj_invalid_check_digit'],
    ['99000000001', 'kpj_invalid_check_digit'], // last two digits swapped
    ['1501234567', 'kpj_invalid_format'],
    ['150123456789', 'kpj_invalid_format'],
    ['1501234567a', 'kpj_invalid_format'],
    ['', 'kpj_invalid_format'],
  ])('refuses %s with %s', (input, code) => {
    expect(parseKpj(input)).toMatchObject({ ok: false, code, field: 'kpj' });
  });

  it('every issued number parses, and any single-digit typo is caught (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_KPJ_SEQUENCE }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (sequence, position, delta) => {
          const kpj = issueKpj(sequence);
          expect(parseKpj(kpj)).toMatchObject({ ok: true, value: { isLumbungIssued: true } });
          const digit = (Number(kpj[position]) + delta) % 10;
          const typo = `${kpj.slice(0, position)}${digit}${kpj.slice(position + 1)}`;
          expect(parseKpj(typo)).toMatchObject({ ok: false, code: 'kpj_invalid_check_digit' });
        },
      ),
    );
  });

  it('formats in groups', () => {
    expect(formatKpj('99000000010')).toBe('99 0000 0001 0');
  });
});
