// Lupa kata sandi: phone or e-mail → code → new password. The answer is the same whether or not the
// contact is registered, so the page never says which.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { forgotPassword, resetPassword } from '../../api/auth-api';
import { fieldErrorsOf } from '../../api/client';
import { CodeStep } from '../../components/code-step';
import { FormError, StatusNote } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { currentLanguage } from '../../i18n/i18n';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => forgotPassword(identifier.trim()),
    onSuccess: (r) => setChallengeId(r.challengeId),
  });
  const reset = useMutation({
    mutationFn: (code: string) => resetPassword(challengeId ?? '', code, newPassword),
  });

  if (reset.isSuccess) {
    return (
      <Page title={t('forgot.doneTitle')}>
        <div className="panel">
          <StatusNote>{t('forgot.done')}</StatusNote>
          <Link to="/masuk" className="button button--primary button--block">
            {t('forgot.toSignIn')}
          </Link>
        </div>
      </Page>
    );
  }

  if (challengeId) {
    const serverErrors = fieldErrorsOf(reset.error, currentLanguage());
    return (
      <Page title={t('forgot.codeTitle')}>
        <div className="panel">
          <CodeStep
            id="reset-code"
            sentTo={t('forgot.codeSent')}
            outboxAddress={identifier.trim()}
            submitLabel={t('forgot.save')}
            busy={reset.isPending}
            error={serverErrors.newPassword ? null : reset.error}
            onSubmit={(code) => {
              if (newPassword.length < 8) {
                setLocalError({ newPassword: t('register.passwordShort') });
                return;
              }
              setLocalError({});
              reset.mutate(code);
            }}
          >
            <TextField
              id="newPassword"
              label={t('forgot.newPassword')}
              hint={t('register.passwordHint')}
              error={localError.newPassword ?? serverErrors.newPassword}
              type="password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.target.value)}
              autoComplete="new-password"
              required
            />
          </CodeStep>
        </div>
      </Page>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!identifier.trim()) {
      setLocalError({ identifier: t('forgot.identifierRequired') });
      return;
    }
    setLocalError({});
    start.mutate();
  };
  return (
    <Page title={t('forgot.title')} lead={t('forgot.lead')}>
      <div className="panel">
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={start.error} />
          <TextField
            id="identifier"
            label={t('forgot.identifier')}
            error={localError.identifier ?? fieldErrorsOf(start.error, currentLanguage()).identifier}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            autoComplete="username"
            required
          />
          <button type="submit" className="button button--primary button--block" disabled={start.isPending}>
            {start.isPending ? t('common.pleaseWait') : t('forgot.send')}
          </button>
        </form>
        <p className="form-links">
          <Link to="/masuk">{t('forgot.back')}</Link>
        </p>
      </div>
    </Page>
  );
}
