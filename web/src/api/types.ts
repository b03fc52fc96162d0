// Shapes of the /api/v1 responses the web app reads. Amounts are integer Rupiah; dates are
// 'YYYY-MM-DD', periods 'YYYY-MM', instants ISO 8601.
import type { LocalizedText } from './client';

/** Server text that may come in one language or both. */
export type ServerText = string | LocalizedText;

export type Role = 'member' | 'employer_admin' | 'agent' | 'branch_officer' | 'claims_officer' | 'admin';

export interface SessionUser {
  readonly id: string;
  readonly role: Role;
  readonly displayName: string;
  readonly language: 'id' | 'en';
  readonly totpEnabled?: boolean;
}

export interface SessionResponse {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export type SignInResponse =
  | {
      readonly status: 'signed_in';
      readonly user: SessionUser;
      readonly csrfToken: string;
      readonly deviceId?: string;
    }
  | {
      readonly status: 'code_required';
      readonly challengeId: string;
      readonly channel: 'sms' | 'email';
      readonly maskedDestination: string;
    }
  | { readonly status: 'totp_required'; readonly challengeId: string };

export interface RegisterResponse {
  readonly registrationId: string;
  readonly channel: 'sms' | 'email';
  readonly maskedDestination: string;
  readonly expiresAt: string;
}

export interface Benefit {
  readonly label: ServerText;
  readonly amountRupiah: number | null;
  readonly description: ServerText;
}

export interface Protection {
  readonly active: boolean;
  readonly benefits: readonly Benefit[];
}

export interface MemberAccount {
  readonly kpj: string;
  readonly segment: 'PU' | 'BPU';
  readonly status: string;
  readonly joinedOn: string;
  readonly exitedOn: string | null;
  readonly employer: { readonly name: string; readonly npp: string } | null;
}

export interface Overview {
  readonly person: { readonly fullName: string };
  readonly accounts: readonly MemberAccount[];
  readonly programmes: {
    readonly jht: { readonly balanceRupiah: number };
    readonly jp: { readonly balanceRupiah: number };
    readonly jkk: Protection;
    readonly jkm: Protection;
    readonly jkp: Protection;
  };
  readonly asOf: string;
}

export interface JhtParts {
  readonly totalRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly developmentReturnRupiah: number;
  readonly withdrawalsRupiah: number;
}

export interface BalancePoint {
  readonly date: string;
  readonly balanceRupiah: number;
}

export interface JhtAccount extends JhtParts {
  readonly kpj: string;
  readonly series: readonly BalancePoint[];
}

export interface JhtView {
  readonly accounts: readonly JhtAccount[];
  /** Every KPJ together, with the server's summed month-end series. */
  readonly sum: JhtParts & { readonly series: readonly BalancePoint[] };
  readonly asOf: string;
}

export type ContributionStatus = 'paid' | 'missing' | 'underpaid' | 'late' | 'pending';

/** `none`: nothing to do; `wait`: not due yet; `report`: ask HR, then tell the fund. */
export type ContributionAdvice = 'none' | 'wait' | 'report';

/** A contribution month with the server's judgement of it, so the page shows it instead of recomputing. */
export interface ContributionMonth {
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

export interface StatementCreated {
  readonly statementId: string;
  readonly code: string;
  readonly downloadUrl: string;
}

export interface StatementVerification {
  readonly valid: boolean;
  /** Masked KPJ, or 'all' for a statement of every account. */
  readonly kpj?: string;
  readonly fromPeriod?: string;
  readonly toPeriod?: string;
  readonly generatedAt?: string;
  readonly sha256?: string;
}

export interface CardVerification {
  readonly valid: boolean;
  /** Masked, e.g. "S*** A***". */
  readonly fullName?: string;
  /** Masked KPJ. */
  readonly kpj?: string;
  readonly status?: 'active' | 'inactive';
}

export interface Card {
  readonly fullName: string;
  readonly kpj: string;
  readonly programmes: readonly string[];
  readonly since: string;
  readonly verifyCode: string;
}

export interface Profile {
  readonly address: string | null;
  readonly fullName?: string;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly birthDate?: string;
}

export type Relation = 'spouse' | 'child' | 'parent' | 'sibling' | 'other';

export interface Beneficiary {
  readonly id: string;
  readonly name: string;
  readonly relation: Relation;
  readonly nik: string;
  readonly sharePercent: number;
}

export interface BeneficiaryList {
  readonly beneficiaries: readonly Beneficiary[];
  readonly totalSharePercent: number;
  readonly remainingSharePercent: number;
  /** True while the shares do not add up to exactly 100%. */
  readonly shareWarning: boolean;
}

export interface SecuritySession {
  readonly id: string;
  readonly device?: string | null;
  readonly userAgent?: string | null;
  readonly ip?: string | null;
  readonly createdAt?: string;
  readonly lastSeenAt?: string;
  readonly current?: boolean;
  readonly isCurrent?: boolean;
}

export interface SignInRecord {
  readonly id?: string;
  readonly at?: string;
  readonly createdAt?: string;
  readonly ip?: string | null;
  readonly device?: string | null;
  readonly userAgent?: string | null;
  readonly outcome?: string;
  readonly success?: boolean;
}

export interface AssumptionBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** The simulation's bounds and defaults, from the server's rules. */
export interface SimulationAssumptions {
  readonly wageGrowthBasisPoints: AssumptionBounds;
  readonly returnBasisPoints: AssumptionBounds;
  readonly retirementAge: AssumptionBounds;
}

export interface SimulationResult {
  readonly jhtAt56: { readonly amountRupiah: number; readonly atDate: string };
  readonly jp: {
    readonly monthlyRupiah: number | null;
    readonly lumpSumRupiah: number | null;
    readonly pensionAge: number;
    readonly reason?: ServerText;
  };
  readonly assumptions: Readonly<Record<string, unknown>>;
}

export interface NewsItem {
  readonly id: string;
  readonly title: ServerText;
  readonly summary?: ServerText;
  readonly body?: ServerText;
  readonly publishedAt: string;
}

export type TicketStatus = 'open' | 'answered' | 'closed';

export interface TicketSummary {
  readonly id: number;
  /** TK-<year>-<6 digits>, what the member quotes on the phone. */
  readonly number: string;
  readonly subject: string;
  readonly category: string;
  readonly status: TicketStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TicketMessage {
  readonly from: 'member' | 'staff';
  readonly body: string;
  readonly at: string;
}

/** A file sent with the ticket (the payslip sent with "Lapor"); the SHA-256 is of the bytes as sent. */
export interface TicketAttachment {
  readonly id: number;
  readonly kind: 'payslip';
  readonly fileName: string;
  readonly contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface TicketThread extends TicketSummary {
  readonly closedAt: string | null;
  readonly messages: readonly TicketMessage[];
  readonly attachments: readonly TicketAttachment[];
}
