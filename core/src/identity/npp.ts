// NPP, the employer registration number. Its format is not confirmed (FACTS.md §8, confidence L), so it
// is an opaque alphanumeric string: normalised for comparison, never validated for length beyond a limit.
import { err, ok, type Result } from '../result';
import { MAX_IDENTIFIER_INPUT_LENGTH, stripSeparators } from './normalise';

export const MAX_NPP_LENGTH = 32;

/** Upper-cases and removes spaces, dashes, dots and slashes; 1–32 letters and digits. */
export function normaliseNpp(text: string): Result<string, 'npp_invalid_format'> {
  const cleaned = text.length > MAX_IDENTIFIER_INPUT_LENGTH ? '' : stripSeparators(text).toUpperCase();
  return /^[A-Z0-9]+$/.test(cleaned) && cleaned.length <= MAX_NPP_LENGTH
    ? ok(cleaned)
    : err('npp_invalid_format', undefined, 'npp');
}
