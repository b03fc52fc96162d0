// Rupiah display from integer amounts. Amounts arrive as integer Rupiah; no floating point touches them:
// digits are grouped as text and divisions use BigInt.

function toBigInt(amount: number | bigint): bigint {
  if (typeof amount === 'bigint') return amount;
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not an integer Rupiah amount: ${amount}`);
  return BigInt(amount);
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234567 → "Rp 1.234.567", -1500 → "-Rp 1.500". */
export function formatRupiah(amount: number | bigint): string {
  const value = toBigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  return `${negative ? '-' : ''}Rp ${groupDigits(digits)}`;
}

/** Plain integer with Indonesian grouping: 1234567 → "1.234.567". */
export function formatInteger(value: number | bigint): string {
  const big = toBigInt(value);
  const negative = big < 0n;
  return `${negative ? '-' : ''}${groupDigits((negative ? -big : big).toString())}`;
}

export interface CompactUnits {
  readonly thousand: string;
  readonly million: string;
  readonly billion: string;
}

export const compactUnitsId: CompactUnits = { thousand: 'rb', million: 'jt', billion: 'M' };
export const compactUnitsEn: CompactUnits = { thousand: 'k', million: 'm', billion: 'bn' };

/**
 * Short form for chart axes: 12345678 → "Rp 12,3 jt". One decimal, truncated toward zero (an axis
 * label must never overstate a balance).
 */
export function formatRupiahCompact(amount: number | bigint, units: CompactUnits, decimalMark = ','): string {
  const value = toBigInt(amount);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const steps: ReadonlyArray<[bigint, string]> = [
    [1_000_000_000n, units.billion],
    [1_000_000n, units.million],
    [1_000n, units.thousand],
  ];
  for (const [size, unit] of steps) {
    if (abs >= size) {
      const tenths = (abs * 10n) / size;
      const whole = tenths / 10n;
      const fraction = tenths % 10n;
      const text =
        fraction === 0n
          ? groupDigits(whole.toString())
          : `${groupDigits(whole.toString())}${decimalMark}${fraction}`;
      return `${negative ? '-' : ''}Rp ${text} ${unit}`;
    }
  }
  return formatRupiah(value);
}

/** Basis points as a percentage with two decimals: 550 → "5,50%". */
export function formatBasisPoints(basisPoints: number, decimalMark = ','): string {
  const value = toBigInt(basisPoints);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${abs / 100n}${decimalMark}${fraction}%`;
}

/** Basis points as a person would type the percentage: 500 → '5', 550 → '5,5', -2000 → '-20'. */
export function basisPointsToPercentText(basisPoints: number, decimalMark = ','): string {
  const value = toBigInt(basisPoints);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / 100n}${fraction ? `${decimalMark}${fraction}` : ''}`;
}

/**
 * Reads a percentage typed by a person ("5", "5,5", "5.25", "-1,5") into basis points, without floating
 * point. More than two decimals or anything else → null.
 */
export function parsePercentToBasisPoints(text: string): number | null {
  const match = /^\s*(-?)(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const basisPoints = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -basisPoints : basisPoints;
}
