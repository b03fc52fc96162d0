// Whole-Rupiah amounts as safe JS integers; every helper guards against precision loss (ADR 0002).
import { assert } from '../result';

/** A whole number of Rupiah. Always a safe integer; may be negative for ledger corrections. */
export type Rupiah = number;

export const MAX_SAFE_RUPIAH: Rupiah = Number.MAX_SAFE_INTEGER;

export function isRupiah(value: unknown): value is Rupiah {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Throws (programmer error) unless the value is a safe integer number of Rupiah. */
export function assertRupiah(value: number, name = 'amount'): asserts value is Rupiah {
  assert(Number.isSafeInteger(value), `${name} must be a safe integer number of Rupiah, got ${value}`);
}

export function assertNonNegativeRupiah(value: number, name = 'amount'): asserts value is Rupiah {
  assertRupiah(value, name);
  assert(value >= 0, `${name} must not be negative, got ${value}`);
}

/** Converts an exact BigInt back to Rupiah, asserting it is still a safe integer. */
export function rupiahFromBigInt(value: bigint, name = 'amount'): Rupiah {
  assert(
    value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER),
    `${name} ${value} exceeds the safe integer range`,
  );
  return Number(value);
}

export function addRupiah(a: Rupiah, b: Rupiah): Rupiah {
  assertRupiah(a, 'a');
  assertRupiah(b, 'b');
  const total = a + b;
  assertRupiah(total, 'sum');
  return total;
}

export function subtractRupiah(a: Rupiah, b: Rupiah): Rupiah {
  assertRupiah(a, 'a');
  assertRupiah(b, 'b');
  const difference = a - b;
  assertRupiah(difference, 'difference');
  return difference;
}

/** Multiplies by a whole factor (e.g. 48 × wage) exactly. */
export function multiplyRupiah(amount: Rupiah, factor: number): Rupiah {
  assertRupiah(amount);
  assert(Number.isSafeInteger(factor), `factor must be a safe integer, got ${factor}`);
  return rupiahFromBigInt(BigInt(amount) * BigInt(factor), 'product');
}

/** Exact sum; asserts the result (and every input) is a safe integer. Fund-size sums (~Rp 10^15) fit. */
export function sumRupiah(amounts: Iterable<Rupiah>): Rupiah {
  let total = 0n;
  for (const amount of amounts) {
    assertRupiah(amount);
    total += BigInt(amount);
  }
  return rupiahFromBigInt(total, 'sum');
}

export function minRupiah(a: Rupiah, b: Rupiah): Rupiah {
  return a < b ? a : b;
}

export function maxRupiah(a: Rupiah, b: Rupiah): Rupiah {
  return a > b ? a : b;
}

/** Indonesian display form: 5000000 → "Rp5.000.000", -1500 → "-Rp1.500". */
export function formatRupiah(amount: Rupiah): string {
  assertRupiah(amount);
  const digits = String(Math.abs(amount));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp${grouped}`;
}

/** As members read an amount in the portal, on statements and by SMS: "Rp 5.000.000" (space after Rp). */
export function formatRupiahForMember(amount: Rupiah): string {
  return formatRupiah(amount).replace(/^(-?)Rp/, '$1Rp ');
}

/**
 * Reads an amount as people type it: "Rp 5.000.000", "5,000,000", "5000000". Decimal fractions are
 * refused (returns null) rather than guessed, because "5.000" is five thousand in Indonesian usage.
 */
export function parseRupiah(text: string): Rupiah | null {
  const cleaned = text.trim().replace(/^rp\.?\s*/i, '');
  if (!/^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}
