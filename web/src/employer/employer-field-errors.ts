// Turns an API problem into messages under the form fields it concerns. Field-level problems carry
// `errors[].field`; some codes (an invalid NIK, a KPJ that is not usable) arrive without one, so their
// field is taken from the code.
import { ProblemError } from '../api/client';

const FIELD_BY_CODE: ReadonlyArray<readonly [prefix: string, field: string]> = [
  ['nik_', 'nik'],
  ['employment_already_active', 'nik'],
  ['enrolment_name_required', 'fullName'],
  ['enrolment_start_invalid', 'startedOn'],
  ['enrolment_kpj_not_usable', 'kpj'],
  ['kpj_', 'kpj'],
  ['employment_not_found', 'kpj'],
  ['phone_', 'phone'],
  ['email_', 'email'],
  ['exit_date_invalid', 'exitedOn'],
];

export interface MappedProblem {
  /** Message per field, in the reader's language. */
  readonly fields: Readonly<Record<string, string>>;
  /** True when at least one message went to a field the form shows. */
  readonly isOnField: boolean;
}

export function mapProblemToFields(
  error: unknown,
  formFields: readonly string[],
  lang: 'id' | 'en',
): MappedProblem {
  if (!(error instanceof ProblemError)) return { fields: {}, isOnField: false };
  const fields: Record<string, string> = {};
  for (const fieldError of error.problem.errors ?? []) {
    if (fieldError.field && !(fieldError.field in fields))
      fields[fieldError.field] = fieldError.message[lang];
  }
  if (Object.keys(fields).length === 0) {
    const match = FIELD_BY_CODE.find(([prefix]) => error.problem.code.startsWith(prefix));
    if (match) fields[match[1]] = error.problem.message[lang];
  }
  return { fields, isOnField: formFields.some((field) => field in fields) };
}
