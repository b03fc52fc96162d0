// Today and the reporting month as an employer in Indonesia reads them: in Asia/Jakarta, whatever the
// browser's own time zone, as 'YYYY-MM-DD' and 'YYYY-MM' text (never through local Date fields).

const jakartaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Jakarta at the given instant: '2026-12-02'. */
export function jakartaToday(now: Date): string {
  const found: Record<string, string> = {};
  for (const part of jakartaDay.formatToParts(now)) found[part.type] = part.value;
  return `${found.year}-${found.month}-${found.day}`;
}

/** The month before a date's month: '2026-01-15' → '2025-12'. Wages are reported for the month worked. */
export function previousPeriod(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 1
    ? `${String(year - 1).padStart(4, '0')}-12`
    : `${String(year).padStart(4, '0')}-${String(month - 1).padStart(2, '0')}`;
}
