// Monthly contribution per programme for a wage, a period, a segment (PU/BPU) and a JKK risk class,
// split worker / employer, with the JP wage capped, COVID-19 relief applied and JKP shown as allocation.
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { formatRupiah, sumRupiah, type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import { type RiskClass } from '../rules/pu-rate-tables';
import type { RuleBook } from '../rules/rule-book';
import {
  findRuleValue,
  firstValidFrom,
  ruleInForce,
  type RuleRow,
  type RuleTable,
} from '../rules/rule-table';
import { firstDayOfPeriod, isPeriod, periodOf, type Period } from '../time/period';

export type Segment = 'PU' | 'BPU';
export type BilledProgramme = 'JHT' | 'JP' | 'JKK' | 'JKM';

/** Upper limit on a monthly wage the calculator accepts (Rp 10 billion); larger is treated as invalid input. */
export const MAX_WAGE_MONTHLY_RUPIAH = 10_000_000_000;

export type ContributionInput = {
  /** Reported monthly wage (PU) or declared monthly income (BPU). */
  readonly wageMonthlyRupiah: number;
  readonly period: Period;
  readonly segment: Segment;
  /** Required for PU (JKK rate); ignored for BPU. */
  readonly riskClass?: RiskClass;
  /** BPU members may add JHT; default false (JKK + JKM only). */
  readonly bpuWithJht?: boolean;
};

export type ProgrammeContribution = {
  readonly programme: BilledProgramme;
  /** The wage the rate applies to (capped for JP). */
  readonly baseRupiah: Rupiah;
  readonly workerBasisPoints: number;
  readonly employerBasisPoints: number;
  /** Amount before relief. */
  readonly grossRupiah: Rupiah;
  /** Waived by relief (PP 49/2020 JKK/JKM discount). */
  readonly discountRupiah: Rupiah;
  /** Deferred by relief (PP 49/2020 JP), still owed later. */
  readonly deferredRupiah: Rupiah;
  /** Due now; workerRupiah + employerRupiah === totalRupiah. BPU members pay the worker part alone. */
  readonly workerRupiah: Rupiah;
  readonly employerRupiah: Rupiah;
  readonly totalRupiah: Rupiah;
};

export type JkpAllocationAmount = {
  readonly baseRupiah: Rupiah;
  readonly governmentRupiah: Rupiah;
  readonly fromJkkRupiah: Rupiah;
  readonly fromJkmRupiah: Rupiah;
  readonly totalRupiah: Rupiah;
  /** Always false: JKP costs the employer and the worker nothing extra. */
  readonly isBilled: false;
};

export type RuleCitation = {
  readonly tableId: string;
  readonly regulation: string;
  readonly article: string;
  readonly confidence: 'H' | 'M' | 'L';
};

export type ContributionBreakdown = {
  readonly period: Period;
  readonly segment: Segment;
  readonly wageMonthlyRupiah: Rupiah;
  readonly programmes: readonly ProgrammeContribution[];
  readonly jkp: JkpAllocationAmount | null;
  readonly workerRupiah: Rupiah;
  readonly employerRupiah: Rupiah;
  readonly totalRupiah: Rupiah;
  readonly discountRupiah: Rupiah;
  readonly deferredRupiah: Rupiah;
  readonly citations: readonly RuleCitation[];
};

type ContributionError =
  | 'contribution_wage_invalid'
  | 'contribution_wage_negative'
  | 'contribution_period_before_programme'
  | 'contribution_risk_class_required'
  | 'contribution_income_out_of_band'
  | 'period_invalid';

const BP = BigInt(BASIS_POINTS_PER_UNIT);

/**
 * Splits one programme: gross and due-now totals are each rounded once; the worker part is rounded on
 * its own rate and the employer part is the remainder, so the split always sums to the total.
 */
export function splitContribution(
  programme: BilledProgramme,
  baseRupiah: Rupiah,
  workerBasisPoints: number,
  employerBasisPoints: number,
  reliefBasisPoints: number,
  reliefKind: 'discount' | 'deferral',
): ProgrammeContribution {
  const base = BigInt(baseRupiah);
  const payable = BigInt(BASIS_POINTS_PER_UNIT - reliefBasisPoints);
  const totalRate = BigInt(workerBasisPoints + employerBasisPoints);
  const grossRupiah = roundByRule('contribution', base * totalRate, BP);
  const totalRupiah = roundByRule('contribution', base * totalRate * payable, BP * BP);
  const workerRupiah = roundByRule('contribution', base * BigInt(workerBasisPoints) * payable, BP * BP);
  const relief = grossRupiah - totalRupiah;
  return {
    programme,
    baseRupiah,
    workerBasisPoints,
    employerBasisPoints,
    grossRupiah,
    discountRupiah: reliefKind === 'discount' ? relief : 0,
    deferredRupiah: reliefKind === 'deferral' ? relief : 0,
    workerRupiah,
    employerRupiah: totalRupiah - workerRupiah,
    totalRupiah,
  };
}

function flatContribution(programme: BilledProgramme, flatRupiah: Rupiah, discountBasisPoints: number) {
  const totalRupiah = roundByRule(
    'contribution',
    BigInt(flatRupiah) * BigInt(BASIS_POINTS_PER_UNIT - discountBasisPoints),
    BP,
  );
  return {
    programme,
    baseRupiah: flatRupiah,
    workerBasisPoints: 0,
    employerBasisPoints: 0,
    grossRupiah: flatRupiah,
    discountRupiah: flatRupiah - totalRupiah,
    deferredRupiah: 0,
    workerRupiah: totalRupiah,
    employerRupiah: 0,
    totalRupiah,
  } satisfies ProgrammeContribution;
}

function cite<V>(table: RuleTable<V>, row: RuleRow<V>): RuleCitation {
  return { tableId: table.id, regulation: row.regulation, article: row.article, confidence: row.confidence };
}

/** The wage JP is charged on: the reported wage, capped by the JP wage cap in force for the period. */
export function jpWageBase(
  wageMonthlyRupiah: Rupiah,
  period: Period,
  rules: RuleBook,
): Result<Rupiah, 'rule_not_in_force'> {
  const cap = ruleInForce(rules.jp_wage_cap, firstDayOfPeriod(period));
  if (!cap.ok) return cap;
  // PP 45/2015 art. 28–29: JP contributions on the wage up to the cap.
  return ok(Math.min(wageMonthlyRupiah, cap.value.value.wageCapRupiah));
}

export function calculateContribution(
  input: ContributionInput,
  rules: RuleBook,
): Result<ContributionBreakdown, ContributionError> {
  const { wageMonthlyRupiah: wage, period, segment } = input;
  if (!Number.isSafeInteger(wage) || wage > MAX_WAGE_MONTHLY_RUPIAH) {
    return err('contribution_wage_invalid', undefined, 'wageMonthlyRupiah');
  }
  if (wage < 0) return err('contribution_wage_negative', undefined, 'wageMonthlyRupiah');
  if (!isPeriod(period)) return err('period_invalid', { input: String(period).slice(0, 40) }, 'period');
  const date = firstDayOfPeriod(period);
  const citations: RuleCitation[] = [];

  function lookup<V>(
    table: RuleTable<V>,
    programme: string,
  ): Result<V, 'contribution_period_before_programme'> {
    const row = ruleInForce(table, date);
    if (!row.ok) {
      const firstPeriod = periodOf(firstValidFrom(table));
      return err('contribution_period_before_programme', { period, programme, firstPeriod }, 'period');
    }
    citations.push(cite(table, row.value));
    return ok(row.value.value);
  }

  const relief = lookup(rules.contribution_relief, segment === 'PU' ? 'JHT' : 'BPU');
  if (!relief.ok) return relief;
  const { jkkDiscountBasisPoints, jkmDiscountBasisPoints, jpDeferredBasisPoints } = relief.value;
  const programmes: ProgrammeContribution[] = [];
  let jkp: JkpAllocationAmount | null = null;

  if (segment === 'BPU') {
    const bpu = lookup(rules.bpu_contribution, 'BPU');
    if (!bpu.ok) return bpu;
    const rule = bpu.value;
    if (wage < rule.incomeMinRupiah || wage > rule.incomeMaxRupiah) {
      const band = { min: formatRupiah(rule.incomeMinRupiah), max: formatRupiah(rule.incomeMaxRupiah) };
      return err('contribution_income_out_of_band', band, 'wageMonthlyRupiah');
    }
    if (input.bpuWithJht === true) {
      programmes.push(splitContribution('JHT', wage, rule.jhtBasisPoints, 0, 0, 'discount'));
    }
    programmes.push(
      splitContribution('JKK', wage, rule.jkkBasisPoints, 0, jkkDiscountBasisPoints, 'discount'),
    );
    programmes.push(flatContribution('JKM', rule.jkmFlatRupiah, jkmDiscountBasisPoints));
  } else {
    const jht = lookup(rules.pu_jht_rate, 'JHT');
    if (!jht.ok) return jht;
    const jp = lookup(rules.pu_jp_rate, 'JP');
    if (!jp.ok) return jp;
    const cap = lookup(rules.jp_wage_cap, 'JP');
    if (!cap.ok) return cap;
    const jkk = lookup(rules.pu_jkk_rate, 'JKK');
    if (!jkk.ok) return jkk;
    const jkm = lookup(rules.pu_jkm_rate, 'JKM');
    if (!jkm.ok) return jkm;
    if (input.riskClass === undefined) return err('contribution_risk_class_required', undefined, 'riskClass');
    const jkkBasisPoints = jkk.value.employerBasisPointsByRiskClass[input.riskClass];
    const jpBase = Math.min(wage, cap.value.wageCapRupiah);
    programmes.push(
      splitContribution(
        'JHT',
        wage,
        jht.value.workerBasisPoints,
        jht.value.employerBasisPoints,
        0,
        'discount',
      ),
      splitContribution(
        'JP',
        jpBase,
        jp.value.workerBasisPoints,
        jp.value.employerBasisPoints,
        jpDeferredBasisPoints,
        'deferral',
      ),
      splitContribution('JKK', wage, 0, jkkBasisPoints, jkkDiscountBasisPoints, 'discount'),
      splitContribution('JKM', wage, 0, jkm.value.employerBasisPoints, jkmDiscountBasisPoints, 'discount'),
    );
    const allocation = findRuleValue(rules.pu_jkp_allocation, date);
    if (allocation !== null) {
      const base = allocation.wageCapRupiah === null ? wage : Math.min(wage, allocation.wageCapRupiah);
      const part = (basisPoints: number): Rupiah =>
        roundByRule('contribution', BigInt(base) * BigInt(basisPoints), BP);
      const governmentRupiah = part(allocation.governmentBasisPoints);
      const fromJkkRupiah = part(allocation.fromJkkBasisPoints);
      const fromJkmRupiah = part(allocation.fromJkmBasisPoints);
      const totalRupiah = governmentRupiah + fromJkkRupiah + fromJkmRupiah;
      jkp = {
        baseRupiah: base,
        governmentRupiah,
        fromJkkRupiah,
        fromJkmRupiah,
        totalRupiah,
        isBilled: false,
      };
      const row = ruleInForce(rules.pu_jkp_allocation, date);
      if (row.ok) citations.push(cite(rules.pu_jkp_allocation, row.value));
    }
  }

  return ok({
    period,
    segment,
    wageMonthlyRupiah: wage,
    programmes,
    jkp,
    workerRupiah: sumRupiah(programmes.map((p) => p.workerRupiah)),
    employerRupiah: sumRupiah(programmes.map((p) => p.employerRupiah)),
    totalRupiah: sumRupiah(programmes.map((p) => p.totalRupiah)),
    discountRupiah: sumRupiah(programmes.map((p) => p.discountRupiah)),
    deferredRupiah: sumRupiah(programmes.map((p) => p.deferredRupiah)),
    citations,
  });
}

/** The line for one programme, or null when the segment has none (e.g. JP for BPU). */
export function findProgramme(
  breakdown: ContributionBreakdown,
  programme: BilledProgramme,
): ProgrammeContribution | null {
  return breakdown.programmes.find((line) => line.programme === programme) ?? null;
}
