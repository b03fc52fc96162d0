// Pengaturan notifikasi: in-app notifications are always on; SMS and e-mail can be switched off. A
// channel without a phone number or e-mail on file is shown as such (it cannot deliver).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, QueryView, StatusNote } from '../components/feedback';
import { Page } from '../components/page';
import { fetchPreferences, savePreferences, type NotificationPreferences } from './notification-api';

export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const preferences = useQuery({ queryKey: ['notifications', 'preferences'], queryFn: fetchPreferences });
  return (
    <Page
      title={t('notifications.settingsTitle')}
      lead={t('notifications.settingsLead')}
      back={{ to: '/notifikasi', label: t('notifications.title') }}
    >
      <QueryView query={preferences}>{(data) => <PreferencesForm initial={data} />}</QueryView>
    </Page>
  );
}

function PreferencesForm({ initial }: { readonly initial: NotificationPreferences }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sms, setSms] = useState(initial.sms);
  const [email, setEmail] = useState(initial.email);
  const save = useMutation({
    mutationFn: () => savePreferences(sms, email),
    onSuccess: (saved) => queryClient.setQueryData(['notifications', 'preferences'], saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel form" onSubmit={submit}>
      <FormError error={save.error} />
      <StatusNote>{save.isSuccess ? t('notifications.saved') : null}</StatusNote>
      <fieldset>
        <legend>{t('notifications.channels')}</legend>
        <label className="check">
          <input type="checkbox" checked disabled />
          <span>{t('notifications.inApp')}</span>
        </label>
        <label className="check">
          <input type="checkbox" checked={sms} onChange={(e) => setSms(e.target.checked)} />
          <span>
            {t('notifications.sms')}
            {initial.hasPhone ? null : <span className="muted small"> — {t('notifications.noPhone')}</span>}
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
          <span>
            {t('notifications.email')}
            {initial.hasEmail ? null : <span className="muted small"> — {t('notifications.noEmail')}</span>}
          </span>
        </label>
      </fieldset>
      <p className="muted small">{t('notifications.settingsNote')}</p>
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('common.pleaseWait') : t('common.save')}
      </button>
    </form>
  );
}
