// Masuk: e-mail, phone or KPJ plus password; a new device adds a step with a code sent by SMS or e-mail,
// an authenticator app (employers and staff always, members who turned it on) a step with its code.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signIn, verifySignIn } from '../../api/auth-api';
import { fieldErrorsOf } from '../../api/client';
import type { SessionUser, SignInResponse } from '../../api/types';
import { homePathFor, useSession } from '../../auth/session';
import { CodeStep } from '../../components/code-step';
import { FormError } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { currentLanguage } from '../../i18n/i18n';

type Challenge = Exclude<SignInResponse, { status: 'signed_in' }>;

export function SignInPage() {
  const { t } = useTranslation();
  const { setSignedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [rememberDevice, setRememberDevice] = useState(true);
  const [missing, setMissing] = useState<Record<string, string>>({});

  const finish = (user: SessionUser) => {
    setSignedIn(user);
    const next = params.get('next');
    // A page that is not the role's own sends it on to its home (app.tsx guards).
    const home = homePathFor(user.role);
    void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : home, { replace: true });
  };

  const start = useMutation({
    mutationFn: () => signIn(identifier.trim(), password),
    onSuccess: (result) => (result.status === 'signed_in' ? finish(result.user) : setChallenge(result)),
  });
  const verify = useMutation({
    mutationFn: (code: string) => verifySignIn(challenge?.challengeId ?? '', code, rememberDevice),
    onSuccess: finish,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!identifier.trim()) errors.identifier = t('signIn.identifierRequired');
    if (!password) errors.password = t('signIn.passwordRequired');
    setMissing(errors);
    if (Object.keys(errors).length === 0) start.mutate();
  };

  if (challenge) {
    const isTotp = challenge.status === 'totp_required';
    const sentTo = isTotp
      ? t('signIn.totpPrompt')
      : t(challenge.channel === 'sms' ? 'code.sentSms' : 'code.sentEmail', {
          destination: challenge.maskedDestination,
        });
    return (
      <Page title={isTotp ? t('signIn.totpTitle') : t('signIn.newDeviceTitle')}>
        <div className="panel">
          <CodeStep
            id="sign-in-code"
            source={isTotp ? 'authenticator' : 'sent'}
            sentTo={sentTo}
            outboxAddress={
              !isTotp &&
              (identifier.includes('@') || identifier.startsWith('+') || identifier.startsWith('08'))
                ? identifier.trim()
                : undefined
            }
            submitLabel={t('signIn.submit')}
            busy={verify.isPending}
            error={verify.error}
            onSubmit={(code) => verify.mutate(code)}
          >
            {challenge.status === 'code_required' ? (
              <label className="check">
                <input
                  type="checkbox"
                  checked={rememberDevice}
                  onChange={(e) => setRememberDevice(e.target.checked)}
                />
                <span>{t('signIn.rememberDevice')}</span>
              </label>
            ) : null}
          </CodeStep>
          <button type="button" className="button button--link" onClick={() => setChallenge(null)}>
            {t('common.back')}
          </button>
        </div>
      </Page>
    );
  }

  const serverErrors = fieldErrorsOf(start.error, currentLanguage());
  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      <div className="panel">
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={start.error} />
          <TextField
            id="identifier"
            label={t('signIn.identifier')}
            hint={t('signIn.identifierHint')}
            error={missing.identifier ?? serverErrors.identifier}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            autoComplete="username"
            required
          />
          <TextField
            id="password"
            label={t('signIn.password')}
            error={missing.password ?? serverErrors.password}
            type={showPassword ? 'text' : 'password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
          <label className="check">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />
            <span>{t('common.showPassword')}</span>
          </label>
          <button type="submit" className="button button--primary button--block" disabled={start.isPending}>
            {start.isPending ? t('common.pleaseWait') : t('signIn.submit')}
          </button>
        </form>
        <p className="form-links">
          <Link to="/lupa-kata-sandi">{t('signIn.forgot')}</Link>
        </p>
      </div>
      <div className="panel panel--quiet">
        <p>{t('signIn.noAccount')}</p>
        <Link to="/daftar" className="button button--secondary button--block">
          {t('signIn.register')}
        </Link>
      </div>
      <p className="muted small center">{t('signIn.helpLine')}</p>
    </Page>
  );
}
