// Kysely row types for migrations/0007_alerts.sql.
import type { ColumnType, Generated } from 'kysely';
import type { DateColumn } from './foundation-tables';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: written as a JSON string, read back parsed by both drivers. */
type Json = ColumnType<unknown, string | undefined, string>;

export type FindingKind = 'missing' | 'underpaid' | 'paid_late';
export type FindingStatus = 'open' | 'resolved';
export type DeliveryChannel = 'sms' | 'email';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface AlertRunsTable {
  run_id: Generated<number>;
  as_of: DateColumn;
  through_period: string;
  status: Generated<'running' | 'completed'>;
  last_employment_id: Generated<number>;
  employments_checked: Generated<number>;
  findings_opened: Generated<number>;
  findings_resolved: Generated<number>;
  started_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface ContributionFindingsTable {
  finding_id: Generated<number>;
  employment_id: number;
  person_id: number;
  account_id: number;
  employer_id: number;
  period: string;
  kind: FindingKind;
  status: Generated<FindingStatus>;
  expected_amount: number;
  posted_amount: number;
  shortfall_amount: number;
  wage_basis: number;
  penalty_amount: Generated<number>;
  due_on: DateColumn;
  paid_on: DateColumn | null;
  detected_at: Timestamp;
  detected_run_id: number | null;
  checked_at: Timestamp;
  resolved_at: NullableTimestamp;
  notification_id: number | null;
  resolved_notification_id: number | null;
  ticket_id: number | null;
  reported_at: NullableTimestamp;
}

export interface NotificationsTable {
  notification_id: Generated<number>;
  person_id: number;
  kind: string;
  params: Json;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface NotificationPreferencesTable {
  person_id: number;
  sms_enabled: Generated<boolean>;
  email_enabled: Generated<boolean>;
  updated_at: Timestamp;
}

export interface NotificationDeliveriesTable {
  delivery_id: Generated<number>;
  notification_id: number;
  person_id: number;
  channel: DeliveryChannel;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  claimed_at: NullableTimestamp;
  sent_at: NullableTimestamp;
}

export interface AlertTables {
  alert_runs: AlertRunsTable;
  contribution_findings: ContributionFindingsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_deliveries: NotificationDeliveriesTable;
}
