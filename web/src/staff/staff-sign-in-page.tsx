// Staff sign-in: e-mail and password, then always the authenticator-app code (TOTP). Whoever signs in
// lands on their role's home: staff in the console, an employer's HR in the employer portal.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signIn, verifySignIn } from '../api/auth-api';
import type { SessionUser } from '../api/types';
import { homePathFor, useSession } from '../auth/session';
import { FormError } from '../components/feedback';
import { TextField } from '../components/form-field';
import { LogoMark } from '../components/icons';
import { LanguageSwitch } from '../components/language-switch';
import { Page } from '../components/page';
import './staff.css';

export function StaffSignInPage() {
  const { t } = useTranslation();
  const { setSignedIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [challengeId, setChallengeId] = useState<string | null>(null);

  const finish = (user: SessionUser) => {
    setSignedIn(user);
    void navigate(homePathFor(user.role), { replace: true });
  };
  const start = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (result) =>
      result.status === 'signed_in' ? finish(result.user) : setChallengeId(result.challengeId),
  });
  const verify = useMutation({
    mutationFn: () => verifySignIn(challengeId ?? '', code.replace(/\s/g, ''), false),
    onSuccess: finish,
  });

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };

  return (
    <div className="public-shell">
      <header className="topbar topbar--public">
        <span className="brand">
          <LogoMark size={32} />
          <span className="brand-name">Lumbung</span>
          <span className="staff-badge">{t('staff.brand')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Page title={t('staff.signIn.title')} lead={t('staff.signIn.lead')}>
          <div className="panel">
            {challengeId === null ? (
              <form className="form" onSubmit={submitPassword} noValidate>
                <FormError error={start.error} />
                <TextField
                  id="staff-email"
                  label={t('staff.signIn.email')}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  required
                />
                <TextField
                  id="staff-password"
                  label={t('staff.signIn.password')}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
                <button
                  type="submit"
                  className="button button--primary button--block"
                  disabled={start.isPending}
                >
                  {start.isPending ? t('common.pleaseWait') : t('staff.signIn.next')}
                </button>
              </form>
            ) : (
              <form className="form" onSubmit={submitCode} noValidate>
                <FormError error={verify.error} />
                <TextField
                  id="staff-totp"
                  className="field--code"
                  label={t('staff.signIn.totp')}
                  hint={t('staff.signIn.totpHint')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  required
                />
                <button
                  type="submit"
                  className="button button--primary button--block"
                  disabled={verify.isPending}
                >
                  {verify.isPending ? t('common.pleaseWait') : t('staff.signIn.submit')}
                </button>
                <button type="button" className="button button--link" onClick={() => setChallengeId(null)}>
                  {t('common.back')}
                </button>
              </form>
            )}
          </div>
          <p className="muted small center">{t('staff.signIn.note')}</p>
        </Page>
      </main>
    </div>
  );
}
