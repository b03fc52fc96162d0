// A claim's status as a badge, and its timeline: every change with when and by whom, the rejection
// reason the officer chose and the note, in the member's language.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n/i18n';
import type { ClaimDetail } from './claim-api';
import './claim.css';

const TONE: Readonly<Record<string, string>> = {
  paid: 'badge--paid',
  approved: 'badge--ok',
  rejected: 'badge--missing',
  payment_failed: 'badge--underpaid',
  expired: 'badge--muted',
  cancelled: 'badge--muted',
};

export function ClaimStatusBadge({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status] ?? 'badge--pending'}`}>{t(`claim.status.${status}`)}</span>;
}

export function ClaimTimeline({ claim }: { readonly claim: ClaimDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section className="panel" aria-labelledby="claim-timeline">
      <h2 id="claim-timeline">{t('claim.detail.timeline')}</h2>
      {claim.rejection ? (
        <div className="alert alert--error" role="note">
          <p className="alert-text">
            <strong>{t('claim.detail.rejectedBecause')}:</strong> {claim.rejection.message[lang]}
            {claim.rejection.note ? ` ${t('claim.detail.officerNote', { note: claim.rejection.note })}` : ''}
          </p>
        </div>
      ) : null}
      <ol className="claim-timeline">
        {claim.timeline.map((event, index) => (
          <li
            key={`${event.at}-${index}`}
            className={`claim-timeline-item claim-timeline-item--${event.status}`}
          >
            <span className="claim-timeline-status">{t(`claim.status.${event.status}`)}</span>
            <span className="muted small">
              {formatDateTime(event.at)} · {t(`claim.detail.by.${event.by}`)}
            </span>
            {event.note && event.status !== 'rejected' ? <span className="small">{event.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
