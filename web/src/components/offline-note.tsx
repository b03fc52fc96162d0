// Marks figures that came from the service worker's cache: not live, and since when.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/date';
import { Icon } from './icons';

export function OfflineNote({ savedAt }: { readonly savedAt: string | null }) {
  const { t } = useTranslation();
  if (!savedAt) return null;
  return (
    <p className="alert alert--warning offline-note" role="status">
      <Icon name="offline" size={20} />
      <span>{t('offline.savedBalance', { when: formatDateTime(savedAt) })}</span>
    </p>
  );
}
