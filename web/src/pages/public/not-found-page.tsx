// A path the app does not know.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/feedback';
import { Page } from '../../components/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <EmptyState title={t('notFound.body')}>
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      </EmptyState>
    </Page>
  );
}
