// Bantuan: answers to the questions members ask most, the call centre, and a contact form that opens
// a ticket the staff console answers; the member's tickets are listed with their status.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { createTicket, fetchTickets } from '../../api/member-api';
import { EmptyState, FormError, QueryView } from '../../components/feedback';
import { TextArea, TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n/i18n';

interface FaqItem {
  readonly q: string;
  readonly a: string;
}

export function HelpPage() {
  const { t } = useTranslation();
  const faq = t('faq.items', { returnObjects: true }) as FaqItem[];
  return (
    <Page title={t('help.title')} lead={t('help.lead')}>
      <section className="panel" aria-labelledby="faq-heading">
        <h2 id="faq-heading">{t('help.faqTitle')}</h2>
        <div className="faq">
          {faq.map((item) => (
            <details key={item.q}>
              <summary>{item.q}</summary>
              {item.a.split('\n').map((line, index) => (
                <p key={index}>{line}</p>
              ))}
            </details>
          ))}
        </div>
      </section>
      <section className="panel panel--quiet" aria-labelledby="call-heading">
        <h2 id="call-heading">{t('help.callTitle')}</h2>
        <p>{t('help.callBody')}</p>
        <a className="button button--secondary" href="tel:175">
          {t('help.callButton')}
        </a>
      </section>
      <ContactForm />
      <TicketList />
    </Page>
  );
}

function ContactForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(params.get('subjek') ?? '');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => createTicket(subject.trim(), body.trim()),
    onSuccess: async (ticket) => {
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void navigate(`/bantuan/tiket/${encodeURIComponent(ticket.id)}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!subject.trim()) found.subject = t('help.subjectRequired');
    if (body.trim().length < 10) found.body = t('help.bodyShort');
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate();
  };
  const server = fieldErrorsOf(create.error, currentLanguage());
  return (
    <section className="panel" id="kontak" aria-labelledby="contact-form-heading">
      <h2 id="contact-form-heading">{t('help.contactTitle')}</h2>
      <p>{t('help.contactLead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={create.error} />
        <TextField
          id="ticket-subject"
          label={t('help.subject')}
          error={errors.subject ?? server.subject}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={150}
        />
        <TextArea
          id="ticket-body"
          label={t('help.body')}
          hint={t('help.bodyHint')}
          error={errors.body ?? server.body}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={5}
          maxLength={4000}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('common.pleaseWait') : t('help.send')}
        </button>
      </form>
    </section>
  );
}

function TicketList() {
  const { t } = useTranslation();
  const tickets = useQuery({ queryKey: ['tickets'], queryFn: fetchTickets });
  return (
    <section className="panel" aria-labelledby="tickets-heading">
      <h2 id="tickets-heading">{t('help.ticketsTitle')}</h2>
      <QueryView query={tickets}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('help.noTickets')} />
          ) : (
            <ul className="row-list">
              {items.map((ticket) => (
                <li key={ticket.id}>
                  <div>
                    <Link to={`/bantuan/tiket/${encodeURIComponent(ticket.id)}`} className="row-title">
                      {ticket.subject}
                    </Link>
                    <p className="muted small">{formatDate(ticket.updatedAt)}</p>
                  </div>
                  <span className={`badge ${ticket.status === 'closed' ? 'badge--muted' : 'badge--ok'}`}>
                    {t(`help.status.${ticket.status}`, { defaultValue: ticket.status })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
