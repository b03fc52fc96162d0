import { describe, expect, it } from 'vitest';
import { normaliseNpp } from './npp';
import { formatPhoneLocal, maskPhone, normalisePhone } from './phone';

describe('mobile numbers', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['0811234567', '+62811234567'],
    ['81234567890', '+6281234567890'],
  ])('%s → %s', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['0812-3456-789a', 'phone_invalid_format'],
    ['', 'phone_invalid_format'],
    ['021-5551234', 'phone_not_mobile'],
    ['+6521234567', 'phone_not_mobile'],
    ['+1 415 555 0100', 'phone_not_mobile'],
    ['0812345', 'phone_invalid_length'],
    ['08123456789012', 'phone_invalid_length'],
  ])('refuses %s with %s', (input, code) => {
    expect(normalisePhone(input)).toMatchObject({ ok: false, code, field: 'phone' });
  });

  it('formats and masks', () => {
    expect(formatPhoneLocal('+6281234567890')).toBe('0812-3456-7890');
    expect(maskPhone('+6281234567890')).toBe('+62 812****7890');
  });
});

describe('NPP (opaque)', () => {
  it.each([
    ['ab-123.45', 'AB12345'],
    ['NN000123', 'NN000123'],
  ])('%s → %s', (input, npp) => {
    expect(normaliseNpp(input)).toEqual({ ok: true, value: npp });
  });

  it.each(['', 'AB#12', 'A'.repeat(33)])('refuses %j', (input) => {
    expect(normaliseNpp(input)).toMatchObject({ ok: false, code: 'npp_invalid_format' });
  });
});
