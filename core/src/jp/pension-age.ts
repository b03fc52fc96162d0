// The JP pension age a member reaches, given the birth date: the age rises one year every three years
// from 2019 (57) to 2043 (65) (PP 45/2015 art. 15).
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import { addYears, assertCalendarDate, maxDate, type CalendarDate } from '../time/calendar-date';

export type PensionDate = {
  readonly pensionAgeYears: number;
  /** The birthday on which the member reaches the pension age in force in that year. */
  readonly pensionDate: CalendarDate;
};

/** The first birthday on which the member's age is at least the pension age in force that day. */
export function pensionDateFor(birthDate: CalendarDate, rules: RuleBook): PensionDate {
  assertCalendarDate(birthDate, 'birthDate');
  const table = rules.jp_pension_age;
  const first = firstValidFrom(table);
  for (let age = 50; age <= 80; age += 1) {
    const birthday = addYears(birthDate, age);
    // Before July 2015 the first pension age (56) applies: art. 15(1) "untuk pertama kali".
    const pensionAgeYears = getRuleInForce(table, maxDate(birthday, first)).value.pensionAgeYears;
    if (age >= pensionAgeYears) return { pensionAgeYears, pensionDate: birthday };
  }
  throw new Error('unreachable: the pension age table ends at 65');
}
