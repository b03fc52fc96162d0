// The yearly JHT development return (hasil pengembangan) from dated postings and a declared yearly rate.
// The fund declares the rate; how it accrues within the year is not documented (FACTS.md §2), so the
// accrual basis is a parameter. The return is computed exactly and rounded down once when credited (ADR 0002).
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { rupiahFromBigInt, type Rupiah } from '../money/rupiah';
import { assert, err, ok, type Result } from '../result';
import { compareDates, dateParts, dayNumber, isCalendarDate, type CalendarDate } from '../time/calendar-date';

/**
 * monthly_balance_weighted (default): the opening balance earns the full year; a posting earns from the
 *   first day of the month after its date, i.e. (12 − month) / 12 of the rate. This matches monthly
 *   contribution periods and BPJS statements that list postings by month, and never credits a
 *   contribution for days before it arrived.
 * daily_balance_weighted: a posting earns from its own date to 31 December, counted in days.
 * opening_balance_only: only the balance on 1 January earns; postings start earning next year.
 */
export type AccrualBasis = 'monthly_balance_weighted' | 'daily_balance_weighted' | 'opening_balance_only';
export const DEFAULT_ACCRUAL_BASIS: AccrualBasis = 'monthly_balance_weighted';

/** A balance movement: contributions positive, withdrawals negative. */
export type JhtPosting = { readonly date: CalendarDate; readonly amountRupiah: Rupiah };

export const MAX_POSTINGS_PER_YEAR = 10_000;

export type DevelopmentReturnInput = {
  readonly year: number;
  readonly openingBalanceRupiah: Rupiah;
  readonly postings: readonly JhtPosting[];
  /** The yearly rate the fund declared, e.g. 563 for 5.63% (2020). */
  readonly rateBasisPoints: number;
  readonly accrualBasis?: AccrualBasis;
};

export type DevelopmentReturn = {
  readonly year: number;
  readonly openingBalanceRupiah: Rupiah;
  readonly netPostingsRupiah: Rupiah;
  readonly returnRupiah: Rupiah;
  readonly closingBalanceRupiah: Rupiah;
  readonly rateBasisPoints: number;
  readonly accrualBasis: AccrualBasis;
};

type ReturnError =
  'jht_return_rate_invalid' | 'jht_posting_outside_year' | 'jht_balance_negative' | 'jht_amount_invalid';

export function calculateDevelopmentReturn(
  input: DevelopmentReturnInput,
): Result<DevelopmentReturn, ReturnError> {
  const { year, openingBalanceRupiah, postings, rateBasisPoints } = input;
  const accrualBasis = input.accrualBasis ?? DEFAULT_ACCRUAL_BASIS;
  assert(Number.isInteger(year) && year >= 1900 && year <= 2199, `year out of range: ${year}`);
  assert(postings.length <= MAX_POSTINGS_PER_YEAR, 'too many postings in one year');
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > BASIS_POINTS_PER_UNIT) {
    return err('jht_return_rate_invalid', undefined, 'rateBasisPoints');
  }
  if (!Number.isSafeInteger(openingBalanceRupiah))
    return err('jht_amount_invalid', undefined, 'openingBalanceRupiah');
  if (openingBalanceRupiah < 0) return err('jht_balance_negative', { date: `${year}-01-01` });

  const sorted = [...postings].sort((a, b) => compareDates(a.date, b.date));
  const firstDay = dayNumber(`${year}-01-01`);
  const daysInYear = dayNumber(`${year + 1}-01-01`) - firstDay;
  const periods = accrualBasis === 'daily_balance_weighted' ? BigInt(daysInYear) : 12n;
  let balance = BigInt(openingBalanceRupiah);
  let weighted = balance * periods; // Σ amount × periods it earns
  for (const posting of sorted) {
    if (!isCalendarDate(posting.date) || !posting.date.startsWith(`${year}-`)) {
      return err('jht_posting_outside_year', { date: String(posting.date), year });
    }
    if (!Number.isSafeInteger(posting.amountRupiah)) return err('jht_amount_invalid', { date: posting.date });
    balance += BigInt(posting.amountRupiah);
    if (balance < 0n) return err('jht_balance_negative', { date: posting.date });
    const earning =
      accrualBasis === 'monthly_balance_weighted'
        ? 12 - dateParts(posting.date).month
        : accrualBasis === 'daily_balance_weighted'
          ? daysInYear - (dayNumber(posting.date) - firstDay)
          : 0;
    weighted += BigInt(posting.amountRupiah) * BigInt(earning);
  }
  // A withdrawal can leave a weighted sum below zero only if it preceded matching deposits; clamp at 0.
  const numerator = (weighted < 0n ? 0n : weighted) * BigInt(rateBasisPoints);
  // PP 46/2015 art. 22(7): credited yearly; rounded down to whole Rupiah (roundingRules.developmentReturn).
  const returnRupiah = roundByRule('developmentReturn', numerator, periods * BigInt(BASIS_POINTS_PER_UNIT));
  const netPostingsRupiah = rupiahFromBigInt(balance - BigInt(openingBalanceRupiah));
  return ok({
    year,
    openingBalanceRupiah,
    netPostingsRupiah,
    returnRupiah,
    closingBalanceRupiah: rupiahFromBigInt(balance + BigInt(returnRupiah)),
    rateBasisPoints,
    accrualBasis,
  });
}

export type DevelopmentYearInput = {
  readonly year: number;
  readonly rateBasisPoints: number;
  readonly postings: readonly JhtPosting[];
};

/** Several consecutive years; each year's credited return is part of the next year's opening balance. */
export function compoundDevelopmentReturns(input: {
  readonly openingBalanceRupiah: Rupiah;
  readonly years: readonly DevelopmentYearInput[];
  readonly accrualBasis?: AccrualBasis;
}): Result<DevelopmentReturn[], ReturnError | 'jht_years_not_consecutive'> {
  assert(input.years.length <= 200, 'too many years');
  const results: DevelopmentReturn[] = [];
  let opening = input.openingBalanceRupiah;
  for (const [index, yearInput] of input.years.entries()) {
    const previous = input.years[index - 1];
    if (previous !== undefined && yearInput.year !== previous.year + 1)
      return err('jht_years_not_consecutive');
    const result = calculateDevelopmentReturn({
      ...yearInput,
      openingBalanceRupiah: opening,
      ...(input.accrualBasis === undefined ? {} : { accrualBasis: input.accrualBasis }),
    });
    if (!result.ok) return result;
    results.push(result.value);
    opening = result.value.closingBalanceRupiah;
  }
  return ok(results);
}
