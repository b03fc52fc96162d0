import { describe, expect, it } from 'vitest';
import { maskFullName, maskKpj, newVerifyCode, normaliseVerifyCode } from './verify-code';

describe('verify codes', () => {
  it('makes 12-character codes that read back unchanged', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerifyCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(normaliseVerifyCode(code)).toBe(code);
    }
  });

  it.each([
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    ['ABCD EFGH JKMO', 'ABCDEFGHJKM0'],
    ['abcd-efgh-jkml', 'ABCDEFGHJKM1'],
    ['ABCDEFGHJKM', null],
    ['ABCDEFGHJKMU', null],
    ['x'.repeat(41), null],
  ])('normalises %s → %s', (input, expected) => {
    expect(normaliseVerifyCode(input)).toBe(expected);
  });

  it('masks a KPJ and a name', () => {
    expect(maskKpj('99000000018')).toBe('••••••••018');
    expect(maskFullName('  Siti  Aminah Putri ')).toBe('Siti A. P.');
    expect(maskFullName('Ñoño Çağlar')).toBe('Ñoño Ç.');
  });
});
