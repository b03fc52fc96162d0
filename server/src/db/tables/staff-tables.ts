// Kysely row types for migrations/0006_staff.sql.
import type { ColumnType, Generated } from 'kysely';
import type { DateColumn } from './foundation-tables';
import type { Timestamp } from './identity-tables';

/** jsonb: written as a JSON string, read back as a value. */
export type JsonColumn = ColumnType<unknown, string, never>;

export interface IdentityVerificationsTable {
  verification_id: Generated<number>;
  person_id: number;
  staff_user_id: number;
  session_id: number;
  channel: 'branch' | 'call_centre';
  checklist: JsonColumn;
  outcome: 'passed' | 'failed';
  reason: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface KpjMergesTable {
  merge_id: Generated<number>;
  person_id: number;
  from_account_id: number;
  into_account_id: number;
  moved_rupiah: number;
  staff_user_id: number;
  reason: string;
  created_at: Timestamp;
}

export interface CardReissuesTable {
  reissue_id: Generated<number>;
  person_id: number;
  staff_user_id: number;
  reason: string;
  created_at: Timestamp;
}

export interface RuleRowOverridesTable {
  override_id: Generated<number>;
  table_id: string;
  value: JsonColumn;
  valid_from: DateColumn;
  valid_to: DateColumn | null;
  regulation: string;
  article: string;
  note: string | null;
  created_by_user_id: number;
  created_at: Timestamp;
}

export interface StaffTables {
  identity_verifications: IdentityVerificationsTable;
  kpj_merges: KpjMergesTable;
  card_reissues: CardReissuesTable;
  rule_row_overrides: RuleRowOverridesTable;
}
