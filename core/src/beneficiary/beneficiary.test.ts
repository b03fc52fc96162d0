import { describe, expect, it } from 'vitest';
import { summariseShares, validateNewBeneficiary, type ExistingBeneficiary } from './beneficiary';

const asOf = '2026-11-22';
const memberNik = '3201011505900001';
// A woman born 12-03-2015 (day + 40), and a man born 01-01-1960.
const childNik = '3201015203150002';
const parentNik = '3201010101600003';

const base = { name: '  Siti   Aminah ', relation: 'child', nik: childNik, sharePercent: 50 };

describe('validateNewBeneficiary', () => {
  it('accepts a valid beneficiary and normalises the name', () => {
    const result = validateNewBeneficiary(base, { existing: [], memberNik, asOf });
    expect(result).toEqual({
      ok: true,
      value: { name: 'Siti Aminah', relation: 'child', nik: childNik, sharePercent: 50 },
    });
  });

  it('accepts a NIK typed with separators', () => {
    const result = validateNewBeneficiary(
      { ...base, nik: '3201-0152-0315-0002' },
      { existing: [], memberNik, asOf },
    );
    expect(result.ok && result.value.nik).toBe(childNik);
  });

  const existing: ExistingBeneficiary[] = [{ relation: 'spouse', nik: parentNik, sharePercent: 60 }];

  it.each([
    [{ name: '' }, 'beneficiary_name_invalid', 'name'],
    [{ name: 'x'.repeat(121) }, 'beneficiary_name_invalid', 'name'],
    [{ relation: 'cousin' }, 'beneficiary_relation_invalid', 'relation'],
    [{ sharePercent: 0 }, 'beneficiary_share_invalid', 'sharePercent'],
    [{ sharePercent: 101 }, 'beneficiary_share_invalid', 'sharePercent'],
    [{ sharePercent: 33.5 }, 'beneficiary_share_invalid', 'sharePercent'],
    [{ nik: '123' }, 'nik_invalid_format', 'nik'],
    [{ nik: '3201013213150002' }, 'nik_invalid_birth_date', 'nik'],
    [{ nik: '0501015203150002' }, 'nik_invalid_province', 'nik'],
    [{ nik: memberNik }, 'beneficiary_is_member', 'nik'],
    [{ nik: parentNik }, 'beneficiary_duplicate_nik', 'nik'],
    [{ relation: 'spouse' }, 'beneficiary_spouse_limit', 'relation'],
    [{ sharePercent: 41 }, 'beneficiary_shares_exceed_total', 'sharePercent'],
  ])('refuses %j with %s', (change, code, field) => {
    const result = validateNewBeneficiary({ ...base, ...change }, { existing, memberNik, asOf });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.field).toBe(field);
    }
  });

  it('says how much share is left when the total would pass 100%', () => {
    const result = validateNewBeneficiary({ ...base, sharePercent: 41 }, { existing, memberNik, asOf });
    expect(result.ok ? null : result.params).toEqual({ total: 101, remaining: 40 });
  });

  it('accepts exactly the remaining share', () => {
    expect(validateNewBeneficiary({ ...base, sharePercent: 40 }, { existing, memberNik, asOf }).ok).toBe(
      true,
    );
  });

  it('limits the list to ten', () => {
    const ten = Array.from({ length: 10 }, (_, index) => ({
      relation: 'other' as const,
      nik: `32010101016000${String(index + 10)}`,
      sharePercent: 1,
    }));
    const result = validateNewBeneficiary(base, { existing: ten, memberNik, asOf });
    expect(result.ok ? null : result.code).toBe('beneficiary_limit_reached');
  });
});

describe('summariseShares', () => {
  it.each([
    [[], 0, 100, false],
    [[60, 40], 100, 0, true],
    [[30, 30], 60, 40, false],
  ])('%j → total %i', (shares, totalPercent, remainingPercent, isComplete) => {
    expect(summariseShares(shares)).toEqual({ totalPercent, remainingPercent, isComplete });
  });
});
