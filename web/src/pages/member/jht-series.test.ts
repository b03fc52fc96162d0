import { describe, expect, it } from 'vitest';
import type { JhtAccount } from '../../api/types';
import { sumSeries } from './jht-series';

const account = (kpj: string, series: Array<[string, number]>): JhtAccount => ({
  kpj,
  totalRupiah: 0,
  workerRupiah: 0,
  employerRupiah: 0,
  developmentReturnRupiah: 0,
  withdrawalsRupiah: 0,
  series: series.map(([date, balanceRupiah]) => ({ date, balanceRupiah })),
});

describe('sumSeries', () => {
  it('carries each account forward and adds them at every date', () => {
    const result = sumSeries([
      account('1', [
        ['2020-01-31', 100],
        ['2020-03-31', 300],
      ]),
      account('2', [['2020-02-29', 1000]]),
    ]);
    expect(result).toEqual([
      { date: '2020-01-31', balanceRupiah: 100 },
      { date: '2020-02-29', balanceRupiah: 1100 },
      { date: '2020-03-31', balanceRupiah: 1300 },
    ]);
  });

  it('is empty without points', () => {
    expect(sumSeries([account('1', [])])).toEqual([]);
  });
});
