import { describe, expect, it } from 'vitest';
import {
  evaluateChecklist,
  isChecklistComplete,
  mayVerifyThrough,
  verificationChannelsFor,
  type ChecklistInput,
  type ChecklistTruth,
} from './verification-checklist';

const truth: ChecklistTruth = {
  nik: '3171014506900001',
  birthDate: '1990-06-05',
  motherMaidenName: 'Siti Aminah',
  employerNames: ['PT Sinar Jaya', 'CV Maju'],
  phone: '+6281234567890',
};

describe('verification checklist', () => {
  const cases: Array<[string, 'branch' | 'call_centre', ChecklistInput, 'passed' | 'failed']> = [
    [
      'branch: card seen, photo matches, NIK typed from the card',
      'branch',
      { idCardSeen: true, photoMatches: true, nik: '3171 0145 0690 0001' },
      'passed',
    ],
    [
      'branch: NIK on the card differs',
      'branch',
      { idCardSeen: true, photoMatches: true, nik: '3171014506900002' },
      'failed',
    ],
    [
      'branch: photo does not match',
      'branch',
      { idCardSeen: true, photoMatches: false, nik: '3171014506900001' },
      'failed',
    ],
    [
      'call centre: birth date, mother, phone',
      'call_centre',
      { birthDate: '1990-06-05', motherMaidenName: 'siti  AMINAH', phone: '0812-3456-7890' },
      'passed',
    ],
    [
      'call centre: last employer instead of mother',
      'call_centre',
      { birthDate: '1990-06-05', lastEmployer: 'Sinar Jaya', phone: '081234567890' },
      'passed',
    ],
    [
      'call centre: an earlier employer is not the last one',
      'call_centre',
      { birthDate: '1990-06-05', lastEmployer: 'CV Maju', phone: '081234567890' },
      'failed',
    ],
    [
      'call centre: wrong birth date',
      'call_centre',
      { birthDate: '1990-06-06', motherMaidenName: 'Siti Aminah', phone: '081234567890' },
      'failed',
    ],
    [
      'call centre: wrong phone',
      'call_centre',
      { birthDate: '1990-06-05', motherMaidenName: 'Siti Aminah', phone: '081299999999' },
      'failed',
    ],
    [
      'call centre: neither mother nor employer asked',
      'call_centre',
      { birthDate: '1990-06-05', phone: '081234567890' },
      'failed',
    ],
  ];
  it.each(cases)('%s', (_name, channel, input, outcome) => {
    expect(evaluateChecklist(channel, input, truth).outcome).toBe(outcome);
  });

  it('reports each item and ignores other channels’ items', () => {
    const result = evaluateChecklist(
      'call_centre',
      {
        birthDate: '1990-06-05',
        motherMaidenName: 'x',
        lastEmployer: 'PT Sinar Jaya',
        phone: '081234567890',
        idCardSeen: true,
      },
      truth,
    );
    expect(result.items).toEqual({
      birth_date: 'passed',
      registered_phone: 'passed',
      mother_maiden_name: 'failed',
      last_employer: 'passed',
    });
    expect(result.outcome).toBe('passed');
  });

  it('fails an item the record cannot answer (no registered phone)', () => {
    const result = evaluateChecklist(
      'call_centre',
      { birthDate: '1990-06-05', motherMaidenName: 'Siti Aminah', phone: '081234567890' },
      { ...truth, phone: null },
    );
    expect(result.items.registered_phone).toBe('failed');
    expect(result.outcome).toBe('failed');
  });

  it('knows when a checklist is complete enough to judge', () => {
    expect(isChecklistComplete('branch', { idCardSeen: true, photoMatches: true })).toBe(false);
    expect(isChecklistComplete('branch', { idCardSeen: true, photoMatches: false, nik: '1' })).toBe(true);
    expect(isChecklistComplete('call_centre', { birthDate: '1990-06-05', phone: '0812' })).toBe(false);
    expect(
      isChecklistComplete('call_centre', { birthDate: '1990-06-05', phone: '0812', lastEmployer: 'A' }),
    ).toBe(true);
  });

  it('ties the checklist to the role: agents by phone only, branch officers both, nobody else', () => {
    const cases: Array<[string, 'branch' | 'call_centre', boolean]> = [
      ['agent', 'call_centre', true],
      ['agent', 'branch', false],
      ['branch_officer', 'branch', true],
      ['branch_officer', 'call_centre', true],
      ['claims_officer', 'branch', false],
      ['claims_officer', 'call_centre', false],
      ['admin', 'branch', false],
      ['member', 'call_centre', false],
      ['toString', 'branch', false],
    ];
    for (const [role, channel, allowed] of cases) {
      expect(mayVerifyThrough(role, channel), `${role} ${channel}`).toBe(allowed);
    }
    expect(verificationChannelsFor('agent')).toEqual(['call_centre']);
    expect(verificationChannelsFor('employer_admin')).toEqual([]);
  });
});
