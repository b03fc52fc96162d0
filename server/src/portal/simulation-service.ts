// Simulasi: JHT at the claim age and JP at pension age from the core projection, with the member's own
// balance, last wage and contribution months, and the assumptions echoed so the page can show them.
import { err, ok, type Result } from '@lumbung/core';
import { pensionDateFor } from '@lumbung/core/jp/pension-age';
import { getRuleInForce } from '@lumbung/core/rules/rule-table';
import { projectJhtBalance } from '@lumbung/core/projection/jht-projection';
import { projectJpPension } from '@lumbung/core/projection/jp-projection';
import { getContributionHistory, getMemberBalances } from '../ledger/balance-queries';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { listMemberAccounts } from './member-accounts';
import { lastReportedWage } from './overview-service';

/**
 * What a member may assume (basis points a year; age in years), and what the page starts with. The
 * defaults are round starting points for the member to change, not forecasts; the result always
 * echoes the assumptions it used. The page reads all of this from GET /api/v1/me/simulation/assumptions.
 */
export const SIMULATION_LIMITS = {
  wageGrowthBasisPoints: { min: -2_000, max: 3_000, default: 500 },
  returnBasisPoints: { min: 0, max: 2_000, default: 550 },
  retirementAge: { min: 40, max: 70 },
} as const;

export interface AssumptionBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface SimulationAssumptions {
  readonly wageGrowthBasisPoints: AssumptionBounds;
  readonly returnBasisPoints: AssumptionBounds;
  /** The default is the JHT claim age in force today (the projection's own default). */
  readonly retirementAge: AssumptionBounds;
}

export function getSimulationAssumptions(ctx: ServiceContext): SimulationAssumptions {
  const asOf = todayInJakarta(ctx.clock);
  return {
    wageGrowthBasisPoints: SIMULATION_LIMITS.wageGrowthBasisPoints,
    returnBasisPoints: SIMULATION_LIMITS.returnBasisPoints,
    retirementAge: {
      ...SIMULATION_LIMITS.retirementAge,
      default: getRuleInForce(ctx.rules.current.jht_claim, asOf).value.retirementAgeYears,
    },
  };
}

export interface SimulationInput {
  readonly wageGrowthBasisPoints: number;
  readonly returnBasisPoints: number;
  readonly retirementAge?: number;
}

export interface Simulation {
  readonly jhtAt56: { readonly amountRupiah: number; readonly atDate: string };
  readonly jp: {
    readonly monthlyRupiah: number | null;
    readonly lumpSumRupiah: number | null;
    readonly pensionAge: number;
    readonly pensionDate: string;
    readonly contributionMonthsAtPension: number | null;
    /** 'fewer_than_180_months' (lump sum instead of a pension), 'past_pension_age', 'no_jp'. */
    readonly reason?: string;
  };
  readonly assumptions: {
    readonly wageGrowthBasisPoints: number;
    readonly returnBasisPoints: number;
    readonly retirementAge: number;
    readonly currentWageRupiah: number;
    readonly jhtBalanceRupiah: number;
    readonly jpBalanceRupiah: number;
    readonly jpContributionMonths: number;
    readonly jhtContributionBasisPoints: number;
    readonly jpWageCapRupiah: number | null;
    readonly asOf: string;
    /** JP figures are in today's prices; JHT in nominal Rupiah. */
    readonly jpPricesBasis: 'today';
  };
}

export type SimulationErrorCode =
  'simulation_assumption_invalid' | 'simulation_age_invalid' | 'simulation_age_passed' | 'simulation_no_wage';

const within = (value: number, bounds: { min: number; max: number }): boolean =>
  Number.isInteger(value) && value >= bounds.min && value <= bounds.max;

/** Whole percent for the message: the rate bounds are whole percents by construction. */
const percentOf = (basisPoints: number): number => {
  if (basisPoints % 100 !== 0) throw new Error(`rate bound ${basisPoints} bp is not a whole percent`);
  return basisPoints / 100;
};

const rateOutOfBounds = (field: 'wageGrowthBasisPoints' | 'returnBasisPoints') => {
  const bounds = SIMULATION_LIMITS[field];
  return err(
    'simulation_assumption_invalid',
    { min: percentOf(bounds.min), max: percentOf(bounds.max) },
    field,
  );
};

const ageOutOfBounds = () =>
  err(
    'simulation_age_invalid',
    { min: SIMULATION_LIMITS.retirementAge.min, max: SIMULATION_LIMITS.retirementAge.max },
    'retirementAge',
  );

