// The one rounding module: every amount that is divided anywhere in core is rounded here, by a named
// rule that states its mode and the regulation (or the lack of one) behind it. Arithmetic is BigInt.
import { assert } from '../result';
import { assertRupiah, rupiahFromBigInt, type Rupiah } from './rupiah';

/**
 * floor / ceil: toward −∞ / +∞. half_up: nearest, ties away from zero (commercial rounding).
 * half_even: nearest, ties to the even neighbour (banker's rounding).
 */
export type RoundingMode = 'floor' | 'ceil' | 'half_up' | 'half_even';

export const BASIS_POINTS_PER_UNIT = 10_000;

/** numerator / denominator rounded to an integer with the given mode; exact for any size. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  assert(denominator !== 0n, 'division by zero');
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // same sign as numerator
  if (remainder === 0n) return quotient;
  const floor = remainder < 0n ? quotient - 1n : quotient;
  const fractionTwice = 2n * (numerator - floor * denominator); // in (0, 2·denominator)
  switch (mode) {
    case 'floor':
      return floor;
    case 'ceil':
      return floor + 1n;
    case 'half_up':
      if (fractionTwice === denominator) return numerator < 0n ? floor : floor + 1n;
      return fractionTwice > denominator ? floor + 1n : floor;
    case 'half_even':
      if (fractionTwice === denominator) return floor % 2n === 0n ? floor : floor + 1n;
      return fractionTwice > denominator ? floor + 1n : floor;
  }
}

/** amount × rate / 10,000, rounded once to whole Rupiah. */
export function applyBasisPoints(amountRupiah: Rupiah, rateBasisPoints: number, mode: RoundingMode): Rupiah {
  assertRupiah(amountRupiah, 'amountRupiah');
  assert(Number.isSafeInteger(rateBasisPoints), `rateBasisPoints must be an integer, got ${rateBasisPoints}`);
  return rupiahFromBigInt(
    divideRounded(BigInt(amountRupiah) * BigInt(rateBasisPoints), BigInt(BASIS_POINTS_PER_UNIT), mode),
  );
}

/** amount × numerator / denominator, rounded once to whole Rupiah. */
export function applyFraction(
  amountRupiah: Rupiah,
  numerator: number | bigint,
  denominator: number | bigint,
  mode: RoundingMode,
): Rupiah {
  assertRupiah(amountRupiah, 'amountRupiah');
  return rupiahFromBigInt(divideRounded(BigInt(amountRupiah) * BigInt(numerator), BigInt(denominator), mode));
}

/** Rounds an amount to a multiple of stepRupiah (e.g. 100) with the given mode. */
export function roundToStep(amountRupiah: Rupiah, stepRupiah: number, mode: RoundingMode): Rupiah {
  assertRupiah(amountRupiah, 'amountRupiah');
  assert(
    Number.isSafeInteger(stepRupiah) && stepRupiah > 0,
    `step must be a positive integer, got ${stepRupiah}`,
  );
  const step = BigInt(stepRupiah);
  return rupiahFromBigInt(divideRounded(BigInt(amountRupiah), step, mode) * step);
}

export function roundDownTo(amountRupiah: Rupiah, stepRupiah: number): Rupiah {
  return roundToStep(amountRupiah, stepRupiah, 'floor');
}

export function roundUpTo(amountRupiah: Rupiah, stepRupiah: number): Rupiah {
  return roundToStep(amountRupiah, stepRupiah, 'ceil');
}

export function roundHalfUpTo(amountRupiah: Rupiah, stepRupiah: number): Rupiah {
  return roundToStep(amountRupiah, stepRupiah, 'half_up');
}

export type RoundingRule = {
  readonly mode: RoundingMode;
  readonly stepRupiah: number;
  readonly citation: string;
  readonly confidence: 'H' | 'M' | 'L';
};

/** Every rounding the core performs, by name. Confidence L means no source states it: a default. */
export const roundingRules = {
  contribution: {
    mode: 'half_up',
    stepRupiah: 1,
    citation: 'No regulation states the mode; contributions are billed in whole Rupiah, half up (default)',
    confidence: 'L',
  },
  latePenalty: {
    mode: 'half_up',
    stepRupiah: 1,
    citation: 'No regulation states the mode; whole Rupiah, half up (default)',
    confidence: 'L',
  },
  jpWageCap: {
    mode: 'floor',
    stepRupiah: 100,
    citation: 'PP 45/2015 art. 29(3)-(4); BPJS circular B/1328/022020 (8,939,722 → 8,939,700)',
    confidence: 'H',
  },
  jpBenefitLimit: {
    mode: 'ceil',
    stepRupiah: 100,
    citation: 'PP 45/2015 art. 18(3); reproduces the sourced 2023 → 2024 minimum and maximum',
    confidence: 'M',
  },
  jpBenefit: {
    mode: 'half_up',
    stepRupiah: 1,
    citation: 'PP 45/2015 art. 17 gives the formula, not the rounding; whole Rupiah, half up (default)',
    confidence: 'L',
  },
  jpBenefitIndexation: {
    mode: 'half_up',
    stepRupiah: 1,
    citation:
      "PP 45/2015 art. 17(3): a running pension is raised each year by the past year's inflation; the rounding is not stated; whole Rupiah, half up (default)",
    confidence: 'L',
  },
  developmentReturn: {
    mode: 'floor',
    stepRupiah: 1,
    citation:
      'PP 46/2015 art. 22(7) (yearly crediting); computed exactly, rounded down once when credited (ADR 0002)',
    confidence: 'L',
  },
  benefit: {
    mode: 'half_up',
    stepRupiah: 1,
    citation: 'Percent-of-wage benefits (JKK, JKP, JP survivor shares); whole Rupiah, half up (default)',
    confidence: 'L',
  },
  partialClaim: {
    mode: 'floor',
    stepRupiah: 1,
    citation: 'PP 46/2015 art. 22(4)-(5): "up to" 10% / 30%, so rounded down to stay within the limit',
    confidence: 'M',
  },
  projection: {
    mode: 'half_up',
    stepRupiah: 1,
    citation: 'Projections only (assumed wage growth); not a regulated amount; whole Rupiah, half up',
    confidence: 'L',
  },
  tax: {
    mode: 'floor',
    stepRupiah: 1,
    citation: 'PP 68/2009 art. 2 gives the rates, not the rounding; rounded down to whole Rupiah (default)',
    confidence: 'L',
  },
} as const satisfies Record<string, RoundingRule>;

export type RoundingRuleName = keyof typeof roundingRules;

/** numerator / denominator rounded by a named rule (mode and step). */
export function roundByRule(rule: RoundingRuleName, numerator: bigint, denominator: bigint): Rupiah {
  const { mode, stepRupiah } = roundingRules[rule];
  const step = BigInt(stepRupiah);
  return rupiahFromBigInt(divideRounded(numerator, denominator * step, mode) * step, rule);
}

/** amount × rate / 10,000 rounded by a named rule. */
export function basisPointsByRule(
  rule: RoundingRuleName,
  amountRupiah: Rupiah,
  rateBasisPoints: number,
): Rupiah {
  assertRupiah(amountRupiah, 'amountRupiah');
  assert(Number.isSafeInteger(rateBasisPoints), `rateBasisPoints must be an integer, got ${rateBasisPoints}`);
  return roundByRule(rule, BigInt(amountRupiah) * BigInt(rateBasisPoints), BigInt(BASIS_POINTS_PER_UNIT));
}
