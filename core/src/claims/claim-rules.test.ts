// The claim rules the audit found wrong or duplicated: JP disability and survivor benefits (PP 45/2015;
// Permenaker 29/2015 art. 26), the JKP schedule, per-reason JHT citations, which reasons need an event
// date or an heir, the one list of open statuses, and what each officer role may do.
import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { jpBenefitLimitTable } from '../rules/jp-benefit-tables';
import { getRuleInForce } from '../rules/rule-table';
import { assessClaim, onlineClaimLimitOn, type ClaimFacts } from './claim-eligibility';
import { claimStaffActions } from './claim-staff-routes';
import { CLAIM_QUEUE_STATUSES, OPEN_CLAIM_STATUSES } from './claim-status';
import {
  CLAIM_PROGRAMMES,
  CLAIM_REASONS,
  isEventDateRequired,
  isHeirOnlyClaimReason,
  type ClaimProgramme,
} from './claim-types';

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
const minimumPension = getRuleInForce(jpBenefitLimitTable, '2026-11-22').value.minimumMonthlyRupiah;

describe('JP benefits (PP 45/2015; Permenaker 29/2015 art. 26)', () => {
  it('pays a disability pension regardless of contribution length (at least the minimum)', () => {
    const result = assess({ programme: 'JP', reason: 'total_disability', eventDate: '2026-10-01' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        payFrom: 'fund',
        grossRupiah: minimumPension,
        monthlyRupiah: minimumPension,
        schedule: [{ month: 1, amountRupiah: minimumPension }],
      },
    });
  });

  it('counts an early death as 15 years with ≥1 year membership and ≥80% density', () => {
    // 22 of 23 membership months paid; 1% × 15 years × Rp5 m = Rp750,000; the spouse's share is 50%.
    const result = assess({
      programme: 'JP',
      reason: 'death',
      eventDate: '2026-11-01',
      jpSurvivor: 'spouse',
      membershipStartDate: '2025-01-01',
      jpWages: [
        { year: 2025, wageMonthlyRupiah: 5_000_000, months: 12 },
        { year: 2026, wageMonthlyRupiah: 5_000_000, months: 10 },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { payFrom: 'fund', grossRupiah: 375_000, monthlyRupiah: 375_000 },
    });
  });

  it('pays the JP balance at once below 80% density, under a year, or to an heir who is no survivor', () => {
    const lowDensity = assess({
      programme: 'JP',
      reason: 'death',
      eventDate: '2026-11-01',
      jpSurvivor: 'child',
    });
    const underAYear = assess({
      programme: 'JP',
      reason: 'death',
      eventDate: '2026-11-01',
      jpSurvivor: 'spouse',
      membershipStartDate: '2026-03-01',
      jpWages: [{ year: 2026, wageMonthlyRupiah: 5_000_000, months: 8 }],
    });
    const sibling = assess({
      programme: 'JP',
      reason: 'death',
      eventDate: '2026-11-01',
      membershipStartDate: '2025-01-01',
      jpWages: [{ year: 2025, wageMonthlyRupiah: 5_000_000, months: 12 }],
    });
    for (const result of [lowDensity, underAYear, sibling]) {
      expect(result).toMatchObject({
        ok: true,
        value: { payFrom: 'member_jp', grossRupiah: 4_000_000, monthlyRupiah: null, schedule: [] },
      });
    }
  });
});

describe('JKP schedule (PP 6/2025)', () => {
  it('makes the six monthly amounts explicit and pays them as one sum', () => {
    const months = Array.from({ length: 14 }, (_, index) => {
      const month = ((7 + index) % 12) + 1;
      return `${2025 + Math.floor((7 + index) / 12)}-${String(month).padStart(2, '0')}`;
    });
    const result = assess({
      programme: 'JKP',
      reason: 'layoff',
      account: { ...base.account, exitReason: 'layoff' },
      paidPeriods: months,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        grossRupiah: 18_000_000,
        monthlyRupiah: 3_000_000,
        regulation: { id: 'PP 37/2021 jo. PP 6/2025 Pasal 21 dan Pasal 39A' },
      },
    });
    expect(result.ok && result.value.schedule).toEqual(
      Array.from({ length: 6 }, (_, index) => ({ month: index + 1, amountRupiah: 3_000_000 })),
    );
  });
});

