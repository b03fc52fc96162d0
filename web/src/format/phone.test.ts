import { describe, expect, it } from 'vitest';
import { keepPhoneNumbersTogether } from './phone';

describe('keepPhoneNumbersTogether', () => {
  it.each([
    [
      'Kami mengirim kode lewat SMS ke +62 812*****7890.',
      'Kami mengirim kode lewat SMS ke +62\u00a0812*****7890.',
    ],
    ['+62 812 3456 7890', '+62\u00a0812\u00a03456\u00a07890'],
    ['0812-3456-7890', '0812\u20113456\u20117890'],
    ['0812••••7890', '0812••••7890'],
    // Not phone numbers: dates, amounts and ordinary words stay as they are.
    ['Per 02-12-2026, Rp 1.234.567 dalam 15 tahun', 'Per 02-12-2026, Rp 1.234.567 dalam 15 tahun'],
    ['KPJ 99 0000 0002 8', 'KPJ 99 0000 0002 8'],
  ])('%s', (text, expected) => {
    expect(keepPhoneNumbersTogether(text)).toBe(expected);
  });
});
