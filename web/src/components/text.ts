// Small display helpers shared by pages.
import type { ServerText } from '../api/types';
import { currentLanguage } from '../i18n/i18n';

/** Server text may be one string or {id, en}; pick the reader's language. */
export function localized(text: ServerText | undefined | null): string {
  if (text === undefined || text === null) return '';
  return typeof text === 'string' ? text : text[currentLanguage()];
}

/** KPJ in groups of digits for reading: '12345678901' → '12 3456 7890 1'. Masked values pass through. */
export function formatKpj(kpj: string): string {
  return /^\d{11}$/.test(kpj)
    ? `${kpj.slice(0, 2)} ${kpj.slice(2, 6)} ${kpj.slice(6, 10)} ${kpj.slice(10)}`
    : kpj;
}

/** A statement or card code as the PDF and the card print it: 'ABCDEFGHJKMN' → 'ABCD-EFGH-JKMN'. */
export function formatVerifyCode(code: string): string {
  return /^[0-9A-Z]{12}$/.test(code) ? code.replace(/(.{4})(?=.)/g, '$1-') : code;
}
