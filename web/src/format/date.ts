// Dates as members read them: DD-MM-YYYY. Calendar dates ('YYYY-MM-DD') are reformatted as text, never
// through Date, so no time zone can shift them; instants are shown in Jakarta time.

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const period = /^(\d{4})-(\d{2})$/;

/** '2024-03-07' → '07-03-2024'. An instant ('2024-03-07T01:00:00Z') is shown as its Jakarta date. */
export function formatDate(value: string): string {
  const match = calendarDate.exec(value);
  if (match) return `${match[3]}-${match[2]}-${match[1]}`;
  const parts = jakartaParts(value);
  return parts ? `${parts.day}-${parts.month}-${parts.year}` : value;
}

/** An instant as '07-03-2024 08:00' in Asia/Jakarta (WIB). */
export function formatDateTime(value: string): string {
  const parts = jakartaParts(value);
  return parts ? `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}` : value;
}

interface Parts {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
}

const jakarta = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function jakartaParts(value: string): Parts | null {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const found: Record<string, string> = {};
  for (const part of jakarta.formatToParts(time)) found[part.type] = part.value;
  const { year, month, day, hour, minute } = found;
  if (!year || !month || !day || !hour || !minute) return null;
  return { year, month, day, hour, minute };
}

/** 'YYYY-MM' → { year, month 1–12 } or null. */
export function parsePeriod(value: string): { year: number; month: number } | null {
  const match = period.exec(value);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** '2024-03' with month names → 'Maret 2024'; without a matching name → '03-2024'. */
export function formatPeriod(value: string, monthNames: readonly string[]): string {
  const parsed = parsePeriod(value);
  if (!parsed) return value;
  const name = monthNames[parsed.month - 1];
  return name ? `${name} ${parsed.year}` : `${String(parsed.month).padStart(2, '0')}-${parsed.year}`;
}

/** Builds 'YYYY-MM' from numbers. */
export function toPeriod(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
