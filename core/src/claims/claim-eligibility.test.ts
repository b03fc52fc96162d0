import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { layerRuleOverrides } from '../rules/rule-overrides';
import { missingClaimDocuments, sniffClaimDocumentType } from './claim-documents';
import { assessClaim, type ClaimFacts } from './claim-eligibility';
import { canMoveClaim, claimAgeing } from './claim-status';

const base: ClaimFacts = {
  programme: 'JHT',
  reason: 'resignation',
  claimDate: '2026-11-22',
  account: {
    status: 'inactive',
    segment: 'PU',
    joinedOn: '2012-01-01',
    exitedOn: '2026-09-30',
    exitReason: 'resignation',
  },
  membershipStartDate: '2012-01-01',
  birthDate: '1990-01-15',
  jhtAvailableRupiah: 12_000_000,
  jpAvailableRupiah: 4_000_000,
  jpWages: [{ year: 2025, wageMonthlyRupiah: 5_000_000, months: 12 }],
  partialClaimsTaken: 0,
  lastWageMonthlyRupiah: 5_000_000,
  paidPeriods: [],
};

const assess = (changes: Partial<ClaimFacts>) => assessClaim({ ...base, ...changes }, defaultRuleBook);

describe('assessClaim', () => {
  it('pays the whole JHT balance after the 1-month wait from resignation (Permenaker 4/2022)', () => {
    const result = assess({});
    expect(result).toMatchObject({
      ok: true,
      value: {
        payFrom: 'member_jht',
        grossRupiah: 12_000_000,
        taxRupiah: 0,
        netRupiah: 12_000_000,
        eligibleFrom: '2026-10-30',
        isBranchVerificationRequired: false,
        onlineLimitRupiah: 15_000_000,
      },
    });
    expect(result.ok && result.value.requiredDocuments).toEqual([
      'ktp',
      'kpj_card',
      'savings_book',
      'resignation_letter',
    ]);
  });

  it('refuses inside the waiting period and says when it ends', () => {
    const result = assess({ claimDate: '2026-10-15' });
    expect(result).toEqual({
      ok: false,
      code: 'jht_waiting_period',
      params: { date: '30-10-2026', eligibleFrom: '2026-10-30' },
    });
  });

  it.each([
    [
      { account: { ...base.account, status: 'active' as const, exitedOn: null, exitReason: null } },
      'claim_membership_active',
    ],
    [{ account: { ...base.account, exitReason: 'layoff' } }, 'claim_exit_reason_mismatch'],
    [{ account: { ...base.account, status: 'merged' as const } }, 'claim_account_merged'],
    [{ reason: 'work_death' }, 'claim_reason_invalid'],
    [{ jhtAvailableRupiah: 0 }, 'claim_nothing_to_pay'],
    [{ reason: 'leaving_indonesia' }, 'claim_event_date_required'],
    [{ reason: 'retirement' }, 'jht_retirement_age_not_reached'],
    [{ reason: 'bpu_stopped' }, 'claim_reason_invalid'],
  ])('refuses %o with %s', (changes, code) => {
    expect(assess(changes as Partial<ClaimFacts>)).toMatchObject({ ok: false, code });
  });

  it('taxes the part above Rp50 m at 5% and sends large claims to a branch', () => {
    const result = assess({ jhtAvailableRupiah: 60_000_000 });
    expect(result).toMatchObject({
      ok: true,
      value: {
        grossRupiah: 60_000_000,
        taxRupiah: 500_000,
        netRupiah: 59_500_000,
        isBranchVerificationRequired: true,
      },
    });
  });

  it("takes the tax rule and the online limit from the rule book, with an operator's rows", () => {
    const row = { validTo: null, regulation: 'Keputusan Direksi', article: 'lampiran' };
    const layered = layerRuleOverrides(defaultRuleBook, [
      {
        overrideId: 1,
        tableId: 'jht_tax',
        value: { exemptUpToRupiah: 0, rateAboveBasisPoints: 0 },
        validFrom: '2026-01-01',
        ...row,
      },
      {
        overrideId: 2,
        tableId: 'jht_online_claim_limit',
        value: { maxBalanceRupiah: 100_000_000 },
        validFrom: '2026-01-01',
        ...row,
      },
    ]);
    expect(layered.rejected).toEqual([]);
    const result = assessClaim({ ...base, jhtAvailableRupiah: 60_000_000 }, layered.book);
    expect(result).toMatchObject({
      ok: true,
      value: { taxRupiah: 0, onlineLimitRupiah: 100_000_000, isBranchVerificationRequired: false },
    });
  });

  it('uses the Rp10 m online limit before May 2025', () => {
    const result = assess({ claimDate: '2025-04-30', account: { ...base.account, exitedOn: '2025-03-01' } });
    expect(result).toMatchObject({
      ok: true,
      value: { onlineLimitRupiah: 10_000_000, isBranchVerificationRequired: true },
    });
  });

  it('allows a 10% partial claim after 10 years while still working, once (PP 46/2015 art. 22)', () => {
    const working = { ...base.account, status: 'active' as const, exitedOn: null, exitReason: null };
    expect(assess({ reason: 'partial_any', account: working })).toMatchObject({
      ok: true,
      value: { grossRupiah: 1_200_000, maxRupiah: 1_200_000 },
    });
    expect(assess({ reason: 'partial_housing', account: working, requestedRupiah: 2_000_000 })).toMatchObject(
      {
        ok: true,
        value: { grossRupiah: 2_000_000, maxRupiah: 3_600_000 },
      },
    );
    expect(assess({ reason: 'partial_any', account: working, partialClaimsTaken: 1 })).toEqual({
      ok: false,
      code: 'jht_partial_already_taken',
    });
    expect(assess({ reason: 'partial_any', account: working, requestedRupiah: 1_200_001 })).toMatchObject({
      ok: false,
      code: 'claim_amount_exceeds_maximum',
    });
    expect(
      assess({ reason: 'partial_any', account: working, membershipStartDate: '2020-01-01' }),
    ).toMatchObject({
      ok: false,
      code: 'jht_partial_membership_too_short',
    });
  });

  it('pays JP as a lump sum under 180 months and refuses before the pension age', () => {
    expect(assess({ programme: 'JP', reason: 'retirement' })).toMatchObject({
      ok: false,
      code: 'claim_jp_pension_age_not_reached',
    });
    expect(assess({ programme: 'JP', reason: 'retirement', birthDate: '1960-01-15' })).toMatchObject({
      ok: true,
      value: { payFrom: 'member_jp', grossRupiah: 4_000_000, monthlyRupiah: null },
    });
    const wages = Array.from({ length: 16 }, (_, index) => ({
      year: 2010 + index,
      wageMonthlyRupiah: 5_000_000,
      months: 12,
    }));
    const monthly = assess({
      programme: 'JP',
      reason: 'retirement',
      birthDate: '1960-01-15',
      jpWages: wages,
    });
    expect(monthly).toMatchObject({
      ok: true,
      value: { payFrom: 'fund', monthlyRupiah: 800_000, grossRupiah: 800_000 },
    });
  });

  it('pays JKM Rp42 m to heirs (PP 82/2019) and JKK, JKP from the fund', () => {
    expect(assess({ programme: 'JKM', reason: 'death', eventDate: '2026-11-01' })).toMatchObject({
      ok: true,
      value: { payFrom: 'fund', grossRupiah: 42_000_000, isBranchVerificationRequired: true },
    });
    expect(
      assess({
        programme: 'JKK',
        reason: 'temporary_incapacity',
        eventDate: '2026-10-01',
        incapacityMonths: 2,
      }),
    ).toMatchObject({ ok: true, value: { grossRupiah: 10_000_000 } });
    expect(
      assess({ programme: 'JKK', reason: 'temporary_incapacity', eventDate: '2026-10-01' }),
    ).toMatchObject({
      ok: false,
      code: 'claim_incapacity_months_required',
    });
    const paid = Array.from(
      { length: 14 },
      (_, index) => `2025-${String((index % 12) + 1).padStart(2, '0')}`,
    );
    const months = [
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ];
    const laidOff = { ...base.account, exitReason: 'layoff' };
    expect(
      assess({ programme: 'JKP', reason: 'layoff', account: laidOff, paidPeriods: months }),
    ).toMatchObject({
      ok: true,
      value: { grossRupiah: 18_000_000 },
    });
    expect(
      assess({ programme: 'JKP', reason: 'layoff', account: laidOff, paidPeriods: paid.slice(0, 3) }),
    ).toMatchObject({
      ok: false,
      code: 'jkp_contribution_months_insufficient',
    });
    expect(assess({ programme: 'JKP', reason: 'layoff' })).toMatchObject({
      ok: false,
      code: 'claim_exit_reason_mismatch',
    });
  });
});

