// A running JP pension, year by year: the first year's monthly benefit raised each January by the past
// year's inflation (PP 45/2015 art. 17(3)), kept within that year's minimum and maximum (art. 18).
import { roundByRule, BASIS_POINTS_PER_UNIT } from '../money/rounding';
import type { Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { findRuleValue } from '../rules/rule-table';

export type JpIndexedYear = {
  readonly year: number;
  readonly monthlyRupiah: Rupiah;
  /** The year's limit that applied, when the indexed amount fell outside it. */
  readonly limitedBy: 'minimum' | 'maximum' | null;
};

export type JpIndexationError = 'jp_inflation_missing' | 'benefit_input_invalid';

/** How many years a schedule may cover: a pension drawn from 56 to past 100. */
const MAX_YEARS = 60;

/**
 * The monthly pension for each year from startYear to toYear. Each year is the previous year's amount
 * before limits, times (1 + inflation of the year before), so a year held at a limit does not compound
 * the limit. Each year uses the limits row in force on 1 January; a year past the last row uses the
 * latest limits until an operator adds that year's row (as the first-year estimate does).
 */
export function indexJpPension(
  input: {
    readonly firstYearMonthlyRupiah: Rupiah;
    readonly startYear: number;
    readonly toYear: number;
    readonly inflationBasisPointsByYear: Readonly<Record<number, number>>;
  },
  rules: RuleBook,
): Result<readonly JpIndexedYear[], JpIndexationError> {
  const { firstYearMonthlyRupiah, startYear, toYear } = input;
  if (!Number.isSafeInteger(firstYearMonthlyRupiah) || firstYearMonthlyRupiah < 0) {
    return err('benefit_input_invalid', { detail: 'firstYearMonthlyRupiah' });
  }
  if (!Number.isInteger(startYear) || !Number.isInteger(toYear) || toYear < startYear) {
    return err('benefit_input_invalid', { detail: 'years' });
  }
  if (toYear - startYear >= MAX_YEARS) return err('benefit_input_invalid', { detail: 'too many years' });
  const schedule: JpIndexedYear[] = [];
  let unlimited = firstYearMonthlyRupiah;
  for (let year = startYear; year <= toYear; year += 1) {
    if (year > startYear) {
      const inflation = input.inflationBasisPointsByYear[year - 1];
      if (inflation === undefined || !Number.isSafeInteger(inflation)) {
        return err('jp_inflation_missing', { year: year - 1 });
      }
      unlimited = roundByRule(
        'jpBenefitIndexation',
        BigInt(unlimited) * BigInt(BASIS_POINTS_PER_UNIT + inflation),
        BigInt(BASIS_POINTS_PER_UNIT),
      );
    }
    const limits = findRuleValue(rules.jp_benefit_limit, `${year}-01-01`);
    const limitedBy =
      limits && unlimited < limits.minimumMonthlyRupiah
        ? 'minimum'
        : limits && unlimited > limits.maximumMonthlyRupiah
          ? 'maximum'
          : null;
    const monthlyRupiah =
      limitedBy === 'minimum'
        ? limits!.minimumMonthlyRupiah
        : limitedBy === 'maximum'
          ? limits!.maximumMonthlyRupiah
          : unlimited;
    schedule.push({ year, monthlyRupiah, limitedBy });
  }
  return ok(schedule);
}
