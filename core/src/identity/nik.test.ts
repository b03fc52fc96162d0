import { describe, expect, it } from 'vitest';
import { maskNik, normaliseNik, parseNik } from './nik';

const asOf = '2025-06-01';

describe('NIK', () => {
  it.each([
    // input, birth date, sex, province
    ['3201011708900001', '1990-08-17', 'M', '32'],
    ['3201015708900001', '1990-08-17', 'F', '32'],
    ['32.0101.170890.0001', '1990-08-17', 'M', '32'],
    ['3174 0141 0105 0002', '2005-01-01', 'F', '31'],
    ['3501012902000003', '2000-02-29', 'M', '35'],
    ['3501010107250001', '1925-07-01', 'M', '35'], // later than asOf in 2025, so 1925
    ['3501010106250001', '2025-06-01', 'M', '35'],
  ])('parses %s', (input, birthDate, sex, provinceCode) => {
    const parsed = parseNik(input, asOf);
    expect(parsed).toMatchObject({ ok: true, value: { birthDate, sex, provinceCode } });
  });

  it('splits every part', () => {
    expect(parseNik('3201025708900123', asOf)).toEqual({
      ok: true,
      value: {
        nik: '3201025708900123',
        provinceCode: '32',
        regencyCode: '01',
        districtCode: '02',
        birthDate: '1990-08-17',
        sex: 'F',
        serial: '0123',
      },
    });
  });

  it.each([
    ['320101170890000', 'nik_invalid_format'],
    ['32010117089000011', 'nik_invalid_format'],
    ['32010117089O0001', 'nik_invalid_format'],
    ['3201011713900001', 'nik_invalid_birth_date'], // month 13
    ['3201013208900001', 'nik_invalid_birth_date'], // day 32
    ['3201010008900001', 'nik_invalid_birth_date'], // day 0
    ['3201017208900001', 'nik_invalid_birth_date'], // woman, day 32
    ['3201013002900001', 'nik_invalid_birth_date'], // 30 February
    ['3201012902010001', 'nik_invalid_birth_date'], // 29 Feb 2001 / 1901
    ['0501011708900001', 'nik_invalid_province'],
    ['3201011708900000', 'nik_invalid_serial'],
  ])('refuses %s with %s', (input, code) => {
    expect(parseNik(input, asOf)).toMatchObject({ ok: false, code, field: 'nik' });
  });

  it('normalises and masks', () => {
    expect(normaliseNik(' 3201-0117-0890-0001 ')).toEqual({ ok: true, value: '3201011708900001' });
    expect(normaliseNik('x'.repeat(1000))).toMatchObject({ ok: false, code: 'nik_invalid_format' });
    expect(maskNik('3201011708900001')).toBe('32**********0001');
  });
});
