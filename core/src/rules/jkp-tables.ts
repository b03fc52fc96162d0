// JKP (job-loss benefit) eligibility and cash benefit: PP 37/2021, then PP 6/2025 from 7 Feb 2025.
import { formatRupiah, type Rupiah } from '../money/rupiah';
import { formatBasisPoints as pct } from './describe';
import { defineRuleTable } from './rule-table';

export type JkpBenefitStep = { readonly months: number; readonly wageBasisPoints: number };
export type JkpTerminationReason = 'layoff' | 'employer_closed_with_arrears';

export type JkpRule = {
  readonly steps: readonly JkpBenefitStep[];
  readonly wageCapRupiah: Rupiah;
  readonly claimDeadlineMonths: number;
  readonly minContributionMonths: number;
  readonly contributionWindowMonths: number;
  readonly minConsecutiveMonths: number;
  readonly eligibleReasons: readonly JkpTerminationReason[];
  readonly requiresJknMembership: boolean;
  /** Recalled, not sourced (L): members must register before this age. */
  readonly maxAgeAtRegistrationYears: number | null;
};

export const jkpRuleTable = defineRuleTable<JkpRule>({
  id: 'jkp_benefit',
  title: 'JKP eligibility and cash benefit',
  describe: (value) =>
    `${value.steps.map((step) => `${pct(step.wageBasisPoints)} × ${step.months} months`).join(' then ')} of the ` +
    `wage capped at ${formatRupiah(value.wageCapRupiah)}; claim within ${value.claimDeadlineMonths} months; ` +
    `≥${value.minContributionMonths} contribution months in ${value.contributionWindowMonths}, ` +
    `≥${value.minConsecutiveMonths} consecutive before the layoff; reasons: ${value.eligibleReasons.join(', ')}; ` +
    `JKN membership ${value.requiresJknMembership ? 'required' : 'not required'}`,
  rows: [
    {
      value: {
        steps: [
          { months: 3, wageBasisPoints: 4500 },
          { months: 3, wageBasisPoints: 2500 },
        ],
        wageCapRupiah: 5_000_000,
        claimDeadlineMonths: 3,
        minContributionMonths: 12,
        contributionWindowMonths: 24,
        minConsecutiveMonths: 6,
        eligibleReasons: ['layoff'],
        requiresJknMembership: true,
        maxAgeAtRegistrationYears: 54,
      },
      validFrom: '2021-02-02',
      validTo: '2025-02-06',
      regulation: 'PP 37/2021',
      article: 'art. 19–21',
      citation: { id: 'PP 37/2021 Pasal 19–21', en: 'PP 37/2021 art. 19–21' },
      confidence: 'H',
      note: 'Contribution record rule M (star.grid.id 2022); registration age under 54 L.',
    },
    {
      value: {
        steps: [{ months: 6, wageBasisPoints: 6000 }],
        wageCapRupiah: 5_000_000,
        claimDeadlineMonths: 6,
        minContributionMonths: 12,
        contributionWindowMonths: 24,
        minConsecutiveMonths: 6,
        eligibleReasons: ['layoff', 'employer_closed_with_arrears'],
        requiresJknMembership: false,
        maxAgeAtRegistrationYears: 54,
      },
      validFrom: '2025-02-07',
      validTo: null,
      regulation: 'PP 6/2025',
      article: 'amending PP 37/2021 art. 21; new art. 39A',
      citation: {
        id: 'PP 37/2021 jo. PP 6/2025 Pasal 21 dan Pasal 39A',
        en: 'PP 37/2021 jo. PP 6/2025 art. 21 and 39A',
      },
      confidence: 'H',
      note: 'Max Rp3 m per month, Rp18 m total. Contribution record unchanged as far as sources show (M).',
    },
  ],
});