describe('claim documents and statuses', () => {
  it('recognises files by their first bytes', () => {
    expect(sniffClaimDocumentType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffClaimDocumentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffClaimDocumentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(sniffClaimDocumentType(new TextEncoder().encode('MZ executable'))).toBeNull();
  });

  it('lists the documents still missing', () => {
    expect(missingClaimDocuments('JHT', 'resignation', ['ktp', 'savings_book'])).toEqual([
      'kpj_card',
      'resignation_letter',
    ]);
  });

  it('moves only along the state machine', () => {
    expect(canMoveClaim('submitted', 'approved')).toBe(true);
    expect(canMoveClaim('paid', 'approved')).toBe(false);
    expect(canMoveClaim('rejected', 'paid')).toBe(false);
    expect(canMoveClaim('draft', 'approved')).toBe(false);
  });

  it('ages a claim in working days against the 5-day service level', () => {
    // 2026-11-16 is a Monday; the next Monday is 5 working days later, the Tuesday 6.
    expect(claimAgeing('2026-11-16', '2026-11-23')).toEqual({
      workingDaysOpen: 5,
      dueOn: '2026-11-23',
      isOverdue: false,
      workingDaysLeft: 0,
    });
    expect(claimAgeing('2026-11-16', '2026-11-24').isOverdue).toBe(true);
    expect(claimAgeing('2026-11-16', '2026-11-24', new Set(['2026-11-17'])).isOverdue).toBe(false);
  });
});
