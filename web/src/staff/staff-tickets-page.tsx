// The help-request queue: members' tickets waiting for an answer. Staff open one to read its whole
// thread and the files sent with it (a payslip from "Lapor", shown in a viewer), then reply or close
// it; every read of the queue, of a thread and of an attachment is on the audit log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, FormError, QueryView } from '../components/feedback';
import { TextArea } from '../components/form-field';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { staffTicketApi, type StaffTicketAttachment, type StaffTicketSummary } from './staff-ticket-api';
import './staff-tickets.css';

const FILE_TYPES: Record<StaffTicketAttachment['contentType'], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

function TicketAttachments({
  ticketId,
  attachments,
}: {
  readonly ticketId: number;
  readonly attachments: readonly StaffTicketAttachment[];
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  if (attachments.length === 0) return null;
  const open = attachments.find((attachment) => attachment.id === shown);
  const headingId = `ticket-${ticketId}-attachments`;
  const viewerId = `ticket-${ticketId}-viewer`;
  return (
    <section className="staff-ticket-attachments" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('staff.tickets.attachments')}</h3>
      <ul className="row-list">
        {attachments.map((attachment) => {
          const url = staffTicketApi.attachmentUrl(ticketId, attachment.id);
          const isShown = attachment.id === shown;
          return (
            <li key={attachment.id} className="staff-attachment" data-testid={`attachment-${attachment.id}`}>
              <div>
                <p className="row-title">
                  {t(`staff.tickets.attachmentKind.${attachment.kind}`)} · {attachment.fileName}
                </p>
                <p className="muted small">
                  {FILE_TYPES[attachment.contentType]} · {Math.ceil(attachment.sizeBytes / 1024)} KB ·{' '}
                  {formatDateTime(attachment.createdAt)}
                </p>
                <p className="muted small">
                  SHA-256 <code className="staff-sha256">{attachment.sha256}</code>
                </p>
              </div>
              <div className="action-row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={isShown}
                  aria-controls={viewerId}
                  onClick={() => setShown(isShown ? null : attachment.id)}
                >
                  {isShown ? t('staff.tickets.hideAttachment') : t('staff.tickets.viewAttachment')}
                </button>
                <a className="button button--link button--small" href={url} target="_blank" rel="noreferrer">
                  {t('staff.tickets.openAttachment')}
                  <span className="visually-hidden"> {attachment.fileName}</span>
                </a>
              </div>
            </li>
          );
        })}
      </ul>
      <div id={viewerId} className="staff-attachment-viewer">
        {open ? (
          open.contentType === 'application/pdf' ? (
            <iframe title={open.fileName} src={staffTicketApi.attachmentUrl(ticketId, open.id)} />
          ) : (
            <img
              alt={t('staff.tickets.attachmentAlt', { name: open.fileName })}
              src={staffTicketApi.attachmentUrl(ticketId, open.id)}
            />
          )
        ) : null}
      </div>
    </section>
  );
}

function TicketThread({ ticketId }: { readonly ticketId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const thread = useQuery({
    queryKey: ['staff-ticket', ticketId],
    queryFn: () => staffTicketApi.thread(ticketId),
  });
  const [body, setBody] = useState('');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['staff-ticket', ticketId] });
    await queryClient.invalidateQueries({ queryKey: ['staff-tickets'] });
  };
  const reply = useMutation({
    mutationFn: () => staffTicketApi.reply(ticketId, body),
    onSuccess: async () => {
      setBody('');
      await refresh();
    },
  });
  const close = useMutation({ mutationFn: () => staffTicketApi.close(ticketId), onSuccess: refresh });
  return (
    <QueryView query={thread}>
      {(data) => (
        <div className="staff-ticket-thread" data-testid={`ticket-thread-${ticketId}`}>
          <ol className="thread" aria-label={t('staff.tickets.thread')}>
            {data.messages.map((message, index) => (
              <li
                key={index}
                className={message.from === 'staff' ? 'bubble bubble--staff' : 'bubble bubble--member'}
              >
                <p className="bubble-meta">
                  {t(`staff.tickets.from.${message.from}`)} · {formatDateTime(message.at)}
                </p>
                {message.body.split('\n').map((line, lineIndex) => (
                  <p key={lineIndex}>{line}</p>
                ))}
              </li>
            ))}
          </ol>
          <TicketAttachments ticketId={ticketId} attachments={data.attachments} />
          {data.status === 'closed' ? (
            <p className="muted small">{t('staff.tickets.closedNote')}</p>
          ) : (
            <>
              <FormError error={reply.error ?? close.error} />
              <TextArea
                id={`reply-${ticketId}`}
                label={t('staff.tickets.reply')}
                rows={3}
                value={body}
                onChange={(e) => setBody(e.target.value)}
              />
              <div className="action-row">
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={reply.isPending || body.trim() === ''}
                  onClick={() => reply.mutate()}
                >
                  {t('staff.tickets.send')}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={close.isPending}
                  onClick={() => close.mutate()}
                >
                  {t('staff.tickets.close')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </QueryView>
  );
}

function TicketRow({ ticket }: { readonly ticket: StaffTicketSummary }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const threadId = `ticket-${ticket.id}-thread`;
  return (
    <li className="staff-ticket">
      <div className="staff-ticket-head">
        <span className="row-title">
          {ticket.number} · {ticket.subject}
        </span>
        <span className="badge badge--muted">{t(`staff.tickets.status.${ticket.status}`)}</span>
        <span className="muted small">{formatDateTime(ticket.updatedAt)}</span>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={isOpen}
          aria-controls={threadId}
          onClick={() => setIsOpen(!isOpen)}
        >
          {isOpen ? t('staff.tickets.hideThread') : t('staff.tickets.showThread')}
        </button>
        <Link className="button button--link button--small" to={`/staf/anggota/${ticket.personId}`}>
          {t('staff.tickets.openMember')}
        </Link>
      </div>
      <div id={threadId}>{isOpen ? <TicketThread ticketId={ticket.id} /> : null}</div>
    </li>
  );
}

export function StaffTicketsPage() {
  const { t } = useTranslation();
  const queue = useQuery({ queryKey: ['staff-tickets'], queryFn: () => staffTicketApi.queue() });
  return (
    <Page title={t('staff.tickets.title')} lead={t('staff.tickets.lead')}>
      <div className="panel">
        <QueryView query={queue}>
          {(data) =>
            data.tickets.length === 0 ? (
              <EmptyState title={t('staff.tickets.none')} />
            ) : (
              <ul className="staff-ticket-list">
                {data.tickets.map((ticket) => (
                  <TicketRow key={ticket.id} ticket={ticket} />
                ))}
              </ul>
            )
          }
        </QueryView>
      </div>
    </Page>
  );
}
