// Berita: announcements published by the fund, newest first, and one article.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchNews, fetchNewsItem } from '../../api/member-api';
import { EmptyState, QueryView } from '../../components/feedback';
import { Page } from '../../components/page';
import { localized } from '../../components/text';
import { formatDate } from '../../format/date';

export function NewsPage() {
  const { t } = useTranslation();
  const news = useQuery({ queryKey: ['news'], queryFn: fetchNews });
  return (
    <Page title={t('news.title')}>
      <QueryView query={news}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('news.empty')} />
          ) : (
            <ul className="news-list">
              {[...items]
                .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))
                .map((item) => (
                  <li key={item.id}>
                    <Link to={`/berita/${encodeURIComponent(item.id)}`} className="news-item">
                      <span className="news-title">{localized(item.title)}</span>
                      {item.summary ? <span className="news-summary">{localized(item.summary)}</span> : null}
                      <span className="muted small">{formatDate(item.publishedAt)}</span>
                    </Link>
                  </li>
                ))}
            </ul>
          )
        }
      </QueryView>
    </Page>
  );
}

export function NewsArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useQuery({ queryKey: ['news', id], queryFn: () => fetchNewsItem(id) });
  const title = article.data ? localized(article.data.title) : t('news.title');
  return (
    <Page title={title} back={{ to: '/berita', label: t('news.title') }}>
      <QueryView query={article}>
        {(item) => (
          <article className="panel article">
            <p className="muted small">{t('news.published', { date: formatDate(item.publishedAt) })}</p>
            {localized(item.body ?? item.summary)
              .split(/\n{2,}/)
              .map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
          </article>
        )}
      </QueryView>
    </Page>
  );
}
