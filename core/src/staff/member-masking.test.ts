import { describe, expect, it } from 'vitest';
import { maskKpj, maskName, regionOfNik } from './member-masking';

describe('member masking', () => {
  it('keeps only initials, birth-year-free', () => {
    expect(maskName('Siti  Nur Aisyah')).toBe('S*** N** A*****');
    expect(maskName('Yo')).toBe('Y**');
  });
  it('masks the middle of a KPJ', () => {
    expect(maskKpj('99000000018')).toBe('99******018');
  });
  it('names the province of a NIK', () => {
    expect(regionOfNik('3271014506900001')).toBe('Jawa Barat · 32.71');
    expect(regionOfNik('9971014506900001')).toBe('Provinsi 99 · 99.71');
  });
});
