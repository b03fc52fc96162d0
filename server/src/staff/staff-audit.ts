// Every staff read of a member's data and every staff action is written to the append-only audit log,
// with the reason the staff member gave, inside the same transaction as the action.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeAudit } from '../identity/audit-log';
import type { StaffActor } from './staff-actor';

export type StaffAuditAction =
  | 'staff.member_search'
  | 'staff.member_card_view'
  | 'staff.identity_verification'
  | 'staff.verification_refused'
  | 'staff.member_view'
  | 'staff.balance_view'
  | 'staff.contribution_view'
  | 'staff.access_log_view'
  | 'staff.sms_link'
  | 'staff.sms_unlink'
  | 'staff.password_reset_sent'
  | 'staff.contact_update'
  | 'staff.kpj_merge'
  | 'staff.card_reissue'
  | 'staff.member_tickets_view'
  | 'staff.ticket_queue_view'
  | 'staff.ticket_view'
  | 'staff.ticket_attachment_view'
  | 'staff.ticket_open'
  | 'staff.ticket_reply'
  | 'staff.ticket_close'
  | 'staff.forbidden'
  | 'admin.staff_user_create'
  | 'admin.staff_user_disable'
  | 'admin.audit_log_read'
  | 'admin.rule_row_add'
  | 'admin.jht_return_declare'
  | 'admin.jht_return_run'
  | 'admin.news_publish';

export interface StaffAuditEntry {
  readonly action: StaffAuditAction;
  readonly personId: number | null;
  readonly reason: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

export async function writeStaffAudit(
  db: Kysely<DB>,
  at: Date,
  actor: StaffActor,
  entry: StaffAuditEntry,
): Promise<void> {
  await writeAudit(db, {
    at,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: entry.action,
    subjectPersonId: entry.personId,
    reason: entry.reason,
    details: { ...entry.details, sessionId: actor.sessionId },
  });
}
