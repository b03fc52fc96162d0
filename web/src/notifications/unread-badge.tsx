// The unread-notification count beside the navigation link; refreshed every few minutes and whenever
// the notification centre changes something (it shares the 'notifications' query key).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchUnreadCount } from './notification-api';

const REFRESH_MS = 5 * 60_000;

export function UnreadBadge() {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: fetchUnreadCount,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  const unread = count.data?.unreadCount ?? 0;
  if (unread === 0) return null;
  return (
    <span className="badge badge--missing" aria-label={t('notifications.unreadCount', { count: unread })}>
      {unread > 99 ? '99+' : unread}
    </span>
  );
}
