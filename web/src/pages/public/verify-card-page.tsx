// Public check of a digital membership card: the QR on the card opens /verify/card/<code>; the page says
// whether Lumbung issued such a card and shows the masked name, masked KPJ and whether it is active.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { fetchCardVerification } from '../../api/member-api';
import type { CardVerification } from '../../api/types';
import { ErrorState, Loading } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { Page } from '../../components/page';

export function VerifyCardPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useQuery({
    queryKey: ['verify-card', code],
    queryFn: () => fetchCardVerification(code),
    retry: false,
  });
  return (
    <Page title={t('verifyCard.title')} lead={t('verifyCard.lead')}>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CardVerdict code={code} data={query.data} />
      )}
    </Page>
  );
}

function CardVerdict({ code, data }: { readonly code: string; readonly data: CardVerification }) {
  const { t } = useTranslation();
  if (!data.valid) {
    return (
      <div className="verdict verdict--bad" role="alert">
        <Icon name="warning" />
        <div>
          <p className="verdict-title">{t('verifyCard.notFound')}</p>
          <p>{t('verifyCard.notFoundBody', { code })}</p>
        </div>
      </div>
    );
  }
  return (
    <>
      <div className="verdict verdict--good" role="status">
        <Icon name="check" />
        <div>
          <p className="verdict-title">{t('verifyCard.issued')}</p>
          <p>{t('verifyCard.issuedBody')}</p>
        </div>
      </div>
      <div className="panel">
        <dl className="facts">
          <div>
            <dt>{t('verifyCard.name')}</dt>
            <dd>{data.fullName}</dd>
          </div>
          <div>
            <dt>{t('common.kpj')}</dt>
            <dd>{data.kpj}</dd>
          </div>
          <div>
            <dt>{t('verifyCard.status')}</dt>
            <dd>
              <span className={`badge ${data.status === 'active' ? 'badge--ok' : 'badge--muted'}`}>
                {t(`verifyCard.statuses.${data.status ?? 'inactive'}`)}
              </span>
            </dd>
          </div>
        </dl>
      </div>
    </>
  );
}
