import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { layerRuleOverrides } from '../rules/rule-overrides';
import { addDays } from '../time/calendar-date';
import { checkJhtClaimEligibility } from './jht-claim';
import { calculateJhtTax, maxPartialJhtClaim } from './jht-payout';

const today = '2025-09-10';

describe('JHT claim eligibility (Permenaker 4/2022)', () => {
  it('a worker who resigned 20 days ago must wait, and is told the day the wait ends', () => {
    const resigned = addDays(today, -20); // 2025-08-21
    expect(
      checkJhtClaimEligibility(
        { reason: 'resignation', claimDate: today, eventDate: resigned },
        defaultRuleBook,
      ),
    ).toEqual({
      ok: false,
      code: 'jht_waiting_period',
      params: { date: '21-09-2025', eligibleFrom: '2025-09-21' },
    });
  });

  it.each([
    ['resignation', '2025-08-10', '2025-09-10'], // exactly one month
    ['layoff', '2025-07-31', '2025-08-31'],
    ['contract_end', '2025-09-01', '2025-09-01'],
    ['death', '2025-09-09', '2025-09-09'],
    ['leaving_indonesia', '2025-01-01', '2025-01-01'],
    ['total_disability', '2025-01-01', '2025-01-01'],
    ['bpu_stopped', '2025-01-01', '2025-01-01'],
  ] as const)('%s on %s is eligible from %s', (reason, eventDate, eligibleFrom) => {
    expect(checkJhtClaimEligibility({ reason, claimDate: today, eventDate }, defaultRuleBook)).toMatchObject({
      ok: true,
      value: { reason, eligibleFrom },
    });
  });

  it('layoff with one day still to wait', () => {
    expect(
      checkJhtClaimEligibility(
        { reason: 'layoff', claimDate: today, eventDate: '2025-08-11' },
        defaultRuleBook,
      ),
    ).toMatchObject({
      ok: false,
      code: 'jht_waiting_period',
      params: { eligibleFrom: '2025-09-11' },
    });
  });

  it.each([
    ['1969-09-10', undefined, true], // 56 today
    ['1969-09-11', undefined, false],
    ['1970-09-10', 55, true], // contract retirement age 55
    ['1969-09-10', 58, true], // 56 today: a higher contract age does not delay the statutory 56
    ['1971-09-10', 54, true], // 54 today, contract retirement age 54
    ['1971-09-10', 55, false], // 54 today, contract age 55 not reached
  ])(
    'retirement, born %s, contract age %s → eligible %s',
    (birthDate, contractRetirementAgeYears, eligible) => {
      const result = checkJhtClaimEligibility(
        {
          reason: 'retirement',
          claimDate: today,
          birthDate,
          ...(contractRetirementAgeYears === undefined ? {} : { contractRetirementAgeYears }),
        },
        defaultRuleBook,
      );
      expect(result.ok).toBe(eligible);
      if (!result.ok) expect(result.code).toBe('jht_retirement_age_not_reached');
    },
  );

  it('names missing or inconsistent input', () => {
    expect(
      checkJhtClaimEligibility({ reason: 'retirement', claimDate: today }, defaultRuleBook),
    ).toMatchObject({
      code: 'jht_birth_date_required',
    });
    expect(
      checkJhtClaimEligibility(
        { reason: 'layoff', claimDate: today, eventDate: '2025-10-01' },
        defaultRuleBook,
      ),
    ).toMatchObject({
      code: 'jht_event_after_claim',
    });
    expect(checkJhtClaimEligibility({ reason: 'layoff', claimDate: today }, defaultRuleBook)).toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('partial JHT claim (PP 46/2015 art. 22(4)-(6))', () => {
  const base = {
    balanceRupiah: 80_000_005,
    membershipStartDate: '2015-09-10',
    claimDate: today,
    partialClaimsTaken: 0,
  };

  it.each([
    ['any', 1000, 8_000_000],
    ['housing', 3000, 24_000_001],
  ] as const)('%s: up to %i bp = %i (rounded down)', (purpose, rateBasisPoints, maxRupiah) => {
    expect(maxPartialJhtClaim({ ...base, purpose }, defaultRuleBook)).toEqual({
      ok: true,
      value: { purpose, rateBasisPoints, maxRupiah },
    });
  });

  it('only once, and only after 10 years', () => {
    expect(
      maxPartialJhtClaim({ ...base, purpose: 'any', partialClaimsTaken: 1 }, defaultRuleBook),
    ).toMatchObject({
      code: 'jht_partial_already_taken',
    });
    expect(
      maxPartialJhtClaim({ ...base, purpose: 'any', membershipStartDate: '2015-09-11' }, defaultRuleBook),
    ).toMatchObject({
      code: 'jht_partial_membership_too_short',
      params: { date: '11-09-2025', eligibleFrom: '2025-09-11' },
    });
  });
});

describe('JHT tax (PP 68/2009 art. 2, configurable)', () => {
  it.each([
    [50_000_000, 0],
    [60_000_000, 500_000],
    [50_000_019, 0],
    [50_000_020, 1],
  ])('gross %i → tax %i', (grossRupiah, taxRupiah) => {
    expect(calculateJhtTax({ grossRupiah, paymentDate: today }, defaultRuleBook)).toMatchObject({
      ok: true,
      value: { taxRupiah, netRupiah: grossRupiah - taxRupiah },
    });
  });

  it('takes an operator override', () => {
    const { book } = layerRuleOverrides(defaultRuleBook, [
      {
        overrideId: 1,
        tableId: 'jht_tax',
        value: { exemptUpToRupiah: 0, rateAboveBasisPoints: 1000 },
        validFrom: '2025-01-01',
        validTo: null,
        regulation: 'PMK (test)',
        article: 'art. 1',
      },
    ]);
    expect(calculateJhtTax({ grossRupiah: 1_000, paymentDate: today }, book)).toMatchObject({
      value: { taxRupiah: 100 },
    });
    expect(calculateJhtTax({ grossRupiah: 1_000, paymentDate: '2024-12-31' }, book)).toMatchObject({
      value: { taxRupiah: 0 },
    });
    expect(calculateJhtTax({ grossRupiah: -1, paymentDate: today }, defaultRuleBook)).toMatchObject({
      code: 'jht_amount_invalid',
    });
  });
});
