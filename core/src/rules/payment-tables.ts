// Payment deadlines, late penalties and the COVID-19 relief months, keyed by contribution period
// (a period is looked up by its first day).
import { formatBasisPoints as pct } from './describe';
import { PROGRAMMES_START_DATE } from './pu-rate-tables';
import { defineRuleTable } from './rule-table';

export type DeadlineRule = {
  /** Day of the month the payment is due (clamped to the month's last day). */
  readonly dayOfMonth: number;
  /** 0 = same month as the period, 1 = the following month. */
  readonly monthOffset: number;
};

export type PaymentTerms = {
  readonly pu: DeadlineRule;
  readonly bpu: DeadlineRule;
  readonly latePenaltyBasisPointsPerMonth: number;
};

const termsText = (value: PaymentTerms): string =>
  `PU by day ${value.pu.dayOfMonth} of period+${value.pu.monthOffset}; BPU by day ${value.bpu.dayOfMonth} ` +
  `of period+${value.bpu.monthOffset}; late penalty ${pct(value.latePenaltyBasisPointsPerMonth)} per month`;

const normalTerms: PaymentTerms = {
  pu: { dayOfMonth: 15, monthOffset: 1 },
  bpu: { dayOfMonth: 15, monthOffset: 0 },
  latePenaltyBasisPointsPerMonth: 200,
};

const normalSource = {
  regulation: 'PP 44/2015; PP 45/2015; PP 46/2015',
  article: 'payment deadline and late fine (as reported by kontan.co.id quoting Kompas)',
  confidence: 'H',
} as const;

export const paymentTermsTable = defineRuleTable<PaymentTerms>({
  id: 'payment_terms',
  title: 'Payment deadline and late penalty, by contribution period',
  describe: termsText,
  rows: [
    { value: normalTerms, validFrom: PROGRAMMES_START_DATE, validTo: '2020-07-31', ...normalSource },
    {
      value: {
        pu: { dayOfMonth: 30, monthOffset: 1 },
        bpu: { dayOfMonth: 30, monthOffset: 0 },
        latePenaltyBasisPointsPerMonth: 50,
      },
      validFrom: '2020-08-01',
      validTo: '2021-01-31',
      regulation: 'PP 49/2020',
      article: 'COVID-19 relief (pasal.id art. 9 ff.)',
      confidence: 'M',
      note: 'Relief months Aug 2020–Jan 2021 (M). Day 30 is clamped to 28 Feb for the Jan 2021 period.',
    },
    { value: normalTerms, validFrom: '2021-02-01', validTo: null, ...normalSource },
  ],
});

export type ContributionRelief = {
  readonly jkkDiscountBasisPoints: number;
  readonly jkmDiscountBasisPoints: number;
  /** Share of JP that is deferred (still owed later), not waived. */
  readonly jpDeferredBasisPoints: number;
};

const noRelief: ContributionRelief = {
  jkkDiscountBasisPoints: 0,
  jkmDiscountBasisPoints: 0,
  jpDeferredBasisPoints: 0,
};

const reliefText = (value: ContributionRelief): string =>
  value.jkkDiscountBasisPoints === 0 &&
  value.jkmDiscountBasisPoints === 0 &&
  value.jpDeferredBasisPoints === 0
    ? 'no relief'
    : `JKK −${pct(value.jkkDiscountBasisPoints)}, JKM −${pct(value.jkmDiscountBasisPoints)}, ` +
      `JP ${pct(value.jpDeferredBasisPoints)} deferred`;

export const contributionReliefTable = defineRuleTable<ContributionRelief>({
  id: 'contribution_relief',
  title: 'Contribution relief (COVID-19), by contribution period',
  describe: reliefText,
  rows: [
    {
      value: noRelief,
      validFrom: PROGRAMMES_START_DATE,
      validTo: '2020-07-31',
      regulation: 'PP 44/2015; PP 45/2015',
      article: 'regular contributions',
      confidence: 'H',
    },
    {
      value: { jkkDiscountBasisPoints: 9900, jkmDiscountBasisPoints: 9900, jpDeferredBasisPoints: 9900 },
      validFrom: '2020-08-01',
      validTo: '2021-01-31',
      regulation: 'PP 49/2020',
      article: 'art. 9 ff. (pasal.id; headlines.id; transkepri)',
      confidence: 'M',
      note: 'Relief H; the exact months Aug 2020–Jan 2021 are M. Applied to PU and BPU JKK/JKM alike.',
    },
    {
      value: noRelief,
      validFrom: '2021-02-01',
      validTo: null,
      regulation: 'PP 44/2015; PP 45/2015',
      article: 'regular contributions',
      confidence: 'H',
    },
  ],
});
