// Kysely row types for migrations/0001_foundation.sql.
import type { ColumnType, Generated } from 'kysely';

/** 'YYYY-MM-DD' in and out (see type-parsers.ts). */
export type DateColumn = string;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type Segment = 'PU' | 'BPU';
export type RiskClass = 'very_low' | 'low' | 'medium' | 'high' | 'very_high';
export type ExitReason =
  | 'resignation'
  | 'layoff'
  | 'contract_end'
  | 'retirement'
  | 'death'
  | 'disability'
  | 'leaving_indonesia'
  | 'stopped_working'
  | 'other';

export interface PersonsTable {
  person_id: Generated<number>;
  nik_cipher: string;
  nik_index: string;
  full_name: string;
  name_key: string;
  birth_date: DateColumn;
  sex: 'M' | 'F';
  mother_maiden_name_cipher: string | null;
  phone_cipher: string | null;
  phone_index: string | null;
  email_cipher: string | null;
  email_index: string | null;
  address_cipher: string | null;
  preferred_language: Generated<'id' | 'en'>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EmployersTable {
  employer_id: Generated<number>;
  npp: string;
  name: string;
  jkk_risk_class: RiskClass;
  address: string | null;
  created_at: CreatedAt;
}

export interface MemberAccountsTable {
  account_id: Generated<number>;
  person_id: number;
  kpj: string;
  segment: Segment;
  status: Generated<'active' | 'inactive' | 'merged'>;
  joined_on: DateColumn;
  exited_on: DateColumn | null;
  exit_reason: ExitReason | null;
  merged_into_account_id: number | null;
  created_at: CreatedAt;
}

export interface EmploymentsTable {
  employment_id: Generated<number>;
  employer_id: number;
  person_id: number;
  account_id: number;
  started_on: DateColumn;
  ended_on: DateColumn | null;
  exit_reason: ExitReason | null;
  created_at: CreatedAt;
}

export interface FoundationTables {
  persons: PersonsTable;
  employers: EmployersTable;
  member_accounts: MemberAccountsTable;
  employments: EmploymentsTable;
}
