// A claim's status as a badge, and its timeline: every change with when and by whom, and the rejection
// reason the officer chose, in the reader's language. Officers' notes come only in the staff view.
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

export function ClaimTimeline({
  claim,
  audience = 'claimant',
}: {
  readonly claim: ClaimDetail;
  /** Whose page: the claimant reads "by you", an officer "by the member". */
  readonly audience?: 'claimant' | 'staff';
}) {
  const { t } = useTranslation();
  const byKey = audience === 'staff' ? 'claim.detail.byForStaff' : 'claim.detail.by';
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
              {formatDateTime(event.at)} · {t(`${byKey}.${event.by}`)}
            </span>
            {event.note && event.status !== 'rejected' ? <span className="small">{event.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
