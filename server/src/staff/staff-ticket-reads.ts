// Staff reads of help requests, each on the audit log against the member it shows: the queue (one
// entry per member listed) and one ticket with its thread. The member's own request is the reason for
// the read, so none is typed: the entry's reason names the queue or the ticket number.
import type { ServiceContext } from '../services/service-context';
import {
  getTicketForStaff,
  listOpenTickets,
  type StaffTicketSummary,
  type TicketThread,
} from '../ticket/ticket-service';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';

export async function ticketQueueForStaff(
  ctx: ServiceContext,
  actor: StaffActor,
  options: { limit?: number } = {},
): Promise<StaffTicketSummary[]> {
  const tickets = await listOpenTickets(ctx, options);
  const byPerson = new Map<number, number[]>();
  for (const ticket of tickets)
    byPerson.set(ticket.personId, [...(byPerson.get(ticket.personId) ?? []), ticket.id]);
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    const subjects = byPerson.size > 0 ? [...byPerson] : [[null, []] as const];
    for (const [personId, ticketIds] of subjects) {
      await writeStaffAudit(trx, at, actor, {
        action: 'staff.ticket_queue_view',
        personId,
        reason: 'ticket queue',
        details: { ticketIds },
      });
    }
  });
  return tickets;
}

export async function ticketThreadForStaff(
  ctx: ServiceContext,
  actor: StaffActor,
  ticketId: number,
): Promise<(TicketThread & { personId: number }) | undefined> {
  const ticket = await getTicketForStaff(ctx, ticketId);
  if (!ticket) return undefined;
  await writeStaffAudit(ctx.db, ctx.clock.now(), actor, {
    action: 'staff.ticket_view',
    personId: ticket.personId,
    reason: `ticket ${ticket.number}`,
    details: { ticketId, number: ticket.number },
  });
  return ticket;
}
