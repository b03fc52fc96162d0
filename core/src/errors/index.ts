// The one registry of error codes and their messages. Each feature adds its own table file and one
// line below; the server maps every code to an HTTP status in server/src/http/error-status.ts.
import { alertErrors } from './alert-errors';
import { authErrors } from './auth-errors';
import { benefitErrors } from './benefit-errors';
import { claimErrors } from './claim-errors';
import { contributionErrors } from './contribution-errors';
import { generalErrors } from './general-errors';
import { identityErrors } from './identity-errors';
import { jhtErrors } from './jht-errors';
import { ledgerErrors } from './ledger-errors';
import { portalErrors } from './portal-errors';
import { rulesErrors } from './rules-errors';
import { smsErrors } from './sms-errors';
import { staffErrors } from './staff-errors';
import { timeErrors } from './time-errors';
import { interpolate, type Language, type Message } from './message';

export const errorMessages = {
  ...generalErrors,
  ...timeErrors,
  ...identityErrors,
  ...authErrors,
  ...rulesErrors,
  ...contributionErrors,
  ...jhtErrors,
  ...benefitErrors,
  ...ledgerErrors,
  ...smsErrors,
  ...staffErrors,
  ...portalErrors,
  ...alertErrors,
  ...claimErrors,
} as const;

export type ErrorCode = keyof typeof errorMessages;
export type { Language, Message };

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

export function errorMessage(
  code: ErrorCode,
  language: Language,
  params?: Readonly<Record<string, string | number>>,
): string {
  const message: Message = errorMessages[code];
  return interpolate(message[language], params);
}
