// The registry of every built-in rule table, reduced to a printable, validated summary each.
import { jkkBenefitTable, jkmBenefitTable } from './benefit-tables';
import { bpuContributionTable } from './bpu-tables';
import { jhtClaimRuleTable, jhtTaxTable, onlineClaimLimitTable } from './jht-tables';
import { jkpRuleTable } from './jkp-tables';
import {
  jpBenefitLimitTable,
  jpFormulaTable,
  jpSurvivorShareTable,
  pensionAgeTable,
} from './jp-benefit-tables';
import { jpWageCapTable } from './jp-cap-tables';
import { contributionReliefTable, paymentTermsTable } from './payment-tables';
import { jhtRateTable, jkkRateTable, jkmRateTable, jkpAllocationTable, jpRateTable } from './pu-rate-tables';
import { validateRuleTable, type RuleRow, type RuleTable, type RuleTableIssue } from './rule-table';

export type RuleRowSummary = Omit<RuleRow<unknown>, 'value'> & { readonly valueText: string };

export type RuleTableSummary = {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly RuleRowSummary[];
  readonly issues: readonly RuleTableIssue[];
};

export function summariseRuleTable<V>(table: RuleTable<V>): RuleTableSummary {
  return {
    id: table.id,
    title: table.title,
    rows: table.rows.map(({ value, ...row }) => ({ ...row, valueText: table.describe(value) })),
    issues: validateRuleTable(table),
  };
}

/** Every built-in table, in the order docs/rules.md lists them. */
export function allRuleTableSummaries(): RuleTableSummary[] {
  return [
    summariseRuleTable(jhtRateTable),
    summariseRuleTable(jpRateTable),
    summariseRuleTable(jkkRateTable),
    summariseRuleTable(jkmRateTable),
    summariseRuleTable(jkpAllocationTable),
    summariseRuleTable(bpuContributionTable),
    summariseRuleTable(paymentTermsTable),
    summariseRuleTable(contributionReliefTable),
    summariseRuleTable(jpWageCapTable),
    summariseRuleTable(jpBenefitLimitTable),
    summariseRuleTable(pensionAgeTable),
    summariseRuleTable(jpFormulaTable),
    summariseRuleTable(jpSurvivorShareTable),
    summariseRuleTable(jhtClaimRuleTable),
    summariseRuleTable(onlineClaimLimitTable),
    summariseRuleTable(jhtTaxTable),
    summariseRuleTable(jkmBenefitTable),
    summariseRuleTable(jkkBenefitTable),
    summariseRuleTable(jkpRuleTable),
  ];
}
