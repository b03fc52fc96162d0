// Staff give a reason for every search, view and action; it goes to the audit log beside the action.
import { err, ok, type Result } from '@lumbung/core';

export const MIN_REASON_LENGTH = 5;
export const MAX_REASON_LENGTH = 500;

export function checkReason(reason: string | undefined): Result<string, 'staff_reason_required'> {
  const text = (reason ?? '').trim().replace(/\s+/g, ' ');
  if (text.length < MIN_REASON_LENGTH) return err('staff_reason_required', undefined, 'reason');
  return ok(text.slice(0, MAX_REASON_LENGTH));
}
