// JKM and JKK benefit amounts (PP 44/2015 as amended by PP 82/2019).
import { formatRupiah, type Rupiah } from '../money/rupiah';
import { formatBasisPoints as pct } from './describe';
import { PROGRAMMES_START_DATE } from './pu-rate-tables';
import { defineRuleTable } from './rule-table';

export type ScholarshipLevel = 'tk_sd' | 'smp' | 'sma' | 'university';

export type Scholarship = {
  readonly maxChildren: number;
  readonly maxPerChildRupiah: Rupiah;
  /** Per school level: amount per year and the most years paid; null when paid as one flat amount. */
  readonly levels: Readonly<Record<ScholarshipLevel, { perYearRupiah: Rupiah; maxYears: number }>> | null;
  readonly minMembershipMonths: number;
};

export type JkmBenefitRule = {
  readonly lumpSumRupiah: Rupiah;
  readonly periodicMonthlyRupiah: Rupiah;
  readonly periodicMonths: number;
  readonly funeralRupiah: Rupiah;
  readonly scholarship: Scholarship;
};

const scholarshipText = (value: Scholarship): string =>
  `scholarship up to ${value.maxChildren} child(ren), ${formatRupiah(value.maxPerChildRupiah)} each` +
  (value.minMembershipMonths > 0 ? `, after ${value.minMembershipMonths} months' membership` : '');

const pp82Scholarship: Scholarship = {
  maxChildren: 2,
  maxPerChildRupiah: 87_000_000,
  levels: {
    tk_sd: { perYearRupiah: 1_500_000, maxYears: 8 },
    smp: { perYearRupiah: 2_000_000, maxYears: 3 },
    sma: { perYearRupiah: 3_000_000, maxYears: 3 },
    university: { perYearRupiah: 12_000_000, maxYears: 5 },
  },
  minMembershipMonths: 36,
};

export const jkmBenefitTable = defineRuleTable<JkmBenefitRule>({
  id: 'jkm_benefit',
  title: 'JKM benefits (death not caused by work)',
  describe: (value) =>
    `lump sum ${formatRupiah(value.lumpSumRupiah)} + periodic ${value.periodicMonths} × ` +
    `${formatRupiah(value.periodicMonthlyRupiah)} + funeral ${formatRupiah(value.funeralRupiah)}; ` +
    scholarshipText(value.scholarship),
  rows: [
    {
      value: {
        lumpSumRupiah: 16_200_000,
        periodicMonthlyRupiah: 200_000,
        periodicMonths: 24,
        funeralRupiah: 3_000_000,
        scholarship: { maxChildren: 1, maxPerChildRupiah: 12_000_000, levels: null, minMembershipMonths: 60 },
      },
      validFrom: PROGRAMMES_START_DATE,
      validTo: '2019-12-01',
      regulation: 'PP 44/2015',
      article: 'art. 34',
      citation: { id: 'PP 44/2015 Pasal 34', en: 'PP 44/2015 art. 34' },
      confidence: 'L',
      note: 'Total Rp24 m is sourced (H); the split and the scholarship terms are recalled (L).',
    },
    {
      value: {
        lumpSumRupiah: 20_000_000,
        periodicMonthlyRupiah: 500_000,
        periodicMonths: 24,
        funeralRupiah: 10_000_000,
        scholarship: pp82Scholarship,
      },
      validFrom: '2019-12-02',
      validTo: null,
      regulation: 'PP 82/2019; Permenaker 5/2021',
      article: 'PP 82/2019 art. 34; scholarship levels per Permenaker 5/2021',
      citation: { id: 'PP 44/2015 jo. PP 82/2019 Pasal 34', en: 'PP 44/2015 jo. PP 82/2019 art. 34' },
      confidence: 'H',
      note: 'Total Rp42 m. Scholarship minimum membership of 3 years is M.',
    },
  ],
});

export type StmbStep = { readonly months: number | null; readonly wageBasisPoints: number };

