// Berita (admin): write a news item in Bahasa Indonesia and English (the API needs both), publish it to
// every member at once, and see what members see in GET /api/v1/news.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, FormError, QueryView, StatusNote } from '../components/feedback';
import { TextArea, TextField } from '../components/form-field';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { currentLanguage } from '../i18n/i18n';
import { adminApi, type NewsInput } from './staff-api';
import './admin.css';

/** The service's limits (server/src/news/news-service.ts). */
const MAX_TITLE_LENGTH = 200;
const MAX_BODY_LENGTH = 20_000;

const emptyDraft: NewsInput = { titleId: '', titleEn: '', bodyId: '', bodyEn: '' };

function PublishedNews() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const news = useQuery({ queryKey: ['admin-news'], queryFn: adminApi.news });
  return (
    <section className="panel" aria-labelledby="published-heading">
      <h2 id="published-heading">{t('staffAdmin.news.publishedTitle')}</h2>
      <QueryView query={news}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('news.empty')} />
          ) : (
            <ul className="admin-news-list" data-testid="published-news">
              {data.items.map((item) => (
                <li key={item.id}>
                  <h3 className="admin-news-title">{item.title[lang]}</h3>
                  <p className="muted small">
                    {t('news.published', { date: formatDateTime(item.publishedAt) })}
                    {' · '}
                    <span lang={lang === 'id' ? 'en' : 'id'}>{item.title[lang === 'id' ? 'en' : 'id']}</span>
                  </p>
                  <p className="admin-news-excerpt">{item.excerpt[lang]}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

export function AdminNewsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<NewsInput>(emptyDraft);
  const publish = useMutation({
    mutationFn: () => adminApi.publishNews(draft),
    onSuccess: async () => {
      setDraft(emptyDraft);
      await queryClient.invalidateQueries({ queryKey: ['admin-news'] });
    },
  });
  const set = (field: keyof NewsInput) => (value: string) => setDraft({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  return (
    <Page title={t('staffAdmin.news.title')} lead={t('staffAdmin.news.lead')}>
      <div className="admin-layout admin-layout--even">
        <section className="panel" aria-labelledby="write-heading">
          <h2 id="write-heading">{t('staffAdmin.news.writeTitle')}</h2>
          <form className="form" onSubmit={submit}>
            <FormError error={publish.error} />
            <StatusNote>
              {publish.isSuccess
                ? t('staffAdmin.news.publishedNote', { date: formatDateTime(publish.data.publishedAt) })
                : null}
            </StatusNote>
            <fieldset>
              <legend>{t('staffAdmin.news.inIndonesian')}</legend>
              <TextField
                id="news-title-id"
                label={t('staffAdmin.news.titleLabel')}
                lang="id"
                required
                maxLength={MAX_TITLE_LENGTH}
                value={draft.titleId}
                onChange={(e) => set('titleId')(e.target.value)}
              />
              <TextArea
                id="news-body-id"
                label={t('staffAdmin.news.bodyLabel')}
                lang="id"
                required
                rows={6}
                maxLength={MAX_BODY_LENGTH}
                value={draft.bodyId}
                onChange={(e) => set('bodyId')(e.target.value)}
              />
            </fieldset>
            <fieldset>
              <legend>{t('staffAdmin.news.inEnglish')}</legend>
              <TextField
                id="news-title-en"
                label={t('staffAdmin.news.titleLabel')}
                lang="en"
                required
                maxLength={MAX_TITLE_LENGTH}
                value={draft.titleEn}
                onChange={(e) => set('titleEn')(e.target.value)}
              />
              <TextArea
                id="news-body-en"
                label={t('staffAdmin.news.bodyLabel')}
                lang="en"
                required
                rows={6}
                maxLength={MAX_BODY_LENGTH}
                value={draft.bodyEn}
                onChange={(e) => set('bodyEn')(e.target.value)}
              />
            </fieldset>
            <p className="muted small">{t('staffAdmin.news.bothLanguages')}</p>
            <button type="submit" className="button button--primary" disabled={publish.isPending}>
              {publish.isPending ? t('common.pleaseWait') : t('staffAdmin.news.publish')}
            </button>
          </form>
        </section>
        <PublishedNews />
      </div>
    </Page>
  );
}
