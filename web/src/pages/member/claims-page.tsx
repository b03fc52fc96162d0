// Klaim: claims arrive with their own issue; until then this page says so and where to go meanwhile.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/feedback';
import { Page } from '../../components/page';

export function ClaimsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('claims.title')}>
      <EmptyState title={t('claims.comingTitle')}>
        <p>{t('claims.comingBody')}</p>
        <Link to="/bantuan" className="button button--secondary">
          {t('claims.faq')}
        </Link>
      </EmptyState>
    </Page>
  );
}
