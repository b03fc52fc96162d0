// Entering a 6-digit one-time code. In development the server keeps sent codes in an outbox; a small
// note says where to read them so a new user can finish signing up without a real SMS.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDevOutboxAvailable } from '../api/auth-api';
import { fieldErrorsOf } from '../api/client';
import { keepPhoneNumbersTogether } from '../format/phone';
import { currentLanguage } from '../i18n/i18n';
import { FormError } from './feedback';
import { TextField } from './form-field';

export function CodeStep({
  id,
  sentTo,
  outboxAddress,
  submitLabel,
  busy,
  error,
  onSubmit,
  children,
}: {
  readonly id: string;
  /** Text saying where the code went ("SMS ke 0812•••789"). */
  readonly sentTo: ReactNode;
  /** The full phone or e-mail, when known, for the development outbox link. */
  readonly outboxAddress?: string | undefined;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly error: unknown;
  readonly onSubmit: (code: string) => void;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const [isDev, setIsDev] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void isDevOutboxAvailable().then((available) => {
      if (!cancelled) setIsDev(available);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setLocalError(t('code.invalid'));
      return;
    }
    setLocalError(undefined);
    onSubmit(digits);
  };

  const fieldError = localError ?? fieldErrorsOf(error, currentLanguage()).code;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="code-sent">{typeof sentTo === 'string' ? keepPhoneNumbersTogether(sentTo) : sentTo}</p>
      <FormError error={fieldError ? null : error} />
      <TextField
        id={id}
        label={t('code.label')}
        hint={t('code.hint')}
        error={fieldError}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="field--code"
        required
      />
      {children}
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? t('common.pleaseWait') : submitLabel}
      </button>
      {isDev ? (
        <p className="dev-hint">
          <strong>{t('code.devTitle')}</strong>{' '}
          {outboxAddress ? (
            <a
              href={`/api/v1/dev/outbox?to=${encodeURIComponent(outboxAddress)}`}
              target="_blank"
              rel="noreferrer"
            >
              {t('code.devLink')}
            </a>
          ) : (
            <code>/api/v1/dev/outbox?to=…</code>
          )}
        </p>
      ) : null}
      <p className="muted small">{t('code.notArriving')}</p>
    </form>
  );
}
