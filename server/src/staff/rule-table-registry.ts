// The core's built-in rule tables that an operator may extend with overrides (admin rule-row edits).
import { jkkBenefitTable, jkmBenefitTable } from '@lumbung/core/rules/benefit-tables';
import { bpuContributionTable } from '@lumbung/core/rules/bpu-tables';
import { jhtClaimRuleTable, jhtTaxTable, onlineClaimLimitTable } from '@lumbung/core/rules/jht-tables';
import { jkpRuleTable } from '@lumbung/core/rules/jkp-tables';
import {
  jpBenefitLimitTable,
  jpFormulaTable,
  jpSurvivorShareTable,
  pensionAgeTable,
} from '@lumbung/core/rules/jp-benefit-tables';
import { jpWageCapTable } from '@lumbung/core/rules/jp-cap-tables';
import { contributionReliefTable, paymentTermsTable } from '@lumbung/core/rules/payment-tables';
import {
  jhtRateTable,
  jkkRateTable,
  jkmRateTable,
  jkpAllocationTable,
  jpRateTable,
} from '@lumbung/core/rules/pu-rate-tables';
import type { RuleTable } from '@lumbung/core/rules/rule-table';

export function builtInRuleTables(): readonly RuleTable<unknown>[] {
  const tables = [
    jhtRateTable,
    jpRateTable,
    jkkRateTable,
    jkmRateTable,
    jkpAllocationTable,
    bpuContributionTable,
    paymentTermsTable,
    contributionReliefTable,
    jpWageCapTable,
    jpBenefitLimitTable,
    pensionAgeTable,
    jpFormulaTable,
    jpSurvivorShareTable,
    jhtClaimRuleTable,
    onlineClaimLimitTable,
    jhtTaxTable,
    jkmBenefitTable,
    jkkBenefitTable,
    jkpRuleTable,
  ];
  return tables as unknown as readonly RuleTable<unknown>[];
}
