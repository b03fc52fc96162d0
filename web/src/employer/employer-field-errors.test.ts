import { describe, expect, it } from 'vitest';
import { ProblemError, type Problem } from '../api/client';
import { mapProblemToFields } from './employer-field-errors';

const problem = (partial: Partial<Problem> & { code: string }): ProblemError =>
  new ProblemError(422, {
    message: { id: `pesan ${partial.code}`, en: `message ${partial.code}` },
    ...partial,
  });

const form = ['nik', 'fullName', 'startedOn', 'kpj', 'phone', 'email'];

describe('mapping API problems to form fields', () => {
  it('uses errors[].field when the problem has them', () => {
    const error = problem({
      code: 'validation_failed',
      errors: [
        { field: 'startedOn', code: 'validation_failed', message: { id: 'Tanggal salah', en: 'Bad date' } },
        { field: 'startedOn', code: 'validation_failed', message: { id: 'Kedua', en: 'Second' } },
      ],
    });
    expect(mapProblemToFields(error, form, 'id')).toEqual({
      fields: { startedOn: 'Tanggal salah' },
      isOnField: true,
    });
  });

  it.each([
    ['nik_invalid_province', 'nik'],
    ['employment_already_active', 'nik'],
    ['enrolment_name_required', 'fullName'],
    ['enrolment_kpj_not_usable', 'kpj'],
    ['kpj_invalid_check_digit', 'kpj'],
    ['phone_not_mobile', 'phone'],
  ])('puts %s without a field under %s', (code, field) => {
    expect(mapProblemToFields(problem({ code }), form, 'en')).toEqual({
      fields: { [field]: `message ${code}` },
      isOnField: true,
    });
  });

  it('leaves other problems for the form summary', () => {
    expect(mapProblemToFields(problem({ code: 'rate_limited' }), form, 'id')).toEqual({
      fields: {},
      isOnField: false,
    });
    expect(mapProblemToFields(new Error('boom'), form, 'id')).toEqual({ fields: {}, isOnField: false });
    // A field the form does not show is not "on a field".
    expect(mapProblemToFields(problem({ code: 'exit_date_invalid' }), form, 'id').isOnField).toBe(false);
  });
});
