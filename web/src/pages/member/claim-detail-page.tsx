// One claim: its amounts and status, the steps still open to the member (documents, account, send),
// and the timeline of every status change.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryView, StatusNote } from '../../components/feedback';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n/i18n';
import { claimApi, type ClaimDetail } from './claim-api';
import { ClaimDraftSteps } from './claim-draft-steps';
import { ClaimSchedule } from './claim-schedule';
import { ClaimStatusBadge, ClaimTimeline } from './claim-timeline';

function Summary({ claim }: { readonly claim: ClaimDetail }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="claim-summary">
      <h2 id="claim-summary">{t('claim.detail.summary')}</h2>
      <p>
        <ClaimStatusBadge status={claim.status} />
      </p>
      <dl className="claim-amounts">
        <dt>{t('claim.wizard.programme')}</dt>
        <dd>{t(`claim.programmeName.${claim.programme}`)}</dd>
        <dt>{t('claim.wizard.reason')}</dt>
        <dd>{t(`claim.reason.${claim.reason}`)}</dd>
        <dt>{t('common.kpj')}</dt>
        <dd>{claim.kpj}</dd>
        <dt>{t('claim.wizard.gross')}</dt>
        <dd>
          <Money amount={claim.grossRupiah} />
        </dd>
        <dt>{t('claim.wizard.tax')}</dt>
        <dd>
          <Money amount={claim.taxRupiah} />
        </dd>
        <dt>{t('claim.wizard.net')}</dt>
        <dd>
          <Money amount={claim.netRupiah} />
        </dd>
      </dl>
      <ClaimSchedule schedule={claim.schedule} />
      {claim.status === 'branch_verification' ? (
        <p className="alert alert--warning">{t('claim.detail.branchVerification')}</p>
      ) : null}
      {claim.paidAt ? (
        <StatusNote>{t('claim.detail.paidOn', { date: formatDate(claim.paidAt) })}</StatusNote>
      ) : null}
      {claim.status === 'submitted' ? <p className="muted small">{t('claim.detail.serviceLevel')}</p> : null}
      <p className="muted small">
        {t('claim.wizard.regulation', { regulation: claim.regulation[currentLanguage()] })}
      </p>
    </section>
  );
}

export function ClaimDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const claim = useQuery({
    queryKey: ['claim', id],
    queryFn: () => claimApi.get(id),
    enabled: Number.isSafeInteger(id),
  });
  return (
    <Page
      title={claim.data ? t('claim.detail.title', { number: claim.data.number }) : t('claims.title')}
      back={{ to: '/klaim', label: t('claims.title') }}
    >
      <QueryView query={claim}>
        {(data) => (
          <>
            <Summary claim={data} />
            {data.status === 'draft' ||
            data.status === 'branch_verification' ||
            data.status === 'submitted' ? (
              <ClaimDraftSteps claim={data} />
            ) : null}
            <ClaimTimeline claim={data} />
          </>
        )}
      </QueryView>
    </Page>
  );
}
