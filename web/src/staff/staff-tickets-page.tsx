// The help-request queue: members' tickets waiting for an answer. Staff open one to read its whole
// thread, then reply or close it; every read of the queue and of a thread is on the audit log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, FormError, QueryView } from '../components/feedback';
import { TextArea } from '../components/form-field';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { staffTicketApi, type StaffTicketSummary } from './staff-ticket-api';
import './staff-tickets.css';

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
