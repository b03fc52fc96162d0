// Kysely row types for migrations/0004_sms.sql.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type SmsGatewayName = 'kannel' | 'webhook' | 'console' | 'simulator' | 'outbox';
export type SmsMessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'failed' | 'rejected';

export interface SmsPhoneLinksTable {
  link_id: Generated<number>;
  person_id: number;
  account_id: number;
  phone_cipher: string;
  phone_index: string;
  linked_by: 'sms' | 'staff';
  linked_by_user_id: number | null;
  linked_at: Timestamp;
  unlinked_at: Timestamp | null;
  unlink_reason: 'stop' | 'staff' | 'replaced' | null;
}

export interface SmsMessagesTable {
  message_id: Generated<number>;
  direction: 'in' | 'out';
  gateway: SmsGatewayName;
  phone_cipher: string;
  phone_index: string;
  person_id: number | null;
  kind: string;
  text_cipher: string;
  segments: number;
  in_reply_to: number | null;
  provider_message_id: string | null;
  status: SmsMessageStatus;
  status_detail: string | null;
  created_at: Timestamp;
  status_at: Timestamp;
}

export interface SmsTables {
  sms_phone_links: SmsPhoneLinksTable;
  sms_messages: SmsMessagesTable;
}
