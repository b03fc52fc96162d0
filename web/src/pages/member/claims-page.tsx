// Klaim: the member's claims with their status, and the way into a new claim.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, QueryView } from '../../components/feedback';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { formatDate } from '../../format/date';
import { claimApi, type ClaimSummary } from './claim-api';
import { ClaimStatusBadge } from './claim-timeline';

function ClaimRow({ claim }: { readonly claim: ClaimSummary }) {
  const { t } = useTranslation();
  return (
    <li className="claim-row">
      <div>
        <p className="row-title">
          <Link to={`/klaim/${claim.id}`} aria-label={t('claim.open', { number: claim.number })}>
            {claim.number}
          </Link>{' '}
          · {claim.programme}
        </p>
        <p className="muted small">
          {t(`claim.reason.${claim.reason}`)} · KPJ {claim.kpj} · {formatDate(claim.createdAt)}
        </p>
      </div>
      <Money amount={claim.netRupiah} />
      <ClaimStatusBadge status={claim.status} />
    </li>
  );
}

export function ClaimsPage() {
  const { t } = useTranslation();
  const claims = useQuery({ queryKey: ['claims'], queryFn: claimApi.list });
  return (
    <Page
      title={t('claims.title')}
      lead={t('claim.lead')}
      actions={
        <Link to="/klaim/baru" className="button button--primary">
          {t('claim.new')}
        </Link>
      }
    >
      <QueryView query={claims}>
        {(data) =>
          data.claims.length === 0 ? (
            <EmptyState title={t('claim.none')}>
              <p>{t('claim.noneBody')}</p>
            </EmptyState>
          ) : (
            <section className="panel" aria-labelledby="claim-list">
              <h2 id="claim-list">{t('claim.listTitle')}</h2>
              <ul className="row-list claim-list">
                {data.claims.map((claim) => (
                  <ClaimRow key={claim.id} claim={claim} />
                ))}
              </ul>
            </section>
          )
        }
      </QueryView>
    </Page>
  );
}