export type JkkBenefitRule = {
  /** Temporary incapacity (STMB): steps of months at a share of the wage; the last step is open-ended. */
  readonly stmbSteps: readonly StmbStep[];
  readonly deathWageMultiple: number;
  readonly deathPeriodicRupiah: Rupiah;
  readonly funeralRupiah: Rupiah;
  readonly scholarship: Scholarship;
  readonly homeCareMaxRupiah: Rupiah;
  readonly transportLandMaxRupiah: Rupiah;
  /** Disability: table percentage × this many months of wage (L). */
  readonly disabilityWageMultiple: number;
  readonly totalDisabilityBasisPoints: number;
};

const stmbText = (steps: readonly StmbStep[]): string =>
  steps
    .map(
      (step) =>
        `${pct(step.wageBasisPoints)}${step.months === null ? ' thereafter' : ` × ${step.months} months`}`,
    )
    .join(', ');

export const jkkBenefitTable = defineRuleTable<JkkBenefitRule>({
  id: 'jkk_benefit',
  title: 'JKK benefits (work injury)',
  describe: (value) =>
    `STMB ${stmbText(value.stmbSteps)}; death ${value.deathWageMultiple} × wage + periodic ` +
    `${formatRupiah(value.deathPeriodicRupiah)} + funeral ${formatRupiah(value.funeralRupiah)}; ` +
    `${scholarshipText(value.scholarship)}; disability ${pct(value.totalDisabilityBasisPoints)} × ` +
    `${value.disabilityWageMultiple} × wage (total) or table % × ${value.disabilityWageMultiple} × wage (partial)`,
  rows: [
    {
      value: {
        stmbSteps: [
          { months: 6, wageBasisPoints: 10000 },
          { months: 6, wageBasisPoints: 7500 },
          { months: null, wageBasisPoints: 5000 },
        ],
        deathWageMultiple: 48,
        deathPeriodicRupiah: 4_800_000,
        funeralRupiah: 3_000_000,
        scholarship: { maxChildren: 1, maxPerChildRupiah: 12_000_000, levels: null, minMembershipMonths: 0 },
        homeCareMaxRupiah: 0,
        transportLandMaxRupiah: 1_000_000,
        disabilityWageMultiple: 80,
        totalDisabilityBasisPoints: 7000,
      },
      validFrom: PROGRAMMES_START_DATE,
      validTo: '2019-12-01',
      regulation: 'PP 44/2015',
      article: 'art. 25, Lampiran III',
      citation: { id: 'PP 44/2015 Pasal 25 dan Lampiran III', en: 'PP 44/2015 art. 25 and Annex III' },
      confidence: 'L',
      note: 'STMB 6/6 months at 100/75% then 50% (M, Kompasiana); other amounts recalled (L).',
    },
    {
      value: {
        stmbSteps: [
          { months: 12, wageBasisPoints: 10000 },
          { months: null, wageBasisPoints: 5000 },
        ],
        deathWageMultiple: 48,
        deathPeriodicRupiah: 12_000_000,
        funeralRupiah: 10_000_000,
        scholarship: { ...pp82Scholarship, minMembershipMonths: 0 },
        homeCareMaxRupiah: 20_000_000,
        transportLandMaxRupiah: 5_000_000,
        disabilityWageMultiple: 80,
        totalDisabilityBasisPoints: 7000,
      },
      validFrom: '2019-12-02',
      validTo: null,
      regulation: 'PP 82/2019',
      article: 'amending PP 44/2015 art. 25, Lampiran III',
      citation: {
        id: 'PP 44/2015 jo. PP 82/2019 Pasal 25 dan Lampiran III',
        en: 'PP 44/2015 jo. PP 82/2019 art. 25 and Annex III',
      },
      confidence: 'H',
      note: 'STMB and death 48× wage H; periodic, funeral, scholarship M; disability formula L.',
    },
  ],
});
