// Kysely row types for migrations/0003_identity.sql.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from './foundation-tables';

export type UserRole = 'member' | 'employer_admin' | 'agent' | 'branch_officer' | 'claims_officer' | 'admin';
export type Channel = 'sms' | 'email';
export type ChallengePurpose = 'registration' | 'sign_in' | 'password_reset' | 'contact_change';
export type SignInOutcome =
  | 'signed_in'
  | 'wrong_password'
  | 'code_sent'
  | 'totp_requested'
  | 'wrong_code'
  | 'signed_out'
  | 'password_reset'
  | 'password_changed';
/** A timestamp written by the service from ctx.clock. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  user_id: Generated<number>;
  role: UserRole;
  person_id: number | null;
  employer_id: number | null;
  display_name: string;
  phone_cipher: string | null;
  phone_index: string | null;
  email_cipher: string | null;
  email_index: string | null;
  preferred_channel: Generated<Channel>;
  password_hash: string;
  totp_secret_cipher: string | null;
  totp_pending_cipher: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  language: Generated<'id' | 'en'>;
  status: Generated<'active' | 'disabled'>;
  password_changed_at: UpdatedAt;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  session_id: Generated<number>;
  user_id: number;
  person_id: number | null;
  token_hash: string;
  device_label: string;
  device_id: number | null;
  ip: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export interface DevicesTable {
  device_id: Generated<number>;
  user_id: number;
  person_id: number | null;
  token_hash: string;
  label: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ChallengesTable {
  challenge_id: string;
  purpose: ChallengePurpose;
  user_id: number | null;
  person_id: number | null;
  code_hash: string | null;
  second_code_hash: string | null;
  requires_totp: Generated<boolean>;
  channel: Channel | null;
  data_cipher: string | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: Timestamp | null;
}

export interface SignInEventsTable {
  event_id: Generated<number>;
  user_id: number;
  person_id: number | null;
  at: Timestamp;
  outcome: SignInOutcome;
  device_label: string | null;
  ip: string | null;
}

export interface RateLimitCountersTable {
  bucket_key: string;
  window_start: Timestamp;
  hits: number;
}

export interface LockoutsTable {
  lock_key: string;
  failures: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  audit_id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_role: string | null;
  action: string;
  subject_person_id: number | null;
  reason: string | null;
  details: ColumnType<unknown, string | undefined, never>;
}

export interface DevOutboxTable {
  message_id: Generated<number>;
  channel: Channel;
  to_cipher: string;
  to_index: string;
  subject: string | null;
  body: string;
  created_at: Timestamp;
}

export interface IdentityTables {
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  challenges: ChallengesTable;
  sign_in_events: SignInEventsTable;
  rate_limit_counters: RateLimitCountersTable;
  lockouts: LockoutsTable;
  audit_log: AuditLogTable;
  dev_outbox: DevOutboxTable;
}
