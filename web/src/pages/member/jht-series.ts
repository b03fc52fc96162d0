// The "all KPJ" balance line: at each date where any account's balance changed, the sum of every
// account's latest balance on or before that date. Integer additions only.
import type { BalancePoint, JhtAccount } from '../../api/types';

export function sumSeries(accounts: readonly JhtAccount[]): BalancePoint[] {
  const dates = [...new Set(accounts.flatMap((account) => account.series.map((point) => point.date)))].sort();
  const sorted = accounts.map((account) => [...account.series].sort((a, b) => (a.date < b.date ? -1 : 1)));
  const cursor = sorted.map(() => -1);
  return dates.map((date) => {
    let total = 0;
    sorted.forEach((series, index) => {
      let position = cursor[index] ?? -1;
      while (position + 1 < series.length && (series[position + 1]?.date ?? '') <= date) position += 1;
      cursor[index] = position;
      total += position >= 0 ? (series[position]?.balanceRupiah ?? 0) : 0;
    });
    return { date, balanceRupiah: total };
  });
}
