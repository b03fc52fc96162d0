// Wage-earner (PU) contribution rates per programme, and the JKP allocation (not billed).
import { formatBasisPoints as pct } from './describe';
import { defineRuleTable } from './rule-table';
import { formatRupiah } from '../money/rupiah';

export type SplitRate = { readonly workerBasisPoints: number; readonly employerBasisPoints: number };

const splitText = (rate: SplitRate): string =>
  `worker ${pct(rate.workerBasisPoints)} + employer ${pct(rate.employerBasisPoints)} = ` +
  pct(rate.workerBasisPoints + rate.employerBasisPoints);

/** First day of the BPJS Ketenagakerjaan programmes as Lumbung models them (JP began on this day). */
export const PROGRAMMES_START_DATE = '2015-07-01';

export const jhtRateTable = defineRuleTable<SplitRate>({
  id: 'pu_jht_rate',
  title: 'JHT contribution rate, wage earners (no wage cap)',
  describe: splitText,
  rows: [
    {
      value: { workerBasisPoints: 200, employerBasisPoints: 370 },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 46/2015',
      article: 'art. 16',
      confidence: 'H',
      note: 'Reported wage (basic pay + fixed allowances), no cap.',
    },
  ],
});

export const jpRateTable = defineRuleTable<SplitRate>({
  id: 'pu_jp_rate',
  title: 'JP contribution rate, wage earners (on the capped wage)',
  describe: splitText,
  rows: [
    {
      value: { workerBasisPoints: 100, employerBasisPoints: 200 },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 45/2015',
      article: 'art. 28',
      confidence: 'H',
      note: 'JP exists from July 2015; wage capped by the JP wage cap in force.',
    },
  ],
});

export const riskClasses = ['very_low', 'low', 'medium', 'high', 'very_high'] as const;
export type RiskClass = (typeof riskClasses)[number];
export type JkkRate = { readonly employerBasisPointsByRiskClass: Readonly<Record<RiskClass, number>> };

export const jkkRateTable = defineRuleTable<JkkRate>({
  id: 'pu_jkk_rate',
  title: 'JKK contribution rate by risk class, wage earners (employer pays)',
  describe: (value) =>
    riskClasses.map((risk) => `${risk} ${pct(value.employerBasisPointsByRiskClass[risk])}`).join(' · '),
  rows: [
    {
      value: {
        employerBasisPointsByRiskClass: { very_low: 24, low: 54, medium: 89, high: 127, very_high: 174 },
      },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 44/2015',
      article: 'art. 16, Lampiran I',
      confidence: 'H',
    },
  ],
});

export type JkmRate = { readonly employerBasisPoints: number };

export const jkmRateTable = defineRuleTable<JkmRate>({
  id: 'pu_jkm_rate',
  title: 'JKM contribution rate, wage earners (employer pays)',
  describe: (value) => pct(value.employerBasisPoints),
  rows: [
    {
      value: { employerBasisPoints: 30 },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 44/2015',
      article: 'art. 18',
      confidence: 'H',
    },
  ],
});

/** JKP is funded by the government and by recomposing JKK/JKM: nothing extra is billed. */
export type JkpAllocation = {
  readonly totalBasisPoints: number;
  readonly governmentBasisPoints: number;
  readonly fromJkkBasisPoints: number;
  readonly fromJkmBasisPoints: number;
  /** Wage base cap for the allocation; unconfirmed (confidence L), a configurable default. */
  readonly wageCapRupiah: number | null;
};

const jkpText = (value: JkpAllocation): string =>
  `${pct(value.totalBasisPoints)} = government ${pct(value.governmentBasisPoints)} + from JKK ` +
  `${pct(value.fromJkkBasisPoints)} + from JKM ${pct(value.fromJkmBasisPoints)}; wage cap ` +
  (value.wageCapRupiah === null ? 'none' : formatRupiah(value.wageCapRupiah));

export const jkpAllocationTable = defineRuleTable<JkpAllocation>({
  id: 'pu_jkp_allocation',
  title: 'JKP allocation (not billed to employer or worker)',
  describe: jkpText,
  rows: [
    {
      value: {
        totalBasisPoints: 46,
        governmentBasisPoints: 22,
        fromJkkBasisPoints: 14,
        fromJkmBasisPoints: 10,
        wageCapRupiah: 5_000_000,
      },
      validFrom: '2021-02-02',
      validTo: '2025-02-06',
      regulation: 'PP 37/2021',
      article: 'art. 11',
      confidence: 'H',
      note: 'Split per bisnis.com 14 Feb 2025. Contribution wage cap Rp5 m unconfirmed (L).',
    },
    {
      value: {
        totalBasisPoints: 36,
        governmentBasisPoints: 22,
        fromJkkBasisPoints: 14,
        fromJkmBasisPoints: 0,
        wageCapRupiah: 5_000_000,
      },
      validFrom: '2025-02-07',
      validTo: null,
      regulation: 'PP 6/2025',
      article: 'art. 11',
      confidence: 'H',
      note: 'Total H; internal JKM share no longer in the formula (L). Contribution wage cap unconfirmed (L).',
    },
  ],
});
