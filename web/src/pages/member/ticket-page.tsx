// One help ticket: the conversation with staff and a reply box.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchTicket, replyToTicket } from '../../api/member-api';
import type { TicketMessage } from '../../api/types';
import { FormError, QueryView } from '../../components/feedback';
import { TextArea } from '../../components/form-field';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format/date';

function isStaff(message: TicketMessage): boolean {
  return message.fromStaff === true || (message.author !== undefined && message.author !== 'member');
}

export function TicketPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const ticket = useQuery({ queryKey: ['tickets', id], queryFn: () => fetchTicket(id) });
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reply = useMutation({
    mutationFn: () => replyToTicket(id, body.trim()),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('help.replyRequired'));
      return;
    }
    setError(undefined);
    reply.mutate();
  };
  return (
    <Page title={ticket.data?.subject ?? t('help.ticket')} back={{ to: '/bantuan', label: t('help.title') }}>
      <QueryView query={ticket}>
        {(data) => {
          const messages: TicketMessage[] = data.messages?.length
            ? [...data.messages]
            : data.body
              ? [{ body: data.body, author: 'member', createdAt: data.createdAt }]
              : [];
          return (
            <>
              <p>
                <span className={`badge ${data.status === 'closed' ? 'badge--muted' : 'badge--ok'}`}>
                  {t(`help.status.${data.status}`, { defaultValue: data.status })}
                </span>
              </p>
              <ol className="thread" aria-label={t('help.thread')}>
                {messages.map((message, index) => (
                  <li
                    key={message.id ?? index}
                    className={isStaff(message) ? 'bubble bubble--staff' : 'bubble bubble--member'}
                  >
                    <p className="bubble-meta">
                      {isStaff(message) ? (message.authorName ?? t('help.staff')) : t('help.you')} ·{' '}
                      {formatDateTime(message.createdAt)}
                    </p>
                    {message.body.split('\n').map((line, lineIndex) => (
                      <p key={lineIndex}>{line}</p>
                    ))}
                  </li>
                ))}
              </ol>
              {data.status === 'closed' ? null : (
                <form className="panel form" onSubmit={submit} noValidate>
                  <FormError error={reply.error} />
                  <TextArea
                    id="reply"
                    label={t('help.reply')}
                    error={error}
                    value={body}
                    onChange={(e) => setBody(e.target.value)}
                    rows={4}
                    maxLength={4000}
                  />
                  <button type="submit" className="button button--primary" disabled={reply.isPending}>
                    {t('help.sendReply')}
                  </button>
                </form>
              )}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
