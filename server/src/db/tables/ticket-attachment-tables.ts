// Kysely row types for migrations/0012_ticket_attachments.sql.
import type { ColumnType, Generated } from 'kysely';

export type TicketAttachmentKind = 'payslip';
export type TicketAttachmentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface TicketAttachmentsTable {
  attachment_id: Generated<number>;
  ticket_id: number;
  person_id: number;
  kind: TicketAttachmentKind;
  file_name: string;
  content_type: TicketAttachmentContentType;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: ColumnType<Date, Date | string, never>;
}

export interface TicketAttachmentTables {
  ticket_attachments: TicketAttachmentsTable;
}
