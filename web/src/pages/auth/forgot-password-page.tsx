// Lupa kata sandi: phone or e-mail → code → new password. The answer is the same whether or not the
// contact is registered, so the page never says which. A reset started by staff at a branch or the
// call centre arrives as a message with a link (?c=<challenge>): the page then asks only for the code.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
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
  const [searchParams, setSearchParams] = useSearchParams();
  const linked = searchParams.get('c');
  const linkedChallengeId = linked && /^[A-Za-z0-9_-]{1,64}$/.test(linked) ? linked : null;
  const [challengeId, setChallengeId] = useState<string | null>(linkedChallengeId);
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
            sentTo={challengeId === linkedChallengeId ? t('forgot.codeFromLink') : t('forgot.codeSent')}
            outboxAddress={identifier.trim() || undefined}
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
          <p className="form-links">
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                // A new code by phone or e-mail when this one expired or never came.
                setSearchParams({});
                setChallengeId(null);
                reset.reset();
              }}
            >
              {t('forgot.again')}
            </button>
          </p>
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
