// Files attached to a help ticket (the payslip sent with "Lapor"): the row written beside the ticket in
// the caller's transaction, the list shown with the thread, and the bytes for a download — re-hashed
// and compared with the SHA-256 recorded when the member sent them, so nobody is shown a file that
// changed in storage. Staff downloads are on the audit log with the ticket as the reason.
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '@lumbung/core';
import type { Kysely, Transaction } from 'kysely';
import { readPayslip } from '../alert/payslip-storage';
import type { DB } from '../db/schema';
import type {
  TicketAttachmentContentType,
  TicketAttachmentKind,
} from '../db/tables/ticket-attachment-tables';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from '../staff/staff-actor';
import { writeStaffAudit } from '../staff/staff-audit';

/** A ticket carries few files: a limit on what one thread lists. */
export const MAX_ATTACHMENTS_PER_TICKET = 20;

export interface TicketAttachment {
  readonly id: number;
  readonly kind: TicketAttachmentKind;
  readonly fileName: string;
  readonly contentType: TicketAttachmentContentType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface NewTicketAttachment {
  readonly ticketId: number;
  readonly personId: number;
  readonly kind: TicketAttachmentKind;
  readonly fileName: string;
  readonly contentType: TicketAttachmentContentType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly storageKey: string;
}

export interface AttachmentFile {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly contentType: TicketAttachmentContentType;
  readonly sha256: string;
}

export type AttachmentReadError = 'ticket_attachment_not_found' | 'ticket_attachment_damaged';

/**
 * Records a file already stored under storageKey, in the transaction that opened the ticket. The same
 * file twice on one ticket is one row: a retried write returns the id written the first time.
 */
export async function attachToTicketIn(
  trx: Transaction<DB>,
  at: Date,
  attachment: NewTicketAttachment,
): Promise<number> {
  await trx
    .insertInto('ticket_attachments')
    .values({
      ticket_id: attachment.ticketId,
      person_id: attachment.personId,
      kind: attachment.kind,
      file_name: attachment.fileName,
      content_type: attachment.contentType,
      size_bytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      storage_key: attachment.storageKey,
      created_at: at,
    })
    .onConflict((conflict) => conflict.columns(['ticket_id', 'sha256']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('ticket_attachments')
    .select('attachment_id')
    .where('ticket_id', '=', attachment.ticketId)
    .where('sha256', '=', attachment.sha256)
    .executeTakeFirstOrThrow();
  return row.attachment_id;
}

export async function listTicketAttachments(db: Kysely<DB>, ticketId: number): Promise<TicketAttachment[]> {
  const rows = await db
    .selectFrom('ticket_attachments')
    .select(['attachment_id', 'kind', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('attachment_id')
    .limit(MAX_ATTACHMENTS_PER_TICKET)
    .execute();
  return rows.map((row) => ({
    id: row.attachment_id,
    kind: row.kind,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

const storedBytes = (
  db: Kysely<DB>,
  kind: TicketAttachmentKind,
  key: string,
): Promise<Buffer | undefined> => {
  switch (kind) {
    case 'payslip':
      return readPayslip(db, key);
  }
};

/** The attachment row with the ticket it belongs to; personId limits a member to their own tickets. */
async function findAttachment(
  db: Kysely<DB>,
  ticketId: number,
  attachmentId: number,
  personId: number | null,
) {
  let query = db
    .selectFrom('ticket_attachments as a')
    .innerJoin('tickets as t', 't.ticket_id', 'a.ticket_id')
    .select([
      'a.kind',
      'a.file_name',
      'a.content_type',
      'a.sha256',
      'a.storage_key',
      't.person_id',
      't.number',
    ])
    .where('a.attachment_id', '=', attachmentId)
    .where('a.ticket_id', '=', ticketId);
  if (personId !== null) query = query.where('t.person_id', '=', personId);
  return query.executeTakeFirst();
}

async function verifiedFile(
  db: Kysely<DB>,
  row: NonNullable<Awaited<ReturnType<typeof findAttachment>>>,
): Promise<Result<AttachmentFile, AttachmentReadError>> {
  const bytes = await storedBytes(db, row.kind, row.storage_key);
  if (!bytes) return err('ticket_attachment_not_found');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== row.sha256) return err('ticket_attachment_damaged');
  return ok({ bytes, fileName: row.file_name, contentType: row.content_type, sha256 });
}

/** The member's own attachment; another person's answers not found, like a ticket that does not exist. */
export async function readMemberTicketAttachment(
  ctx: ServiceContext,
  personId: number,
  ticketId: number,
  attachmentId: number,
): Promise<Result<AttachmentFile, AttachmentReadError>> {
  const row = await findAttachment(ctx.db, ticketId, attachmentId, personId);
  return row ? verifiedFile(ctx.db, row) : err('ticket_attachment_not_found');
}

/**
 * An attachment for the staff console. The read is audited against the member with the ticket as the
 * reason, and only once the bytes proved to be the ones sent: a refused file shows nobody anything.
 */
export async function readTicketAttachmentForStaff(
  ctx: ServiceContext,
  actor: StaffActor,
  ticketId: number,
  attachmentId: number,
): Promise<Result<AttachmentFile, AttachmentReadError>> {
  const row = await findAttachment(ctx.db, ticketId, attachmentId, null);
  if (!row) return err('ticket_attachment_not_found');
  const file = await verifiedFile(ctx.db, row);
  if (!file.ok) return file;
  await writeStaffAudit(ctx.db, ctx.clock.now(), actor, {
    action: 'staff.ticket_attachment_view',
    personId: row.person_id,
    reason: `ticket ${row.number}`,
    details: { ticketId, attachmentId, sha256: row.sha256 },
  });
  return file;
}
