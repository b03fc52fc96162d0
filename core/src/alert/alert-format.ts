// How alerts write months and amounts, in Bahasa Indonesia and English: 'Oktober 2026', 'Rp 1.234.567'.
import type { Language } from '../errors/message';
import { assertRupiah, type Rupiah } from '../money/rupiah';
import { indonesianMonthNames } from '../time/calendar-date';
import { periodMonth, periodYear, type Period } from '../time/period';

const englishMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** '2026-10' → 'Oktober 2026' (id) or 'October 2026' (en). */
export function formatAlertMonth(period: Period, language: Language): string {
  const names = language === 'en' ? englishMonthNames : indonesianMonthNames;
  return `${names[periodMonth(period) - 1] ?? ''} ${periodYear(period)}`;
}

/**
 * 1234567 → 'Rp 1.234.567' in both languages: amounts in a fund's messages keep the Rupiah's own
 * grouping so that an English reader compares them with a payslip unchanged.
 */
export function formatAlertRupiah(amount: Rupiah): string {
  assertRupiah(amount);
  const grouped = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${grouped}`;
}

/** 'Oktober 2026, November 2026 dan Desember 2026' / '…, November 2026 and December 2026'. */
export function joinMonths(periods: readonly Period[], language: Language): string {
  const names = periods.map((period) => formatAlertMonth(period, language));
  if (names.length <= 1) return names[0] ?? '';
  const and = language === 'en' ? 'and' : 'dan';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] ?? ''}`;
}
