// Daftar: identity as the registry knows it (NIK, KPJ, name, birth date), contact details and a
// password; then the one-time code sent by SMS or e-mail activates the account.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { register, verifyRegistration, type RegisterInput } from '../../api/auth-api';
import { fieldErrorsOf } from '../../api/client';
import type { RegisterResponse } from '../../api/types';
import { useSession } from '../../auth/session';
import { CodeStep } from '../../components/code-step';
import { FormError } from '../../components/feedback';
import { TextField } from '../../components/form-field';
import { Page } from '../../components/page';
import { currentLanguage } from '../../i18n/i18n';

const empty: RegisterInput = {
  nik: '',
  kpj: '',
  fullName: '',
  birthDate: '',
  phone: '',
  email: '',
  password: '',
  channel: 'sms',
};

export function RegisterPage() {
  const { t } = useTranslation();
  const { setSignedIn } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState<RegisterInput>(empty);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<RegisterResponse | null>(null);

  const start = useMutation({
    mutationFn: () =>
      register({
        ...form,
        nik: form.nik.trim(),
        kpj: form.kpj.trim(),
        fullName: form.fullName.trim(),
        email: form.email.trim(),
        phone: form.phone.trim(),
      }),
    onSuccess: setPending,
  });
  const verify = useMutation({
    mutationFn: (code: string) => verifyRegistration(pending?.registrationId ?? '', code),
    onSuccess: (user) => {
      setSignedIn(user);
      void navigate('/', { replace: true });
    },
  });

  const set = (key: keyof RegisterInput) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [key]: event.target.value }));

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (!/^\d{16}$/.test(form.nik.trim())) errors.nik = t('register.nikInvalid');
    if (!/^\d{11}$/.test(form.kpj.trim())) errors.kpj = t('register.kpjInvalid');
    if (!form.fullName.trim()) errors.fullName = t('register.fullNameRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.birthDate)) errors.birthDate = t('register.birthDateRequired');
    if (!/^(\+62|62|0)8\d{7,12}$/.test(form.phone.replace(/[\s-]/g, '')))
      errors.phone = t('register.phoneInvalid');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) errors.email = t('register.emailInvalid');
    if (form.password.length < 8) errors.password = t('register.passwordShort');
    return errors;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate();
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) {
      start.mutate();
    } else {
      document.getElementById(Object.keys(errors)[0] ?? '')?.focus();
    }
  };

  if (pending) {
    return (
      <Page title={t('register.codeTitle')}>
        <div className="panel">
          <CodeStep
            id="register-code"
            sentTo={t(pending.channel === 'sms' ? 'code.sentSms' : 'code.sentEmail', {
              destination: pending.maskedDestination,
            })}
            outboxAddress={pending.channel === 'sms' ? form.phone.trim() : form.email.trim()}
            submitLabel={t('register.activate')}
            busy={verify.isPending}
            error={verify.error}
            onSubmit={(code) => verify.mutate(code)}
          />
          <button type="button" className="button button--link" onClick={() => setPending(null)}>
            {t('register.changeData')}
          </button>
        </div>
      </Page>
    );
  }

  const serverErrors = fieldErrorsOf(start.error, currentLanguage());
  const errorOf = (key: string) => localErrors[key] ?? serverErrors[key];
  return (
    <Page title={t('register.title')} lead={t('register.lead')}>
      <div className="panel">
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={start.error} />
          <fieldset>
            <legend>{t('register.identity')}</legend>
            <TextField
              id="nik"
              label={t('register.nik')}
              hint={t('register.nikHint')}
              error={errorOf('nik')}
              value={form.nik}
              onChange={set('nik')}
              inputMode="numeric"
              maxLength={16}
              autoComplete="off"
              required
            />
            <TextField
              id="kpj"
              label={t('register.kpj')}
              hint={t('register.kpjHint')}
              error={errorOf('kpj')}
              value={form.kpj}
              onChange={set('kpj')}
              inputMode="numeric"
              maxLength={11}
              autoComplete="off"
              required
            />
            <TextField
              id="fullName"
              label={t('register.fullName')}
              hint={t('register.fullNameHint')}
              error={errorOf('fullName')}
              value={form.fullName}
              onChange={set('fullName')}
              autoComplete="name"
              required
            />
            <TextField
              id="birthDate"
              label={t('register.birthDate')}
              error={errorOf('birthDate')}
              type="date"
              value={form.birthDate}
              onChange={set('birthDate')}
              autoComplete="bday"
              required
            />
          </fieldset>
          <fieldset>
            <legend>{t('register.contact')}</legend>
            <TextField
              id="phone"
              label={t('register.phone')}
              hint={t('register.phoneHint')}
              error={errorOf('phone')}
              type="tel"
              value={form.phone}
              onChange={set('phone')}
              autoComplete="tel"
              inputMode="tel"
              required
            />
            <TextField
              id="email"
              label={t('register.email')}
              error={errorOf('email')}
              type="email"
              value={form.email}
              onChange={set('email')}
              autoComplete="email"
              required
            />
          </fieldset>
          <fieldset>
            <legend>{t('register.channel')}</legend>
            <div className="radio-row">
              {(['sms', 'email'] as const).map((channel) => (
                <label key={channel} className="radio-card">
                  <input
                    type="radio"
                    name="channel"
                    value={channel}
                    checked={form.channel === channel}
                    onChange={() => setForm((p) => ({ ...p, channel }))}
                  />
                  <span>{t(channel === 'sms' ? 'register.channelSms' : 'register.channelEmail')}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            id="password"
            label={t('register.password')}
            hint={t('register.passwordHint')}
            error={errorOf('password')}
            type="password"
            value={form.password}
            onChange={set('password')}
            autoComplete="new-password"
            required
          />
          <button type="submit" className="button button--primary button--block" disabled={start.isPending}>
            {start.isPending ? t('common.pleaseWait') : t('register.submit')}
          </button>
        </form>
      </div>
      <p className="center">
        {t('register.haveAccount')} <Link to="/masuk">{t('register.signIn')}</Link>
      </p>
    </Page>
  );
}
