// The help-request queue's calls to /api/v1/staff/tickets, typed as the server answers them
// (server/src/ticket/ticket-service.ts): the queue, one ticket with its thread, a reply, closing.
import { api } from '../api/client';

export type TicketStatus = 'open' | 'answered' | 'closed';

export interface StaffTicketSummary {
  readonly id: number;
  readonly number: string;
  readonly subject: string;
  readonly category: string;
  readonly status: TicketStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly personId: number;
}

export interface StaffTicketMessage {
  readonly from: 'member' | 'staff';
  readonly body: string;
  readonly at: string;
}

export interface StaffTicketThread extends StaffTicketSummary {
  readonly closedAt: string | null;
  readonly messages: readonly StaffTicketMessage[];
}

const tickets = '/api/v1/staff/tickets';

export const staffTicketApi = {
  queue: () => api<{ tickets: StaffTicketSummary[] }>(tickets),
  thread: (ticketId: number) => api<StaffTicketThread>(`${tickets}/${ticketId}`),
  reply: (ticketId: number, body: string) =>
    api<Omit<StaffTicketThread, 'personId'>>(`${tickets}/${ticketId}/replies`, {
      method: 'POST',
      body: { body },
    }),
  close: (ticketId: number) =>
    api<Omit<StaffTicketSummary, 'personId'>>(`${tickets}/${ticketId}/close`, { method: 'POST' }),
};
