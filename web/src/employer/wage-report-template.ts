// The wage-report CSV template: the header the server reads (server/src/employer/wage-report-csv.ts) and
// one line per active worker with the period and KPJ filled in, so HR only types the wages.

/** Column names exactly as the server expects them; it also accepts periode/upah and ';' separators. */
export const WAGE_REPORT_COLUMNS = ['period', 'nik', 'kpj', 'wage'] as const;
export type WageReportColumn = (typeof WAGE_REPORT_COLUMNS)[number];

export function buildWageReportTemplate(
  period: string,
  workers: ReadonlyArray<{ readonly kpj: string; readonly endedOn: string | null }>,
): string {
  const rows = workers
    .filter((worker) => worker.endedOn === null)
    .map((worker) => `${period},,${worker.kpj},`);
  return `${[WAGE_REPORT_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Hands text to the browser as a file download. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
