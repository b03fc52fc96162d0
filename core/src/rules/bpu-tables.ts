// Informal-worker (BPU) contributions: percentages of declared income, JKM flat, no JP.
import { formatRupiah } from '../money/rupiah';
import { formatBasisPoints as pct } from './describe';
import { PROGRAMMES_START_DATE } from './pu-rate-tables';
import { defineRuleTable } from './rule-table';

export type BpuContributionRule = {
  readonly jkkBasisPoints: number;
  readonly jkmFlatRupiah: number;
  /** JHT is optional for BPU members. */
  readonly jhtBasisPoints: number;
  readonly incomeMinRupiah: number;
  readonly incomeMaxRupiah: number;
};

export const bpuContributionTable = defineRuleTable<BpuContributionRule>({
  id: 'bpu_contribution',
  title: 'Informal-worker (BPU) contributions (member pays; JP not offered)',
  describe: (value) =>
    `JKK ${pct(value.jkkBasisPoints)} of declared income; JKM flat ${formatRupiah(value.jkmFlatRupiah)}; ` +
    `optional JHT ${pct(value.jhtBasisPoints)}; declared income ${formatRupiah(value.incomeMinRupiah)}–` +
    formatRupiah(value.incomeMaxRupiah),
  rows: [
    {
      value: {
        jkkBasisPoints: 100,
        jkmFlatRupiah: 6_800,
        jhtBasisPoints: 200,
        incomeMinRupiah: 1_000_000,
        incomeMaxRupiah: 20_700_000,
      },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 44/2015; Permenaker 1/2016',
      article: 'BPU contributions (jadwalbesuk.id; star.grid.id)',
      confidence: 'M',
      note:
        'Cheapest package JKK+JKM Rp16,800, with JHT Rp36,800 on Rp1 m. Start date assumed equal to the PU ' +
        'tables (L). Income is checked as a range; the official list of bands is not in FACTS.md.',
    },
  ],
});
