// Member reads whose answers carry the server's judgement, so the pages show it instead of recomputing
// it: the summed JHT series, each contribution month's flag and advice, the beneficiaries' share
// totals, and the simulation's bounds and defaults (docs/portal-api.md).
import { api, apiRequest } from '../../api/client';
import type { WithOffline } from '../../api/member-api';
import type { Beneficiary, BalancePoint, ContributionStatus, JhtAccount, JhtParts } from '../../api/types';

export interface JhtView {
  readonly accounts: readonly JhtAccount[];
  /** Every KPJ together, with the server's summed month-end series. */
  readonly sum: JhtParts & { readonly series: readonly BalancePoint[] };
  readonly asOf: string;
}

export async function fetchJhtView(): Promise<WithOffline<JhtView>> {
  const { data, offlineSavedAt } = await apiRequest<JhtView>('/api/v1/me/jht');
  return { ...data, offlineSavedAt };
}

/** `none`: nothing to do; `wait`: not due yet; `report`: ask HR, then tell the fund. */
export type ContributionAdvice = 'none' | 'wait' | 'report';

export interface ContributionMonthView {
  readonly period: string;
  readonly kpj: string;
  readonly employerName: string | null;
  readonly wageRupiah: number | null;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly paidOn: string | null;
  readonly status: ContributionStatus;
  /** The month needs the member's attention; counted in the page's summary. */
  readonly isFlagged: boolean;
  readonly advice: ContributionAdvice;
  readonly expectedRupiah?: number;
  readonly postedRupiah?: number;
}

export async function fetchContributionMonths(kpj: string | null): Promise<ContributionMonthView[]> {
  const query = kpj ? `?kpj=${encodeURIComponent(kpj)}` : '';
  const body = await api<{ months: ContributionMonthView[] }>(`/api/v1/me/contributions${query}`);
  return body.months;
}

export interface BeneficiaryList {
  readonly beneficiaries: readonly Beneficiary[];
  readonly totalSharePercent: number;
  readonly remainingSharePercent: number;
  /** True while the shares do not add up to exactly 100%. */
  readonly shareWarning: boolean;
}

export const fetchBeneficiaryList = (): Promise<BeneficiaryList> => api('/api/v1/me/beneficiaries');

export interface AssumptionBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface SimulationAssumptions {
  readonly wageGrowthBasisPoints: AssumptionBounds;
  readonly returnBasisPoints: AssumptionBounds;
  readonly retirementAge: AssumptionBounds;
}

export const fetchSimulationAssumptions = (): Promise<SimulationAssumptions> =>
  api('/api/v1/me/simulation/assumptions');
