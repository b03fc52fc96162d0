// Staff and a verified member's help requests: opening one for the member at the desk, and reading the
// member's tickets. The ticket service (portal feature) does the writing; here the staff audit entry
// commits in the same transaction as the ticket, and each read is audited with the session's reason.
import type { Result } from '@lumbung/core';
import type { TicketCategory } from '../db/tables/portal-tables';
import type { ServiceContext } from '../services/service-context';
import {
  listMemberTickets,
  openTicketIn,
  type TicketErrorCode,
  type TicketSummary,
} from '../ticket/ticket-service';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { auditMemberRead, sessionReasonFor } from './staff-read-audit';

export async function openTicketForMember(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  input: { subject: string; body: string; category?: TicketCategory },
): Promise<Result<{ id: number; number: string }, TicketErrorCode>> {
  const reason = await sessionReasonFor(ctx, actor, personId);
  return ctx.db.transaction().execute(async (trx) => {
    const opened = await openTicketIn(trx, ctx.clock.now(), personId, input);
    if (opened.ok) {
      await writeStaffAudit(trx, ctx.clock.now(), actor, {
        action: 'staff.ticket_open',
        personId,
        reason,
        details: { ticketId: opened.value.id, number: opened.value.number },
      });
    }
    return opened;
  });
}

export async function memberTicketsForStaff(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
): Promise<TicketSummary[]> {
  const tickets = await listMemberTickets(ctx, personId);
  await auditMemberRead(ctx, ctx.db, actor, personId, 'staff.member_tickets_view', {
    ticketIds: tickets.map((ticket) => ticket.id),
  });
  return tickets;
}
