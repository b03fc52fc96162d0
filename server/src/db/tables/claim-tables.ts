// Kysely row types for migrations/0008_claims.sql.
import type { ClaimScheduleMonth, JpSurvivor, Message } from '@lumbung/core';
import type { ColumnType, Generated } from 'kysely';
import type { DateColumn } from './foundation-tables';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ClaimsTable {
  claim_id: Generated<number>;
  person_id: number;
  account_id: number;
  claimant_person_id: number | null;
  jp_survivor: JpSurvivor | null;
  number: string;
  programme: 'JHT' | 'JP' | 'JKK' | 'JKM' | 'JKP';
  reason: string;
  status: Generated<string>;
  idempotency_key: string;
  event_date: DateColumn | null;
  requested_amount: number | null;
  incapacity_months: number | null;
  pay_from: 'member_jht' | 'member_jp' | 'fund';
  gross_amount: number;
  tax_amount: number;
  net_amount: number;
  monthly_amount: number | null;
  online_limit_amount: number;
  needs_branch_verification: boolean;
  regulation: ColumnType<Message, string, string>;
  schedule: ColumnType<ClaimScheduleMonth[], string | undefined, string>;
  required_documents: string[];
  checklist: ColumnType<unknown, string | null, string | null> | null;
  branch_verified_at: NullableTimestamp;
  rejection_reason: string | null;
  rejection_note: string | null;
  decided_by_user_id: number | null;
  created_at: Timestamp;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  paid_at: NullableTimestamp;
  payout_entry_id: number | null;
  payment_batch_id: number | null;
  bank_reference: string | null;
  updated_at: Timestamp;
}

export interface ClaimPayoutAccountsTable {
  claim_id: number;
  person_id: number;
  bank_code: string;
  account_number_cipher: string;
  account_number_index: string;
  account_last4: string;
  holder_name_cipher: string;
  updated_at: Timestamp;
}

export interface ClaimDocumentBlobsTable {
  storage_key: string;
  /** Buffer from pg, Uint8Array from PGlite. */
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: Timestamp;
}

export interface ClaimDocumentsTable {
  document_id: Generated<number>;
  claim_id: number;
  person_id: number;
  doc_type: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_at: Timestamp;
  uploaded_by_user_id: number | null;
  replaced_at: NullableTimestamp;
  replaced_by_document_id: number | null;
}

export interface ClaimStatusEventsTable {
  event_id: Generated<number>;
  claim_id: number;
  person_id: number;
  from_status: string | null;
  to_status: string;
  at: Timestamp;
  actor_user_id: number | null;
  actor_role: string | null;
  reason_code: string | null;
  note: string | null;
}

export interface LedgerHoldsTable {
  hold_id: Generated<number>;
  claim_id: number;
  ledger_account_id: number;
  person_id: number;
  amount: number;
  status: Generated<'active' | 'released' | 'consumed'>;
  placed_at: Timestamp;
  closed_at: NullableTimestamp;
}

export interface ClaimPaymentBatchesTable {
  batch_id: Generated<number>;
  created_at: Timestamp;
  created_by_user_id: number | null;
  claim_count: number;
  total_amount: number;
  sha256: string | null;
}

export interface ClaimPaymentBatchItemsTable {
  batch_id: number;
  claim_id: number;
  amount: number;
}

export interface BankResultException {
  readonly reference: string;
  readonly status: 'paid' | 'failed';
  readonly code: string;
}

export interface ClaimBankResultFilesTable {
  sha256: string;
  imported_at: Timestamp;
  imported_by_user_id: number | null;
  paid_count: number;
  failed_count: number;
  unchanged_count: number;
  exceptions: ColumnType<BankResultException[], string | undefined, string>;
}

export interface ClaimTables {
  claims: ClaimsTable;
  claim_payout_accounts: ClaimPayoutAccountsTable;
  claim_document_blobs: ClaimDocumentBlobsTable;
  claim_documents: ClaimDocumentsTable;
  claim_status_events: ClaimStatusEventsTable;
  ledger_holds: LedgerHoldsTable;
  claim_payment_batches: ClaimPaymentBatchesTable;
  claim_payment_batch_items: ClaimPaymentBatchItemsTable;
  claim_bank_result_files: ClaimBankResultFilesTable;
}
