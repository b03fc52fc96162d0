// The rule book: every rule table by its id, the one set of rates, caps, ages, amounts and limits a
// calculation reads. defaultRuleBook holds the built-in (Indonesian) tables; the server layers an
// operator's rows over it (rule-overrides.ts) and passes the book in force to every calculator.
import { assert } from '../result';
import { jkkBenefitTable, jkmBenefitTable, type JkkBenefitRule, type JkmBenefitRule } from './benefit-tables';
import { bpuContributionTable, type BpuContributionRule } from './bpu-tables';
import {
  jhtClaimRuleTable,
  jhtTaxTable,
  onlineClaimLimitTable,
  type JhtClaimRule,
  type JhtTaxRule,
  type OnlineClaimLimit,
} from './jht-tables';
import { jkpRuleTable, type JkpRule } from './jkp-tables';
import {
  jpBenefitLimitTable,
  jpFormulaTable,
  jpSurvivorShareTable,
  pensionAgeTable,
  type JpBenefitLimit,
  type JpFormula,
  type JpSurvivorShares,
  type PensionAge,
} from './jp-benefit-tables';
import { jpWageCapTable, type JpWageCap } from './jp-cap-tables';
import {
  contributionReliefTable,
  paymentTermsTable,
  type ContributionRelief,
  type PaymentTerms,
} from './payment-tables';
import {
  jhtRateTable,
  jkkRateTable,
  jkmRateTable,
  jkpAllocationTable,
  jpRateTable,
  type JkkRate,
  type JkmRate,
  type JkpAllocation,
  type SplitRate,
} from './pu-rate-tables';
import type { RuleTable } from './rule-table';

export type RuleBook = {
  readonly pu_jht_rate: RuleTable<SplitRate>;
  readonly pu_jp_rate: RuleTable<SplitRate>;
  readonly pu_jkk_rate: RuleTable<JkkRate>;
  readonly pu_jkm_rate: RuleTable<JkmRate>;
  readonly pu_jkp_allocation: RuleTable<JkpAllocation>;
  readonly bpu_contribution: RuleTable<BpuContributionRule>;
  readonly payment_terms: RuleTable<PaymentTerms>;
  readonly contribution_relief: RuleTable<ContributionRelief>;
  readonly jp_wage_cap: RuleTable<JpWageCap>;
  readonly jp_benefit_limit: RuleTable<JpBenefitLimit>;
  readonly jp_pension_age: RuleTable<PensionAge>;
  readonly jp_formula: RuleTable<JpFormula>;
  readonly jp_survivor_share: RuleTable<JpSurvivorShares>;
  readonly jht_claim: RuleTable<JhtClaimRule>;
  readonly jht_online_claim_limit: RuleTable<OnlineClaimLimit>;
  readonly jht_tax: RuleTable<JhtTaxRule>;
  readonly jkm_benefit: RuleTable<JkmBenefitRule>;
  readonly jkk_benefit: RuleTable<JkkBenefitRule>;
  readonly jkp_benefit: RuleTable<JkpRule>;
};

export type RuleTableId = keyof RuleBook;

/** Every table id, in the order docs/rules.md and the admin page list them. */
export const ruleTableIds = [
  'pu_jht_rate',
  'pu_jp_rate',
  'pu_jkk_rate',
  'pu_jkm_rate',
  'pu_jkp_allocation',
  'bpu_contribution',
  'payment_terms',
  'contribution_relief',
  'jp_wage_cap',
  'jp_benefit_limit',
  'jp_pension_age',
  'jp_formula',
  'jp_survivor_share',
  'jht_claim',
  'jht_online_claim_limit',
  'jht_tax',
  'jkm_benefit',
  'jkk_benefit',
  'jkp_benefit',
] as const satisfies readonly RuleTableId[];

/** The built-in tables: Indonesia's rules as FACTS.md gathers them. */
export const defaultRuleBook: RuleBook = {
  pu_jht_rate: jhtRateTable,
  pu_jp_rate: jpRateTable,
  pu_jkk_rate: jkkRateTable,
  pu_jkm_rate: jkmRateTable,
  pu_jkp_allocation: jkpAllocationTable,
  bpu_contribution: bpuContributionTable,
  payment_terms: paymentTermsTable,
  contribution_relief: contributionReliefTable,
  jp_wage_cap: jpWageCapTable,
  jp_benefit_limit: jpBenefitLimitTable,
  jp_pension_age: pensionAgeTable,
  jp_formula: jpFormulaTable,
  jp_survivor_share: jpSurvivorShareTable,
  jht_claim: jhtClaimRuleTable,
  jht_online_claim_limit: onlineClaimLimitTable,
  jht_tax: jhtTaxTable,
  jkm_benefit: jkmBenefitTable,
  jkk_benefit: jkkBenefitTable,
  jkp_benefit: jkpRuleTable,
};

export function isRuleTableId(id: string): id is RuleTableId {
  return (ruleTableIds as readonly string[]).includes(id);
}

/** One table of the book, its value type forgotten (for listing, layering and validating). */
export function ruleTableOf(book: RuleBook, id: RuleTableId): RuleTable<unknown> {
  // A table's `describe` takes its own value type; seen as unknown it is only called with that table's
  // values (rule-overrides.ts checks the shape before a row joins).
  const table = book[id] as unknown as RuleTable<unknown>;
  assert(table.id === id, `rule book key '${id}' holds table '${table.id}'`);
  return table;
}

/** Every table of the book in ruleTableIds order. */
export function ruleTablesOf(book: RuleBook): readonly RuleTable<unknown>[] {
  return ruleTableIds.map((id) => ruleTableOf(book, id));
}
