// The help-request queue's calls to /api/v1/staff/tickets, typed as the server answers them
// (server/src/ticket/ticket-service.ts): the queue, one ticket with its thread and attachments, a reply,
// closing, and the address the console's viewer opens an attachment from.
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

/** A file sent with the ticket (a payslip with "Lapor"); the SHA-256 is of the bytes as they were sent. */
export interface StaffTicketAttachment {
  readonly id: number;
  readonly kind: 'payslip';
  readonly fileName: string;
  readonly contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface StaffTicketThread extends StaffTicketSummary {
  readonly closedAt: string | null;
  readonly messages: readonly StaffTicketMessage[];
  readonly attachments: readonly StaffTicketAttachment[];
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
  /** Served inline for the viewer, only when the bytes still match their SHA-256; each load is audited. */
  attachmentUrl: (ticketId: number, attachmentId: number) =>
    `${tickets}/${ticketId}/attachments/${attachmentId}`,
};
