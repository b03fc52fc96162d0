// Notifikasi: the member's notification centre. Newest first, unread marked, one tap to mark read, and
// on a contribution alert a "Lapor" button: a dialog that opens a ticket for staff with the ledger
// evidence and, when the member adds one, their payslip.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, FormError, QueryView, StatusNote } from '../components/feedback';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { currentLanguage } from '../i18n/i18n';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  PAGE_SIZE,
  reportableFinding,
  type NotificationItem,
  type ReportOutcome,
} from './notification-api';
import { ReportDialog } from './report-dialog';

export const UNREAD_QUERY_KEY = ['notifications', 'unread'] as const;

export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications', 'list', page, lang],
    queryFn: () => fetchNotifications(page, lang),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const unread = list.data?.unreadCount ?? 0;
  return (
    <Page
      title={t('notifications.title')}
      lead={t('notifications.lead')}
      actions={
        <Link className="button button--secondary button--small" to="/notifikasi/pengaturan">
          {t('notifications.settingsLink')}
        </Link>
      }
    >
      <FormError error={readAll.error} />
      <QueryView query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('notifications.empty')} />
          ) : (
            <section className="panel" aria-labelledby="notifications-heading">
              <div className="page-head">
                <h2 id="notifications-heading">{t('notifications.unreadCount', { count: unread })}</h2>
                {unread > 0 ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => readAll.mutate()}
                    disabled={readAll.isPending}
                  >
                    {t('notifications.markAllRead')}
                  </button>
                ) : null}
              </div>
              <ul className="row-list">
                {data.items.map((item) => (
                  <NotificationRow key={item.id} item={item} onChanged={refresh} />
                ))}
              </ul>
              <Pager page={data.page} total={data.total} onPage={setPage} />
            </section>
          )
        }
      </QueryView>
    </Page>
  );
}

function NotificationRow({
  item,
  onChanged,
}: {
  readonly item: NotificationItem;
  readonly onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reported, setReported] = useState<ReportOutcome | null>(null);
  const [isReporting, setIsReporting] = useState(false);
  const ticketLink = useRef<HTMLAnchorElement>(null);
  const read = useMutation({ mutationFn: () => markNotificationRead(item.id), onSuccess: onChanged });
  const findingId = reportableFinding(item);
  const onReported = async (outcome: ReportOutcome) => {
    setReported(outcome);
    setIsReporting(false);
    if (!item.isRead) await markNotificationRead(item.id);
    await onChanged();
  };
  // The Lapor button is gone once the report is sent: the ticket link takes the focus it had.
  useEffect(() => {
    if (reported) ticketLink.current?.focus();
  }, [reported]);
  return (
    <li>
      <div>
        <p className="row-title">
          {item.isRead ? null : (
            <>
              <span className="badge badge--ok">{t('notifications.new')}</span>{' '}
            </>
          )}
          {item.title}
        </p>
        <p className="muted small">{formatDateTime(item.createdAt)}</p>
        <p>{item.intro}</p>
        {item.lines.length > 0 ? (
          <ul>
            {item.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {item.outro ? <p>{item.outro}</p> : null}
        <FormError error={read.error} />
        <StatusNote>
          {reported ? (
            <>
              {t(reported.isNew ? 'notifications.reported' : 'notifications.alreadyReported', {
                number: reported.ticketNumber,
              })}{' '}
              {reported.payslip ? <>{t('notifications.payslipAttached')} </> : null}
              <Link ref={ticketLink} to={`/bantuan/tiket/${encodeURIComponent(reported.ticketId)}`}>
                {t('notifications.openTicket')}
              </Link>
            </>
          ) : null}
        </StatusNote>
        <div className="action-row">
          {findingId !== null && !reported ? (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => setIsReporting(true)}
              aria-haspopup="dialog"
              aria-describedby={`notification-${item.id}-report-hint`}
            >
              {t('notifications.report')}
            </button>
          ) : null}
          {item.isRead ? null : (
            <button
              type="button"
              className="button button--link"
              onClick={() => read.mutate()}
              disabled={read.isPending}
            >
              {t('notifications.markRead')}
            </button>
          )}
        </div>
        {findingId !== null && !reported ? (
          <p id={`notification-${item.id}-report-hint`} className="muted small">
            {t('notifications.reportHint')}
          </p>
        ) : null}
        {findingId !== null && isReporting ? (
          <ReportDialog
            id={`notification-${item.id}-report`}
            findingId={findingId}
            title={item.title}
            onClose={() => setIsReporting(false)}
            onReported={onReported}
          />
        ) : null}
      </div>
    </li>
  );
}

function Pager({
  page,
  total,
  onPage,
}: {
  readonly page: number;
  readonly total: number;
  readonly onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return null;
  return (
    <nav className="action-row" aria-label={t('notifications.pages')}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('notifications.newer')}
      </button>
      <span className="muted small">{t('notifications.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('notifications.older')}
      </button>
    </nav>
  );
}
