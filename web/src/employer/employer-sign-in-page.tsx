// Masuk portal pemberi kerja: the HR e-mail and password, then always the authenticator-app code (the
// server asks every non-member for it). The member sign-in at /masuk also brings an employer here.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { signIn, verifySignIn } from '../api/auth-api';
import { fieldErrorsOf } from '../api/client';
import type { SessionUser } from '../api/types';
import { homePathFor, useSession } from '../auth/session';
import { FormError, Loading } from '../components/feedback';
import { TextField } from '../components/form-field';
import { LogoMark } from '../components/icons';
import { LanguageSwitch } from '../components/language-switch';
import { Page } from '../components/page';
import { currentLanguage } from '../i18n/i18n';

const EMPLOYER_HOME = '/pemberi-kerja';

export function EmployerSignInPage() {
  const { t } = useTranslation();
  const { session, setSignedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [isMemberAccount, setIsMemberAccount] = useState(false);

  const finish = (user: SessionUser) => {
    setSignedIn(user);
    const next = params.get('next');
    const isOwn = user.role === 'employer_admin' && next?.startsWith(`${EMPLOYER_HOME}/`);
    void navigate(isOwn && next ? next : homePathFor(user.role), { replace: true });
  };
  const start = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (result) => {
      if (result.status === 'signed_in') finish(result.user);
      else if (result.status === 'totp_required') setChallengeId(result.challengeId);
      // Only member accounts get an e-mail or SMS code: they sign in on the member page.
      else setIsMemberAccount(true);
    },
  });
  const verify = useMutation({
    mutationFn: () => verifySignIn(challengeId ?? '', code.replace(/\s/g, ''), false),
    onSuccess: finish,
  });

  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed_in' && !start.isSuccess && !verify.isSuccess) {
    return <Navigate to={homePathFor(session.user.role)} replace />;
  }

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t('employer.signIn.emailRequired');
    if (!password) errors.password = t('signIn.passwordRequired');
    setMissing(errors);
    if (Object.keys(errors).length === 0) start.mutate();
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setMissing({ code: t('code.invalid') });
      return;
    }
    setMissing({});
    verify.mutate();
  };

  const serverErrors = fieldErrorsOf(challengeId ? verify.error : start.error, currentLanguage());
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar topbar--public">
        <span className="brand">
          <LogoMark size={32} />
          <span className="brand-name">Lumbung</span>
          <span className="employer-badge">{t('employer.brand')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Page
          title={challengeId ? t('signIn.totpTitle') : t('employer.signIn.title')}
          lead={challengeId ? undefined : t('employer.signIn.lead')}
        >
          <div className="panel">
            {isMemberAccount ? (
              <div className="alert alert--warning" role="alert">
                <p className="alert-text">
                  {t('employer.signIn.memberAccount')}{' '}
                  <Link to="/masuk">{t('employer.signIn.toMember')}</Link>
                </p>
              </div>
            ) : challengeId === null ? (
              <form className="form" onSubmit={submitPassword} noValidate>
                <FormError error={start.error} />
                <TextField
                  id="employer-email"
                  label={t('employer.signIn.email')}
                  type="email"
                  autoComplete="username"
                  value={email}
                  error={missing.email ?? serverErrors.identifier}
                  onChange={(e) => setEmail(e.target.value)}
                  required
                />
                <TextField
                  id="employer-password"
                  label={t('signIn.password')}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  error={missing.password ?? serverErrors.password}
                  onChange={(e) => setPassword(e.target.value)}
                  required
                />
                <button
                  type="submit"
                  className="button button--primary button--block"
                  disabled={start.isPending}
                >
                  {start.isPending ? t('common.pleaseWait') : t('employer.signIn.next')}
                </button>
              </form>
            ) : (
              <form className="form" onSubmit={submitCode} noValidate>
                <p className="code-sent">{t('signIn.totpPrompt')}</p>
                <FormError error={serverErrors.code ? null : verify.error} />
                <TextField
                  id="employer-totp"
                  className="field--code"
                  label={t('employer.signIn.totp')}
                  hint={t('employer.signIn.totpHint')}
                  error={missing.code ?? serverErrors.code}
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
                  {verify.isPending ? t('common.pleaseWait') : t('signIn.submit')}
                </button>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => {
                    setChallengeId(null);
                    setCode('');
                  }}
                >
                  {t('common.back')}
                </button>
              </form>
            )}
          </div>
          <p className="muted small center">{t('employer.signIn.note')}</p>
        </Page>
      </main>
    </div>
  );
}
