// Keamanan: change password, authenticator app, signed-in devices (revocable) and sign-in history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/client';
import {
  changePassword,
  disableTotp,
  enableTotp,
  fetchSessions,
  fetchSignIns,
  revokeSession,
  setupTotp,
} from '../../api/member-api';
import type { SignInRecord } from '../../api/types';
import { useSession } from '../../auth/session';
import { EmptyState, FormError, QueryView, StatusNote } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n/i18n';

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('security.title')} lead={t('security.lead')}>
      <PasswordForm />
      <TotpSection />
      <SessionsSection />
      <SignInsSection />
    </Page>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
    },
  });
  const server = fieldErrorsOf(save.error, currentLanguage());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next.length < 8) {
      setLocalError(t('register.passwordShort'));
      return;
    }
    setLocalError(undefined);
    save.mutate();
  };
  return (
    <section className="panel" aria-labelledby="pw-heading">
      <h2 id="pw-heading">{t('security.passwordTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextField
          id="current-password"
          label={t('security.currentPassword')}
          error={server.currentPassword}
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
        />
        <TextField
          id="new-password"
          label={t('forgot.newPassword')}
          hint={t('register.passwordHint')}
          error={localError ?? server.newPassword}
          type="password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoComplete="new-password"
        />
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('security.changePassword')}
        </button>
        <StatusNote>{save.isSuccess ? t('security.passwordChanged') : null}</StatusNote>
      </form>
    </section>
  );
}

function TotpSection() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [enabled, setEnabled] = useState(session.status === 'signed_in' && session.user.totpEnabled === true);
  const [code, setCode] = useState('');
  const setup = useMutation({ mutationFn: setupTotp });
  const enable = useMutation({
    mutationFn: () => enableTotp(code.trim()),
    onSuccess: () => {
      setEnabled(true);
      setCode('');
      setup.reset();
    },
  });
  const disable = useMutation({
    mutationFn: () => disableTotp(code.trim()),
    onSuccess: () => {
      setEnabled(false);
      setCode('');
    },
  });
  const error = enable.error ?? disable.error ?? setup.error;
  return (
    <section className="panel" aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('security.totpTitle')}</h2>
      <p>{t('security.totpLead')}</p>
      <FormError error={error} />
      <StatusNote>
        {enable.isSuccess ? t('security.totpOn') : disable.isSuccess ? t('security.totpOff') : null}
      </StatusNote>
      {setup.data && !enabled ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            enable.mutate();
          }}
          noValidate
        >
          <p>{t('security.totpSecret')}</p>
          <p className="secret" aria-label={t('security.totpSecretLabel')}>
            {setup.data.secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
          <p>
            <a href={setup.data.otpauthUrl}>{t('security.totpOpenApp')}</a>
          </p>
          <TextField
            id="totp-code"
            label={t('security.totpCode')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
          <button type="submit" className="button button--primary" disabled={enable.isPending}>
            {t('security.totpEnable')}
          </button>
        </form>
      ) : enabled ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            disable.mutate();
          }}
          noValidate
        >
          <TextField
            id="totp-off-code"
            label={t('security.totpCode')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
          <button type="submit" className="button button--secondary" disabled={disable.isPending}>
            {t('security.totpDisable')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setup.mutate()}
          disabled={setup.isPending}
        >
          {t('security.totpSetup')}
        </button>
      )}
    </section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['security', 'sessions'], queryFn: fetchSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['security', 'sessions'] }),
  });
  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('security.devicesTitle')}</h2>
      <FormError error={revoke.error} />
      <QueryView query={sessions}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('security.noDevices')} />
          ) : (
            <ul className="row-list">
              {data.map((item) => {
                const isCurrent = item.current === true || item.isCurrent === true;
                const device = item.device ?? item.userAgent ?? t('security.unknownDevice');
                return (
                  <li key={item.id}>
                    <div>
                      <p className="row-title">
                        {device}{' '}
                        {isCurrent ? (
                          <span className="badge badge--ok">{t('security.thisDevice')}</span>
                        ) : null}
                      </p>
                      <p className="muted small">
                        {item.lastSeenAt
                          ? t('security.lastSeen', { when: formatDateTime(item.lastSeenAt) })
                          : null}
                        {item.ip ? ` · ${item.ip}` : ''}
                      </p>
                    </div>
                    {isCurrent ? null : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => revoke.mutate(item.id)}
                        aria-label={t('security.revokeNamed', { device })}
                      >
                        {t('security.revoke')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function outcomeOf(record: SignInRecord): 'ok' | 'failed' {
  if (record.success === false) return 'failed';
  if (record.outcome && !['success', 'succeeded', 'signed_in', 'ok'].includes(record.outcome))
    return 'failed';
  return 'ok';
}

function SignInsSection() {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: ['security', 'sign-ins'], queryFn: fetchSignIns });
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('security.historyTitle')}</h2>
      <QueryView query={history}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('security.noHistory')} />
          ) : (
            <ul className="row-list">
              {data.slice(0, 20).map((record, index) => {
                const when = record.at ?? record.createdAt;
                const outcome = outcomeOf(record);
                return (
                  <li key={record.id ?? index}>
                    <div>
                      <p className="row-title">{when ? formatDateTime(when) : '—'}</p>
                      <p className="muted small">
                        {record.device ?? record.userAgent ?? t('security.unknownDevice')}
                        {record.ip ? ` · ${record.ip}` : ''}
                      </p>
                    </div>
                    <span className={`badge ${outcome === 'ok' ? 'badge--ok' : 'badge--missing'}`}>
                      {t(`security.outcome.${outcome}`)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
