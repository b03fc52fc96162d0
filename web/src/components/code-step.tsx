// Entering a 6-digit code: one the server sent by SMS or e-mail (valid for minutes; in development the
// server keeps sent codes in an outbox, and a small note says where to read them so a new user can
// finish signing up without a real SMS), or one the user's authenticator app shows (TOTP, nothing sent).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isDevOutboxAvailable } from '../api/auth-api';
import { fieldErrorsOf } from '../api/client';
import { keepPhoneNumbersTogether } from '../format/phone';
import { currentLanguage } from '../i18n/i18n';
import { FormError } from './feedback';
import { TextField } from './form-field';

export type CodeSource = 'sent' | 'authenticator';

export function CodeStep({
  id,
  source = 'sent',
  sentTo,
  outboxAddress,
  submitLabel,
  busy,
  error,
  onSubmit,
  children,
}: {
  readonly id: string;
  /** Where the code comes from: sent to the user, or shown by their authenticator app. */
  readonly source?: CodeSource;
  /** Text saying where the code went ("SMS ke 0812•••789"), or where to find it in the app. */
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

  const isSent = source === 'sent';
  useEffect(() => {
    // Nothing is sent for an authenticator code, so the outbox has nothing to show.
    if (!isSent) return;
    let cancelled = false;
    void isDevOutboxAvailable().then((available) => {
      if (!cancelled) setIsDev(available);
    });
    return () => {
      cancelled = true;
    };
  }, [isSent]);

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
        label={isSent ? t('code.label') : t('code.totpLabel')}
        hint={isSent ? t('code.hint') : t('code.totpHint')}
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
      {isSent && isDev ? (
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
      <p className="muted small">{isSent ? t('code.notArriving') : t('code.totpTrouble')}</p>
    </form>
  );
}
