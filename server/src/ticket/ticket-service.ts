// Help tickets: a member opens one from the contact form and follows the thread; staff (call centre,
// branch) list the open ones, reply and close. Every write is one transaction; staff writes are audited.
// A thread lists its attachments (the payslip sent with "Lapor"); ticket-attachment-service serves them.
import { err, ok, type Result } from '@lumbung/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { TicketCategory, TicketStatus } from '../db/tables/portal-tables';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from '../staff/staff-actor';
import { writeStaffAudit } from '../staff/staff-audit';
import { listTicketAttachments, type TicketAttachment } from './ticket-attachment-service';

export const TICKET_CATEGORIES = ['general', 'balance', 'contribution', 'claim', 'account', 'other'] as const;
export const MAX_TICKET_SUBJECT_LENGTH = 200;
export const MAX_TICKET_BODY_LENGTH = 5_000;
/** A member may have this many tickets waiting at once: a limit on a form anyone signed in can post. */
export const MAX_OPEN_TICKETS_PER_MEMBER = 10;
export const MAX_MESSAGES_PER_TICKET = 200;

export type TicketErrorCode = 'ticket_text_invalid' | 'ticket_closed' | 'ticket_open_limit' | 'not_found';

export interface TicketSummary {
  readonly id: number;
  readonly number: string;
  readonly subject: string;
  readonly category: TicketCategory;
  readonly status: TicketStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TicketMessage {
  readonly from: 'member' | 'staff';
  readonly body: string;
  readonly at: string;
}

export interface TicketThread extends TicketSummary {
  readonly closedAt: string | null;
  readonly messages: TicketMessage[];
  /** Files sent with the ticket: name, type, size and the SHA-256 of the bytes as they were sent. */
  readonly attachments: TicketAttachment[];
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function cleanText(text: string, max: number): string | null {
  const cleaned = text.replace(/\r\n/g, '\n').trim();
  return cleaned.length === 0 || cleaned.length > max ? null : cleaned;
}

const summaryColumns = [
  'ticket_id',
  'number',
  'subject',
  'category',
  'status',
  'created_at',
  'updated_at',
  'closed_at',
] as const;

type SummaryRow = {
  ticket_id: number;
  number: string;
  subject: string;
  category: TicketCategory;
  status: TicketStatus;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
};

function summaryOf(row: SummaryRow): TicketSummary {
  return {
    id: row.ticket_id,
    number: row.number,
    subject: row.subject,
    category: row.category,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function threadOf(ctx: ServiceContext, row: SummaryRow): Promise<TicketThread> {
  const messages = await ctx.db
    .selectFrom('ticket_messages')
    .select(['author', 'body', 'created_at'])
    .where('ticket_id', '=', row.ticket_id)
    .orderBy('message_id')
    .limit(MAX_MESSAGES_PER_TICKET)
    .execute();
  return {
    ...summaryOf(row),
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    messages: messages.map((message) => ({
      from: message.author,
      body: message.body,
      at: iso(message.created_at),
    })),
    attachments: await listTicketAttachments(ctx.db, row.ticket_id),
  };
}

export type TicketInput = { subject: string; body: string; category?: TicketCategory };

export async function openTicket(
  ctx: ServiceContext,
  personId: number,
  input: TicketInput,
): Promise<Result<{ id: number; number: string }, TicketErrorCode>> {
  return ctx.db.transaction().execute((trx) => openTicketIn(trx, ctx.clock.now(), personId, input));
}

/**
 * Opens a ticket inside a transaction the caller holds, so that what the caller writes with it (a staff
 * audit entry, the alert findings it reports) commits or rolls back together with the ticket.
 */
export async function openTicketIn(
  trx: Transaction<DB>,
  now: Date,
  personId: number,
  input: TicketInput,
): Promise<Result<{ id: number; number: string }, TicketErrorCode>> {
  const subject = cleanText(input.subject, MAX_TICKET_SUBJECT_LENGTH);
  const body = cleanText(input.body, MAX_TICKET_BODY_LENGTH);
  if (subject === null) return err('ticket_text_invalid', undefined, 'subject');
  if (body === null) return err('ticket_text_invalid', undefined, 'body');
  await trx.selectFrom('persons').select('person_id').where('person_id', '=', personId).forUpdate().execute();
  const open = await trx
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  if (Number(open?.n ?? 0) >= MAX_OPEN_TICKETS_PER_MEMBER) {
    return err('ticket_open_limit', { max: MAX_OPEN_TICKETS_PER_MEMBER });
  }
  const sequence = await trx
    .selectNoFrom((eb) => eb.fn<number>('nextval', [eb.val('ticket_number_seq')]).as('n'))
    .executeTakeFirstOrThrow();
  const year = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
  const number = `TK-${year}-${String(sequence.n).padStart(6, '0')}`;
  const ticket = await trx
    .insertInto('tickets')
    .values({
      person_id: personId,
      number,
      subject,
      category: input.category ?? 'general',
      created_at: now,
      updated_at: now,
    })
    .returning('ticket_id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('ticket_messages')
    .values({ ticket_id: ticket.ticket_id, person_id: personId, author: 'member', body, created_at: now })
    .execute();
  return ok({ id: ticket.ticket_id, number });
}

export async function listMemberTickets(ctx: ServiceContext, personId: number): Promise<TicketSummary[]> {
  const rows = await ctx.db
    .selectFrom('tickets')
    .select(summaryColumns)
    .where('person_id', '=', personId)
    .orderBy('ticket_id', 'desc')
    .limit(100)
    .execute();
  return rows.map(summaryOf);
}

/** The member's own ticket with its thread; undefined for another person's ticket. */
export async function findMemberTicket(
  ctx: ServiceContext,
  personId: number,
  ticketId: number,
): Promise<TicketThread | undefined> {
  const row = await ctx.db
    .selectFrom('tickets')
    .select(summaryColumns)
    .where('ticket_id', '=', ticketId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ? threadOf(ctx, row) : undefined;
}

async function addMessage(
  ctx: ServiceContext,
  ticketId: number,
  from: { personId: number } | { staff: StaffActor },
  text: string,
): Promise<Result<TicketThread, TicketErrorCode>> {
  const body = cleanText(text, MAX_TICKET_BODY_LENGTH);
  if (body === null) return err('ticket_text_invalid', undefined, 'body');
  const now = ctx.clock.now();
  const isStaff = 'staff' in from;
  const row = await ctx.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('tickets')
      .select([...summaryColumns, 'person_id'])
      .where('ticket_id', '=', ticketId);
    if (!isStaff) query = query.where('person_id', '=', from.personId);
    const ticket = await query.forUpdate().executeTakeFirst();
    if (!ticket) return err('not_found');
    if (ticket.status === 'closed') return err('ticket_closed');
    const count = await trx
      .selectFrom('ticket_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
    if (Number(count?.n ?? 0) >= MAX_MESSAGES_PER_TICKET)
      return err('ticket_text_invalid', undefined, 'body');
    await trx
      .insertInto('ticket_messages')
      .values({
        ticket_id: ticketId,
        person_id: ticket.person_id,
        author: isStaff ? 'staff' : 'member',
        staff_user_id: isStaff ? from.staff.userId : null,
        body,
        created_at: now,
      })
      .execute();
    // A staff reply answers the ticket; a member's follow-up puts it back in the open queue.
    await trx
      .updateTable('tickets')
      .set({ status: isStaff ? 'answered' : 'open', updated_at: now })
      .where('ticket_id', '=', ticketId)
      .execute();
    if (isStaff) {
      await writeStaffAudit(trx, now, from.staff, {
        action: 'staff.ticket_reply',
        personId: ticket.person_id,
        reason: null,
        details: { ticketId },
      });
    }
    return ok(ticket);
  });
  if (!row.ok) return row;
  const refreshed = await ctx.db
    .selectFrom('tickets')
    .select(summaryColumns)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return ok(await threadOf(ctx, refreshed));
}

export function addMemberMessage(ctx: ServiceContext, personId: number, ticketId: number, body: string) {
  return addMessage(ctx, ticketId, { personId }, body);
}

// ── Staff side (the staff console calls these; access control is the route's job) ──────────────

export interface StaffTicketSummary extends TicketSummary {
  readonly personId: number;
}

/** Tickets waiting for staff: open first (oldest first), then answered ones awaiting the member. */
export async function listOpenTickets(
  ctx: ServiceContext,
  options: { limit?: number } = {},
): Promise<StaffTicketSummary[]> {
  const rows = await ctx.db
    .selectFrom('tickets')
    .select([...summaryColumns, 'person_id'])
    .where('status', '<>', 'closed')
    .orderBy('status', 'desc')
    .orderBy('updated_at')
    .limit(Math.min(options.limit ?? 50, 200))
    .execute();
  return rows.map((row) => ({ ...summaryOf(row), personId: row.person_id }));
}

export async function getTicketForStaff(
  ctx: ServiceContext,
  ticketId: number,
): Promise<(TicketThread & { personId: number }) | undefined> {
  const row = await ctx.db
    .selectFrom('tickets')
    .select([...summaryColumns, 'person_id'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row ? { ...(await threadOf(ctx, row)), personId: row.person_id } : undefined;
}

export function replyToTicket(ctx: ServiceContext, actor: StaffActor, ticketId: number, body: string) {
  return addMessage(ctx, ticketId, { staff: actor }, body);
}

export async function closeTicket(
  ctx: ServiceContext,
  actor: StaffActor,
  ticketId: number,
): Promise<Result<TicketSummary, 'not_found'>> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom('tickets')
      .select([...summaryColumns, 'person_id'])
      .where('ticket_id', '=', ticketId)
      .forUpdate()
      .executeTakeFirst();
    if (!ticket) return err('not_found');
    // Closing twice is a no-op, so a retried request changes nothing.
    if (ticket.status === 'closed') return ok(summaryOf(ticket));
    const closed = await trx
      .updateTable('tickets')
      .set({ status: 'closed', closed_at: now, updated_at: now })
      .where('ticket_id', '=', ticketId)
      .returning(summaryColumns)
      .executeTakeFirstOrThrow();
    await writeStaffAudit(trx, now, actor, {
      action: 'staff.ticket_close',
      personId: ticket.person_id,
      reason: null,
      details: { ticketId },
    });
    return ok(summaryOf(closed));
  });
}
