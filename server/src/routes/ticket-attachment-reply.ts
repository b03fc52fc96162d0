// Sending a ticket attachment to a browser, the same way for the member and the staff console: the type
// recorded when it was checked (never sniffed again by the browser), a file name that cannot break the
// header, and a policy that lets the file load nothing but itself. The staff viewer frames it, so its
// answer is inline with the claim document viewer's policy; the member downloads it.
import type { FastifyReply } from 'fastify';
import type { AttachmentFile } from '../ticket/ticket-attachment-service';
import { DOCUMENT_VIEWER_CSP } from './claim-routes-staff';

/** RFC 6266 / RFC 5987: an ASCII fallback name (anything else replaced) and the exact name encoded. */
export function attachmentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\w. -]/g, '_') || 'lampiran';
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendTicketAttachment(
  reply: FastifyReply,
  file: AttachmentFile,
  disposition: 'inline' | 'attachment',
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-security-policy', DOCUMENT_VIEWER_CSP)
    .header('x-frame-options', 'SAMEORIGIN')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', attachmentDisposition(disposition, file.fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-sha256', file.sha256)
    .send(file.bytes);
}
