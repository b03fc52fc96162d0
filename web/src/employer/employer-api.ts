// The employer portal's endpoints (/api/v1/employer/..., role employer_admin): workers, wage reports
// (CSV upload), bills and arrears. Amounts are integer Rupiah; dates 'YYYY-MM-DD', periods 'YYYY-MM'.
import { api } from '../api/client';

export interface EmployerProfile {
  readonly employerId: number;
  readonly npp: string;
  readonly name: string;
  readonly riskClass: 'very_low' | 'low' | 'medium' | 'high' | 'very_high';
  readonly address: string | null;
}

export interface EmployerWorker {
  readonly employmentId: number;
  readonly personId: number;
  readonly fullName: string;
  readonly kpj: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly exitReason: ExitReason | null;
}

/** The reasons the server accepts (server/src/employer/exit-service.ts EXIT_REASONS), in its order. */
export const EXIT_REASONS = [
  'resignation',
  'layoff',
  'contract_end',
  'retirement',
  'death',
  'disability',
  'leaving_indonesia',
  'stopped_working',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export interface EnrolWorkerInput {
  readonly nik: string;
  readonly fullName?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly startedOn: string;
  readonly kpj?: string;
}

export interface EnrolledWorker {
  readonly kpj: string;
  readonly isNewPerson: boolean;
  readonly isNewAccount: boolean;
}

export interface WorkerExit {
  readonly exitedOn: string;
  readonly isAccountExited: boolean;
}

export interface WageReportImport {
  readonly importedLines: number;
  readonly periods: readonly {
    readonly period: string;
    readonly billId: number;
    readonly lines: number;
    readonly addedRupiah: number;
  }[];
}

export interface WageReportPeriod {
  readonly period: string;
  readonly lineCount: number;
  readonly wageTotalRupiah: number;
  readonly lastReportedAt: string;
}

export type BillStatus = 'open' | 'partially_paid' | 'paid';

export interface SplitAmount {
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly totalRupiah: number;
}

export interface Bill {
  readonly billId: number;
  readonly period: string;
  readonly dueOn: string;
  readonly status: BillStatus;
  readonly programmes: {
    readonly JHT: SplitAmount;
    readonly JP: SplitAmount;
    readonly JKK: { readonly totalRupiah: number };
    readonly JKM: { readonly totalRupiah: number };
  };
  readonly totalRupiah: number;
  readonly contributionPaidRupiah: number;
  readonly penaltyRupiah: number;
  readonly penaltyPaidRupiah: number;
  readonly outstandingRupiah: number;
  readonly paidOn: string | null;
  readonly workerCount: number;
  readonly postedWorkerCount: number;
}

export interface BillLine {
  readonly kpj: string;
  readonly fullName: string;
  readonly wageRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly jkpAllocationRupiah: number;
  readonly totalRupiah: number;
  readonly isPosted: boolean;
}

export interface BillPayment {
  readonly paymentReference: string;
  readonly amountRupiah: number;
  readonly paidAt: string;
  readonly source: 'bank' | 'staff';
}

export interface BillDetails {
  readonly period: string;
  readonly jkpAllocationRupiah: number;
  readonly lines: readonly BillLine[];
  readonly payments: readonly BillPayment[];
}

export interface ArrearsMonth {
  readonly findingId: number;
  readonly period: string;
  readonly kind: 'missing' | 'underpaid';
  readonly expectedRupiah: number;
  readonly postedRupiah: number;
  readonly shortfallRupiah: number;
  readonly penaltyRupiah: number;
  readonly dueOn: string;
}

export interface EmployerArrears {
  readonly employer: { readonly employerId: number; readonly npp: string; readonly name: string };
  readonly shortfallRupiah: number;
  readonly penaltyRupiah: number;
  readonly periods: readonly {
    readonly period: string;
    readonly workers: number;
    readonly shortfallRupiah: number;
  }[];
  readonly workers: readonly {
    readonly kpj: string;
    readonly fullName: string;
    readonly shortfallRupiah: number;
    readonly months: readonly ArrearsMonth[];
  }[];
}

const base = '/api/v1/employer';

export const employerApi = {
  profile: () => api<EmployerProfile>(`${base}/profile`),
  workers: async () => (await api<{ workers: EmployerWorker[] }>(`${base}/workers`)).workers,
  enrolWorker: (input: EnrolWorkerInput) =>
    api<EnrolledWorker>(`${base}/workers`, { method: 'POST', body: input }),
  reportExit: (kpj: string, exitedOn: string, reason: ExitReason) =>
    api<WorkerExit>(`${base}/workers/${encodeURIComponent(kpj)}/exit`, {
      method: 'POST',
      body: { exitedOn, reason },
    }),
  /** The file goes as it is (text/csv); the server reads comma or semicolon separated lines. */
  uploadWageReport: (file: Blob) =>
    api<WageReportImport>(`${base}/wage-reports/csv`, {
      method: 'POST',
      rawBody: new Blob([file], { type: 'text/csv' }),
    }),
  wageReports: async () => (await api<{ reports: WageReportPeriod[] }>(`${base}/wage-reports`)).reports,
  bills: async () => (await api<{ bills: Bill[] }>(`${base}/bills`)).bills,
  billDetails: (period: string) => api<BillDetails>(`${base}/bills/${encodeURIComponent(period)}/details`),
  arrears: () => api<EmployerArrears>(`${base}/arrears`),
};

/** Query keys, so a write can refresh exactly what it changed. */
export const employerKeys = {
  profile: ['employer', 'profile'] as const,
  workers: ['employer', 'workers'] as const,
  wageReports: ['employer', 'wage-reports'] as const,
  bills: ['employer', 'bills'] as const,
  billDetails: (period: string) => ['employer', 'bills', period] as const,
  arrears: ['employer', 'arrears'] as const,
};
