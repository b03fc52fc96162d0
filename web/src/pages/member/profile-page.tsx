// Profil: address, and phone or e-mail changes confirmed with a code sent to the old and the new
// contact.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf } from '../../api/client';
import { fetchProfile, startContactChange, updateProfile, verifyContactChange } from '../../api/member-api';
import type { Profile } from '../../api/types';
import { FormError, QueryView, StatusNote } from '../../components/feedback';
import { TextArea, TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { formatDate } from '../../format/date';
import { keepPhoneNumbersTogether } from '../../format/phone';
import { currentLanguage } from '../../i18n/i18n';

export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: ['profile'], queryFn: fetchProfile });
  return (
    <Page title={t('profile.title')}>
      <QueryView query={profile}>
        {(data) => (
          <>
            <PersonFacts profile={data} />
            <AddressForm key={data.address ?? ''} profile={data} />
            <ContactChange />
            <p>
              <Link to="/ahli-waris">{t('profile.beneficiariesLink')}</Link>
            </p>
          </>
        )}
      </QueryView>
    </Page>
  );
}

function PersonFacts({ profile }: { readonly profile: Profile }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="person-heading">
      <h2 id="person-heading">{t('profile.person')}</h2>
      <dl className="facts">
        {profile.fullName ? (
          <div>
            <dt>{t('register.fullName')}</dt>
            <dd>{profile.fullName}</dd>
          </div>
        ) : null}
        {profile.birthDate ? (
          <div>
            <dt>{t('register.birthDate')}</dt>
            <dd>{formatDate(profile.birthDate)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('register.phone')}</dt>
          <dd>{profile.phone ? keepPhoneNumbersTogether(profile.phone) : '—'}</dd>
        </div>
        <div>
          <dt>{t('register.email')}</dt>
          <dd>{profile.email ?? '—'}</dd>
        </div>
      </dl>
    </section>
  );
}

function AddressForm({ profile }: { readonly profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState(profile.address ?? '');
  const save = useMutation({
    mutationFn: () => updateProfile(address.trim()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['profile'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section className="panel" aria-labelledby="address-heading">
      <h2 id="address-heading">{t('profile.address')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={save.error} />
        <TextArea
          id="address"
          label={t('profile.addressLabel')}
          hint={t('profile.addressHint')}
          error={fieldErrorsOf(save.error, currentLanguage()).address}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          rows={3}
          autoComplete="street-address"
          maxLength={500}
        />
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.pleaseWait') : t('common.save')}
        </button>
        <StatusNote>{save.isSuccess ? t('profile.addressSaved') : null}</StatusNote>
      </form>
    </section>
  );
}

function ContactChange() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'phone' | 'email'>('phone');
  const [newValue, setNewValue] = useState('');
  const [codes, setCodes] = useState({ oldCode: '', newCode: '' });
  const [changeId, setChangeId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => startContactChange(kind, newValue.trim()),
    onSuccess: (r) => setChangeId(r.changeId),
  });
  const verify = useMutation({
    mutationFn: () => verifyContactChange(changeId ?? '', codes.oldCode.trim(), codes.newCode.trim()),
    onSuccess: async () => {
      setChangeId(null);
      setNewValue('');
      setCodes({ oldCode: '', newCode: '' });
      await queryClient.invalidateQueries({ queryKey: ['profile'] });
    },
  });
  const lang = currentLanguage();
  const startErrors = fieldErrorsOf(start.error, lang);
  const verifyErrors = fieldErrorsOf(verify.error, lang);
  return (
    <section className="panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('profile.contactTitle')}</h2>
      <StatusNote>{verify.isSuccess ? t('profile.contactChanged') : null}</StatusNote>
      {changeId ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            verify.mutate();
          }}
          noValidate
        >
          <p>{t('profile.contactCodesSent')}</p>
          <FormError error={verify.error} />
          <TextField
            id="old-code"
            label={t('profile.oldCode')}
            error={verifyErrors.oldCode}
            value={codes.oldCode}
            onChange={(e) => setCodes((c) => ({ ...c, oldCode: e.target.value }))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
          <TextField
            id="new-code"
            label={t('profile.newCode')}
            error={verifyErrors.newCode}
            value={codes.newCode}
            onChange={(e) => setCodes((c) => ({ ...c, newCode: e.target.value }))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
          <div className="action-row">
            <button type="submit" className="button button--primary" disabled={verify.isPending}>
              {t('profile.confirmChange')}
            </button>
            <button type="button" className="button button--link" onClick={() => setChangeId(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
          noValidate
        >
          <FormError error={start.error} />
          <fieldset>
            <legend>{t('profile.whatToChange')}</legend>
            <div className="radio-row">
              {(['phone', 'email'] as const).map((option) => (
                <label key={option} className="radio-card">
                  <input
                    type="radio"
                    name="contact-kind"
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />
                  <span>{t(option === 'phone' ? 'register.phone' : 'register.email')}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            id="new-contact"
            label={t(kind === 'phone' ? 'profile.newPhone' : 'profile.newEmail')}
            error={startErrors.newValue}
            value={newValue}
            onChange={(e) => setNewValue(e.target.value)}
            type={kind === 'phone' ? 'tel' : 'email'}
            autoComplete={kind === 'phone' ? 'tel' : 'email'}
          />
          <button
            type="submit"
            className="button button--secondary"
            disabled={start.isPending || !newValue.trim()}
          >
            {t('profile.sendCodes')}
          </button>
        </form>
      )}
    </section>
  );
}
