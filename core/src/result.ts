// Business outcomes are values with stable codes; programmer errors are assertions that throw.
import type { ErrorCode } from './errors/index';

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<C extends string = ErrorCode> = {
  readonly ok: false;
  readonly code: C;
  /** Values interpolated into the human message, e.g. { date: '12-01-2026' }. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** Which input field was wrong, when one was. */
  readonly field?: string;
};
export type Result<T, C extends string = ErrorCode> = Ok<T> | Err<C>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<C extends string>(
  code: C,
  params?: Readonly<Record<string, string | number>>,
  field?: string,
): Err<C> {
  return params === undefined && field === undefined
    ? { ok: false, code }
    : { ok: false, code, ...(params ? { params } : {}), ...(field ? { field } : {}) };
}

/** A programmer error: the caller broke a contract. Never used for expected business outcomes. */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}
