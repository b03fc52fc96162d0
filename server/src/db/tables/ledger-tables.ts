// Kysely row types for migrations/0002_ledger.sql.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateColumn, UpdatedAt } from './foundation-tables';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Programme = 'JHT' | 'JP' | 'JKK' | 'JKM' | 'JKP';
export type PostingComponent = 'worker' | 'employer' | 'return' | 'withdrawal' | 'other';
export type BillStatus = 'open' | 'partially_paid' | 'paid';

export interface WageReportsTable {
  wage_report_id: Generated<number>;
  employer_id: number;
  period: string;
  account_id: number;
  person_id: number;
  wage: number;
  reported_at: Timestamp;
}

export interface BillsTable {
  bill_id: Generated<number>;
  employer_id: number;
  period: string;
  jht_worker_amount: Generated<number>;
  jht_employer_amount: Generated<number>;
  jp_worker_amount: Generated<number>;
  jp_employer_amount: Generated<number>;
  jkk_amount: Generated<number>;
  jkm_amount: Generated<number>;
  total_amount: Generated<number>;
  due_on: DateColumn;
  paid_amount: Generated<number>;
  status: Generated<BillStatus>;
  contribution_paid_amount: Generated<number>;
  penalty_amount: Generated<number>;
  penalty_paid_amount: Generated<number>;
  paid_on: DateColumn | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BillLinesTable {
  bill_line_id: Generated<number>;
  bill_id: number;
  employer_id: number;
  period: string;
  wage_report_id: number;
  account_id: number;
  person_id: number;
  wage: number;
  jht_worker_amount: number;
  jht_employer_amount: number;
  jp_worker_amount: number;
  jp_employer_amount: number;
  jkk_amount: number;
  jkm_amount: number;
  jkp_allocation_amount: Generated<number>;
  total_amount: number;
  is_posted: Generated<boolean>;
  posted_entry_id: number | null;
  posted_at: Date | null;
}

export interface PaymentsTable {
  payment_id: Generated<number>;
  employer_id: number;
  bill_id: number;
  payment_reference: string;
  amount: number;
  paid_at: Timestamp;
  source: 'bank' | 'staff';
  recorded_by_user_id: number | null;
  created_at: CreatedAt;
}

export interface BpuContributionsTable {
  bpu_contribution_id: Generated<number>;
  person_id: number;
  account_id: number;
  period: string;
  declared_income: number;
  jht_amount: number;
  jkk_amount: number;
  jkm_amount: number;
  total_amount: number;
  payment_reference: string;
  paid_at: Timestamp;
  entry_id: number | null;
}

export interface LedgerAccountsTable {
  ledger_account_id: Generated<number>;
  code: string;
  kind: 'member' | 'employer' | 'fund';
  programme: Programme | null;
  account_id: number | null;
  person_id: number | null;
  employer_id: number | null;
  name: string;
}

export interface JournalEntriesTable {
  entry_id: Generated<number>;
  idempotency_key: string;
  source: string;
  period: string | null;
  booked_at: Timestamp;
  person_id: number | null;
  employer_id: number | null;
  reverses_entry_id: number | null;
  description: string | null;
  created_at: CreatedAt;
}

export interface PostingsTable {
  posting_id: Generated<number>;
  entry_id: number;
  ledger_account_id: number;
  person_id: number | null;
  amount: number;
  component: PostingComponent;
}

export interface BalancesTable {
  ledger_account_id: number;
  person_id: number | null;
  employer_id: number | null;
  amount: Generated<number>;
  worker_amount: Generated<number>;
  employer_amount: Generated<number>;
  return_amount: Generated<number>;
  withdrawal_amount: Generated<number>;
  updated_at: UpdatedAt;
}

export interface JhtReturnYearsTable {
  year: number;
  rate_basis_points: number;
  declared_by: string;
  declared_at: Timestamp;
  is_illustrative: Generated<boolean>;
  status: Generated<'declared' | 'running' | 'completed'>;
  accounts_total: number | null;
  accounts_done: Generated<number>;
  amount_credited: Generated<number>;
  last_ledger_account_id: Generated<number>;
  started_at: Date | null;
  completed_at: Date | null;
}

export interface JhtReturnCreditsTable {
  year: number;
  ledger_account_id: number;
  person_id: number;
  account_id: number;
  amount: number;
  entry_id: number | null;
  credited_at: Timestamp;
}

export interface LedgerTables {
  wage_reports: WageReportsTable;
  bills: BillsTable;
  bill_lines: BillLinesTable;
  payments: PaymentsTable;
  bpu_contributions: BpuContributionsTable;
  ledger_accounts: LedgerAccountsTable;
  journal_entries: JournalEntriesTable;
  postings: PostingsTable;
  balances: BalancesTable;
  jht_return_years: JhtReturnYearsTable;
  jht_return_credits: JhtReturnCreditsTable;
}
