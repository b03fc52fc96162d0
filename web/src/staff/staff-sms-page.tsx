// The SMS simulator (development): send DAFTAR, SALDO or another message as a phone and read the
// replies the member would get — the same service the short code uses.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/feedback';
import { TextField } from '../components/form-field';
import { Page } from '../components/page';
import { staffApi } from './staff-api';

export function StaffSmsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [text, setText] = useState('');
  const [log, setLog] = useState<{ from: string; text: string; replies: string[] }[]>([]);
  const send = useMutation({
    mutationFn: () => staffApi.simulateSms(from, text),
    onSuccess: (result) => setLog([{ from, text, replies: result.replies }, ...log]),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <Page title={t('staff.sms.title')} lead={t('staff.sms.lead')}>
      <div className="staff-columns">
        <form className="panel form" onSubmit={submit} noValidate>
          <FormError error={send.error} />
          <TextField
            id="sms-from"
            label={t('staff.sms.from')}
            inputMode="tel"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            id="sms-text"
            label={t('staff.sms.text')}
            hint={t('staff.sms.textHint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={send.isPending}>
            {t('staff.sms.send')}
          </button>
        </form>
        <section className="panel" aria-labelledby="sms-log-heading" aria-live="polite">
          <h2 id="sms-log-heading">{t('staff.sms.conversation')}</h2>
          <div className="thread">
            {log.map((entry, index) => (
              <div key={`${index}-${entry.text}`}>
                <p className="bubble bubble--member">
                  <span className="bubble-meta">{entry.from}</span>
                  {entry.text}
                </p>
                {entry.replies.map((reply) => (
                  <p key={reply} className="bubble bubble--staff">
                    {reply}
                  </p>
                ))}
              </div>
            ))}
          </div>
        </section>
      </div>
    </Page>
  );
}
