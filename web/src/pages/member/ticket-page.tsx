// One help ticket: the conversation with staff, the files the member sent with it (a payslip sent with
// "Lapor"), and a reply box.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchTicket, replyToTicket, ticketAttachmentUrl } from '../../api/member-api';
import type { TicketAttachment } from '../../api/types';
import { FormError, QueryView } from '../../components/feedback';
import { TextArea } from '../../components/form-field';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format/date';

function Attachments({
  ticketId,
  attachments,
}: {
  readonly ticketId: number;
  readonly attachments: readonly TicketAttachment[];
}) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="ticket-attachments">
      <h2 id="ticket-attachments">{t('help.attachments')}</h2>
      <ul className="row-list">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <div>
              <p className="row-title">{t(`help.attachmentKind.${attachment.kind}`)}</p>
              <p className="muted small">
                {attachment.fileName} · {Math.ceil(attachment.sizeBytes / 1024)} KB
              </p>
            </div>
            <a
              className="button button--secondary button--small"
              href={ticketAttachmentUrl(ticketId, attachment.id)}
              download={attachment.fileName}
            >
              {t('help.download')}
              <span className="visually-hidden"> {attachment.fileName}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
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
        {(data) => (
          <>
            <p>
              <span className={`badge ${data.status === 'closed' ? 'badge--muted' : 'badge--ok'}`}>
                {t(`help.status.${data.status}`, { defaultValue: data.status })}
              </span>
            </p>
            <ol className="thread" aria-label={t('help.thread')}>
              {data.messages.map((message, index) => (
                <li
                  key={index}
                  className={message.from === 'staff' ? 'bubble bubble--staff' : 'bubble bubble--member'}
                >
                  <p className="bubble-meta">
                    {message.from === 'staff' ? t('help.staff') : t('help.you')} ·{' '}
                    {formatDateTime(message.at)}
                  </p>
                  {message.body.split('\n').map((line, lineIndex) => (
                    <p key={lineIndex}>{line}</p>
                  ))}
                </li>
              ))}
            </ol>
            <Attachments ticketId={data.id} attachments={data.attachments} />
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
        )}
      </QueryView>
    </Page>
  );
}
