import { describe, expect, it } from 'vitest';
import { contributionMonthStatus, isContributionGap, type ComplianceFindingKind } from './compliance';

describe('contribution month status (portal and staff desk alike)', () => {
  const cases: Array<[string, ComplianceFindingKind | undefined, boolean, string, boolean]> = [
    ['a finding decides, whatever was posted', 'underpaid', true, 'underpaid', false],
    ['a late but complete month', 'late', true, 'late', false],
    ['due and nothing arrived: a gap', 'missing', false, 'missing', true],
    ['posted with no finding', undefined, true, 'paid', false],
    ['not posted and not judged yet', undefined, false, 'pending', false],
  ];
  it.each(cases)('%s', (_name, kind, isPosted, status, isGap) => {
    const result = contributionMonthStatus(kind === undefined ? undefined : { kind }, isPosted);
    expect(result).toBe(status);
    expect(isContributionGap(result)).toBe(isGap);
  });
});
