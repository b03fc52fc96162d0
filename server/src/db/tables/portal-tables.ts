// Kysely row types for migrations/0005_portal.sql.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './foundation-tables';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type BeneficiaryRelationColumn = 'spouse' | 'child' | 'parent' | 'sibling' | 'other';
export type TicketCategory = 'general' | 'balance' | 'contribution' | 'claim' | 'account' | 'other';
export type TicketStatus = 'open' | 'answered' | 'closed';

export interface StatementsTable {
  statement_id: Generated<number>;
  person_id: number;
  account_id: number | null;
  kpj: string | null;
  from_period: string;
  to_period: string;
  code: string;
  sha256: string;
  /** Buffer from pg, Uint8Array from PGlite. */
  pdf: ColumnType<Uint8Array, Uint8Array, never>;
  opening_balance_rupiah: number;
  closing_balance_rupiah: number;
  generated_at: Timestamp;
  created_at: CreatedAt;
}

export interface MemberCardsTable {
  person_id: number;
  verify_code: string;
  issued_at: Timestamp;
  created_at: CreatedAt;
}

export interface BeneficiariesTable {
  beneficiary_id: Generated<number>;
  person_id: number;
  full_name: string;
  relation: BeneficiaryRelationColumn;
  nik_cipher: string;
  nik_index: string;
  share_percent: number;
  created_at: CreatedAt;
  removed_at: NullableTimestamp;
}

export interface NewsTable {
  news_id: Generated<number>;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  published_at: Timestamp;
  created_by_user_id: number | null;
  seed_key: string | null;
  created_at: CreatedAt;
}

export interface TicketsTable {
  ticket_id: Generated<number>;
  person_id: number;
  number: string;
  subject: string;
  category: Generated<TicketCategory>;
  status: Generated<TicketStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: NullableTimestamp;
}

export interface TicketMessagesTable {
  message_id: Generated<number>;
  ticket_id: number;
  person_id: number;
  author: 'member' | 'staff';
  staff_user_id: number | null;
  body: string;
  created_at: Timestamp;
}

export interface PortalTables {
  statements: StatementsTable;
  member_cards: MemberCardsTable;
  beneficiaries: BeneficiariesTable;
  news: NewsTable;
  tickets: TicketsTable;
  ticket_messages: TicketMessagesTable;
}