export async function simulateBenefits(
  ctx: ServiceContext,
  personId: number,
  input: SimulationInput,
): Promise<Result<Simulation, SimulationErrorCode>> {
  if (!within(input.wageGrowthBasisPoints, SIMULATION_LIMITS.wageGrowthBasisPoints)) {
    return rateOutOfBounds('wageGrowthBasisPoints');
  }
  if (!within(input.returnBasisPoints, SIMULATION_LIMITS.returnBasisPoints)) {
    return rateOutOfBounds('returnBasisPoints');
  }
  if (input.retirementAge !== undefined && !within(input.retirementAge, SIMULATION_LIMITS.retirementAge)) {
    return ageOutOfBounds();
  }
  const asOf = todayInJakarta(ctx.clock);
  const rules = ctx.rules.current;
  const accounts = await listMemberAccounts(ctx, personId);
  const wage = await lastReportedWage(ctx, personId, accounts);
  if (wage === null) return err('simulation_no_wage');
  const person = await ctx.db
    .selectFrom('persons')
    .select('birth_date')
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const balances = await getMemberBalances(ctx.db, personId);
  const history = await getContributionHistory(ctx.db, personId, { limit: 2_400 });
  const jpMonths = new Set(
    history
      .filter((month) => month.isPaid && month.jpWorkerRupiah + month.jpEmployerRupiah > 0)
      .map((month) => month.period),
  ).size;

  const jht = projectJhtBalance(
    {
      asOf,
      birthDate: person.birth_date,
      balanceRupiah: Math.max(0, balances.total.JHT.amountRupiah),
      wageMonthlyRupiah: wage,
      wageGrowthBasisPoints: input.wageGrowthBasisPoints,
      returnBasisPoints: input.returnBasisPoints,
      ...(input.retirementAge === undefined ? {} : { targetAgeYears: input.retirementAge }),
    },
    rules,
  );
  if (!jht.ok) {
    // The inputs were checked above; only an age the member has already reached is left to refuse.
    if (jht.code !== 'projection_horizon_invalid') throw new Error(`JHT projection refused: ${jht.code}`);
    return err('simulation_age_passed', undefined, 'retirementAge');
  }

  const isPu = accounts.some((account) => account.status === 'active' && account.segment === 'PU');
  const pension = pensionDateFor(person.birth_date, rules);
  const jp = isPu
    ? projectJpPension(
        {
          asOf,
          birthDate: person.birth_date,
          contributionMonthsSoFar: jpMonths,
          wageMonthlyRupiah: wage,
          realWageGrowthBasisPoints: input.wageGrowthBasisPoints,
        },
        rules,
      )
    : undefined;
  const jpBalanceRupiah = balances.total.JP.amountRupiah;
  let jpView: Simulation['jp'];
  if (jp === undefined) {
    jpView = {
      monthlyRupiah: null,
      lumpSumRupiah: null,
      pensionAge: pension.pensionAgeYears,
      pensionDate: pension.pensionDate,
      contributionMonthsAtPension: null,
      reason: 'no_jp',
    };
  } else if (!jp.ok) {
    jpView = {
      monthlyRupiah: null,
      lumpSumRupiah: jpBalanceRupiah,
      pensionAge: pension.pensionAgeYears,
      pensionDate: pension.pensionDate,
      contributionMonthsAtPension: null,
      reason: 'past_pension_age',
    };
  } else {
    jpView = {
      monthlyRupiah: jp.value.monthlyRupiah,
      // PP 45/2015 art. 15(4): under 180 months the contributions and returns are paid at once; the
      // figure is today's JP balance (future contributions would add to it).
      lumpSumRupiah: jp.value.isLumpSum ? jpBalanceRupiah : null,
      pensionAge: jp.value.pensionAgeYears,
      pensionDate: jp.value.pensionDate,
      contributionMonthsAtPension: jp.value.contributionMonthsAtPension,
      ...(jp.value.isLumpSum ? { reason: 'fewer_than_180_months' } : {}),
    };
  }
  return ok({
    jhtAt56: { amountRupiah: jht.value.finalBalanceRupiah, atDate: jht.value.targetDate },
    jp: jpView,
    assumptions: {
      wageGrowthBasisPoints: input.wageGrowthBasisPoints,
      returnBasisPoints: input.returnBasisPoints,
      retirementAge: jht.value.assumptions.targetAgeYears,
      currentWageRupiah: wage,
      jhtBalanceRupiah: balances.total.JHT.amountRupiah,
      jpBalanceRupiah,
      jpContributionMonths: jpMonths,
      jhtContributionBasisPoints: jht.value.assumptions.contributionBasisPoints,
      jpWageCapRupiah: jp?.ok ? jp.value.assumptions.wageCapTodayRupiah : null,
      asOf,
      jpPricesBasis: 'today',
    },
  });
}
