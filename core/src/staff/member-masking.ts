// What staff see before a member's identity is verified: enough to pick the right person from several
// results, never enough to read the record (masked name, birth year, masked KPJ, province from NIK).
import { provinceNames } from '../identity/nik';

/** 'Siti Nur Aisyah' → 'S*** N** A*****'. */
export function maskName(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .map((word) => (word.length === 0 ? '' : `${word[0]}${'*'.repeat(Math.max(word.length - 1, 2))}`))
    .join(' ');
}

/** '99000000018' → '99******018'. */
export function maskKpj(kpj: string): string {
  return kpj.length === 11 ? `${kpj.slice(0, 2)}${'*'.repeat(6)}${kpj.slice(8)}` : '*'.repeat(kpj.length);
}

/** The province named by the NIK's first two digits, with the regency code ('Jawa Barat · 32.71'). */
export function regionOfNik(nik: string): string {
  const province = provinceNames[nik.slice(0, 2)] ?? `Provinsi ${nik.slice(0, 2)}`;
  return `${province} · ${nik.slice(0, 2)}.${nik.slice(2, 4)}`;
}
