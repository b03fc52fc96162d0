// Pengguna staf (admin): every staff user with role and status; creating one shows its authenticator
// secret, otpauth URI and first password once; disabling one (after a confirmation) ends its sessions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/client';
import { useSession } from '../auth/session';
import { EmptyState, FormError, QueryView, StatusNote } from '../components/feedback';
import { SelectField, TextField } from '../components/form-field';
import { Page } from '../components/page';
import { formatDate } from '../format/date';
import { currentLanguage } from '../i18n/i18n';
import { CopyField } from './admin-copy-field';
import { adminApi, STAFF_ROLES, type CreatedStaffUser, type StaffUser } from './staff-api';
import './admin.css';

const usersKey = ['admin-staff-users'];

/** What the server returns once: the new user cannot see or recover these later. */
function ShownOnce({ created, onDone }: { readonly created: CreatedStaffUser; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel admin-once" aria-labelledby="once-heading" data-testid="shown-once">
      <h2 id="once-heading" ref={heading} tabIndex={-1}>
        {t('staffAdmin.users.createdTitle', { name: created.user.displayName })}
      </h2>
      <div className="alert alert--warning">
        <p className="alert-text">{t('staffAdmin.users.shownOnce')}</p>
      </div>
      <dl className="admin-copy-list">
        <CopyField id="new-totp-secret" label={t('staffAdmin.users.totpSecret')} value={created.totpSecret} />
        <CopyField id="new-otpauth-uri" label={t('staffAdmin.users.otpauthUri')} value={created.otpauthUri} />
        <CopyField
          id="new-initial-password"
          label={t('staffAdmin.users.initialPassword')}
          value={created.initialPassword}
        />
      </dl>
      <p className="muted small">{t('staffAdmin.users.enrolHint', { email: created.user.email ?? '' })}</p>
      <button type="button" className="button button--primary" onClick={onDone}>
        {t('staffAdmin.users.done')}
      </button>
    </section>
  );
}

function CreateStaffUserForm({ onCreated }: { readonly onCreated: (created: CreatedStaffUser) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string>('agent');
  const [language, setLanguage] = useState<'id' | 'en'>('id');
  const create = useMutation({
    mutationFn: () => adminApi.createStaffUser({ email, displayName, role, language }),
    onSuccess: (created) => {
      setEmail('');
      setDisplayName('');
      onCreated(created);
    },
  });
  const errors = fieldErrorsOf(create.error, currentLanguage());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('staffAdmin.users.createTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={create.error} />
        <TextField
          id="new-user-email"
          label={t('staffAdmin.users.email')}
          type="email"
          autoComplete="off"
          maxLength={254}
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          id="new-user-name"
          label={t('staffAdmin.users.name')}
          autoComplete="off"
          maxLength={100}
          value={displayName}
          error={errors.displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <SelectField
          id="new-user-role"
          label={t('staffAdmin.users.role')}
          value={role}
          error={errors.role}
          onChange={(e) => setRole(e.target.value)}
        >
          {STAFF_ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`staff.roles.${candidate}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="new-user-language"
          label={t('staffAdmin.users.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'id')}
        >
          <option value="id">Bahasa Indonesia</option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('common.pleaseWait') : t('staffAdmin.users.create')}
        </button>
      </form>
    </section>
  );
}

function UserRow({ user, isSelf }: { readonly user: StaffUser; readonly isSelf: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const disable = useMutation({
    mutationFn: () => adminApi.disableStaffUser(user.userId),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);
  const isActive = user.status === 'active';
  return (
    <tr data-testid={`staff-user-${user.userId}`}>
      <td>
        <span className="row-title">{user.displayName}</span>
        {isSelf ? <span className="muted small"> · {t('staffAdmin.users.you')}</span> : null}
        <br />
        <span className="muted small">{user.email ?? '—'}</span>
      </td>
      <td>{t(`staff.roles.${user.role}`, { defaultValue: user.role })}</td>
      <td>
        <span className={`badge ${isActive ? 'badge--ok' : 'badge--muted'}`}>
          {t(`staffAdmin.users.status.${user.status}`)}
        </span>
      </td>
      <td>{formatDate(user.createdAt)}</td>
      <td>
        <FormError error={disable.error} />
        {!isActive || isSelf ? null : isConfirming ? (
          <div className="admin-confirm" role="group" aria-labelledby={`confirm-${user.userId}`}>
            <p id={`confirm-${user.userId}`}>
              {t('staffAdmin.users.confirmDisable', { name: user.displayName })}
            </p>
            <div className="action-row">
              <button
                ref={confirmButton}
                type="button"
                className="button button--danger button--small"
                disabled={disable.isPending}
                onClick={() => disable.mutate()}
              >
                {t('staffAdmin.users.confirmYes')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={t('staffAdmin.users.disableLabel', { name: user.displayName })}
            onClick={() => setConfirming(true)}
          >
            {t('staffAdmin.users.disable')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function AdminStaffUsersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const selfId = session.status === 'signed_in' ? String(session.user.id) : '';
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: usersKey, queryFn: adminApi.staffUsers });
  const [created, setCreated] = useState<CreatedStaffUser | null>(null);
  const [doneNote, setDoneNote] = useState('');
  return (
    <Page title={t('staffAdmin.users.title')} lead={t('staffAdmin.users.lead')}>
      {created ? (
        <ShownOnce
          created={created}
          onDone={() => {
            setDoneNote(t('staffAdmin.users.doneNote', { name: created.user.displayName }));
            setCreated(null);
          }}
        />
      ) : null}
      <StatusNote>{doneNote || null}</StatusNote>
      <div className="admin-layout">
        <section className="panel" aria-labelledby="users-heading">
          <h2 id="users-heading">{t('staffAdmin.users.listTitle')}</h2>
          <QueryView query={users}>
            {(data) =>
              data.users.length === 0 ? (
                <EmptyState title={t('staffAdmin.users.none')} />
              ) : (
                <div className="admin-table-scroll">
                  <table className="staff-table" data-testid="staff-users-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('staffAdmin.users.name')}</th>
                        <th scope="col">{t('staffAdmin.users.role')}</th>
                        <th scope="col">{t('staffAdmin.users.statusLabel')}</th>
                        <th scope="col">{t('staffAdmin.users.createdAt')}</th>
                        <th scope="col">
                          <span className="visually-hidden">{t('staffAdmin.users.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.users.map((user) => (
                        <UserRow key={user.userId} user={user} isSelf={String(user.userId) === selfId} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </QueryView>
        </section>
        <CreateStaffUserForm
          onCreated={(next) => {
            setDoneNote('');
            setCreated(next);
            void queryClient.invalidateQueries({ queryKey: usersKey });
          }}
        />
      </div>
    </Page>
  );
}