describe('citations', () => {
  it('cites each JHT reason by its own articles, in Indonesian legal form for the Indonesian page', () => {
    const resignation = assess({});
    expect(resignation).toMatchObject({
      ok: true,
      value: {
        regulation: {
          id: 'Permenaker 4/2022 Pasal 5 ayat (2) huruf a, Pasal 8 dan Pasal 9',
          en: 'Permenaker 4/2022 art. 5(2)(a), 8 and 9',
        },
      },
    });
    const working = { ...base.account, status: 'active' as const, exitedOn: null, exitReason: null };
    expect(assess({ reason: 'partial_any', account: working })).toMatchObject({
      ok: true,
      value: { regulation: { id: 'PP 46/2015 jo. PP 60/2015 Pasal 22 ayat (4)–(6)' } },
    });
    for (const programme of CLAIM_PROGRAMMES) {
      for (const reason of CLAIM_REASONS[programme]) {
        const result = assess({
          programme,
          reason,
          eventDate: '2026-10-01',
          incapacityMonths: 2,
          account: { ...base.account, exitReason: reason === 'layoff' ? 'layoff' : 'resignation' },
          birthDate: '1960-01-15',
        });
        if (!result.ok) continue;
        expect(result.value.regulation.id, `${programme}:${reason}`).not.toMatch(/as amended|amending|art\./);
        expect(result.value.regulation.en, `${programme}:${reason}`).not.toMatch(/Pasal/);
        if (reason !== 'partial_any' && reason !== 'partial_housing') {
          expect(result.value.regulation.id, `${programme}:${reason}`).not.toContain('Pasal 22');
        }
      }
    }
  });
});

describe('which reasons need what', () => {
  it('asks for the event date exactly where the assessment needs it', () => {
    for (const programme of CLAIM_PROGRAMMES) {
      for (const reason of CLAIM_REASONS[programme]) {
        const result = assess({ programme, reason });
        const isAsked = !result.ok && result.code === 'claim_event_date_required';
        expect(isAsked, `${programme}:${reason}`).toBe(isEventDateRequired(programme, reason));
      }
    }
  });

  it('keeps death reasons for heirs', () => {
    const heirOnly = CLAIM_PROGRAMMES.flatMap((programme: ClaimProgramme) =>
      CLAIM_REASONS[programme]
        .filter((reason) => isHeirOnlyClaimReason(programme, reason))
        .map((reason) => `${programme}:${reason}`),
    );
    expect(heirOnly).toEqual(['JHT:death', 'JP:death', 'JKK:work_death', 'JKM:death']);
  });

  it('uses the online-only limit in force: Rp10 m to April 2025, Rp15 m from May 2025', () => {
    expect(onlineClaimLimitOn('2025-04-30', defaultRuleBook)).toBe(10_000_000);
    expect(onlineClaimLimitOn('2025-05-01', defaultRuleBook)).toBe(15_000_000);
    expect(assess({ jhtAvailableRupiah: 15_000_000 })).toMatchObject({
      ok: true,
      value: { isBranchVerificationRequired: false },
    });
    expect(assess({ jhtAvailableRupiah: 15_000_001 })).toMatchObject({
      ok: true,
      value: { isBranchVerificationRequired: true },
    });
  });
});

describe('statuses and officer actions', () => {
  it('derives the open statuses from the state machine; the queue is the open ones the member sent', () => {
    expect(OPEN_CLAIM_STATUSES).toEqual([
      'draft',
      'branch_verification',
      'submitted',
      'approved',
      'payment_failed',
    ]);
    expect([...CLAIM_QUEUE_STATUSES]).toEqual(OPEN_CLAIM_STATUSES.filter((status) => status !== 'draft'));
  });

  it('offers each role only the decisions its routes allow, in the status that allows them', () => {
    expect(claimStaffActions('branch_officer', 'submitted', false)).toEqual({
      branchVerify: false,
      approve: false,
      reject: false,
      pay: false,
    });
    expect(claimStaffActions('branch_officer', 'branch_verification', false)).toMatchObject({
      branchVerify: true,
    });
    expect(claimStaffActions('claims_officer', 'submitted', false)).toEqual({
      branchVerify: false,
      approve: true,
      reject: true,
      pay: false,
    });
    expect(claimStaffActions('claims_officer', 'approved', false)).toMatchObject({ reject: true, pay: true });
    expect(claimStaffActions('claims_officer', 'approved', true)).toMatchObject({ reject: false, pay: true });
    expect(claimStaffActions('claims_officer', 'paid', false)).toMatchObject({ reject: false, pay: false });
  });
});
