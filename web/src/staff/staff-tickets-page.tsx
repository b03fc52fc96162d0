// The help-request queue: members' tickets waiting for an answer; staff reply or close.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, FormError, QueryView } from '../components/feedback';
import { TextArea } from '../components/form-field';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { staffApi, type TicketSummary } from './staff-api';

function TicketRow({ ticket }: { readonly ticket: TicketSummary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ticketId = ticket.id ?? ticket.ticketId ?? 0;
  const [body, setBody] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['staff-tickets'] });
  const reply = useMutation({ mutationFn: () => staffApi.replyTicket(ticketId, body), onSuccess: refresh });
  const close = useMutation({ mutationFn: () => staffApi.closeTicket(ticketId), onSuccess: refresh });
  return (
    <li className="staff-ticket">
      <div className="staff-ticket-head">
        <span className="row-title">
          {ticket.number} · {ticket.subject}
        </span>
        <span className="badge badge--muted">{t(`staff.tickets.status.${ticket.status}`)}</span>
        <span className="muted small">{formatDateTime(ticket.updatedAt)}</span>
        {ticket.personId ? (
          <Link className="button button--link button--small" to={`/staf/anggota/${ticket.personId}`}>
            {t('staff.tickets.openMember')}
          </Link>
        ) : null}
      </div>
      <FormError error={reply.error ?? close.error} />
      <TextArea
        id={`reply-${ticketId}`}
        label={t('staff.tickets.reply')}
        rows={2}
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
    </li>
  );
}

export function StaffTicketsPage() {
  const { t } = useTranslation();
  const queue = useQuery({ queryKey: ['staff-tickets'], queryFn: () => staffApi.ticketQueue() });
  return (
    <Page title={t('staff.tickets.title')} lead={t('staff.tickets.lead')}>
      <div className="panel">
        <QueryView query={queue}>
          {(data) =>
            data.tickets.length === 0 ? (
              <EmptyState title={t('staff.tickets.none')} />
            ) : (
              <ul className="row-list">
                {data.tickets.map((ticket) => (
                  <TicketRow key={ticket.number} ticket={ticket} />
                ))}
              </ul>
            )
          }
        </QueryView>
      </div>
    </Page>
  );
}
