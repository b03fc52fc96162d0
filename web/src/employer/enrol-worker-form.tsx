// Daftarkan pekerja: NIK and start date always; the name for someone new to the fund; phone, e-mail
// and a KPJ the worker already holds are optional. API problems land under the field they concern.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/feedback';
import { TextField } from '../components/form-field';
import { currentLanguage } from '../i18n/i18n';
import { employerApi, employerKeys, type EnrolledWorker, type EnrolWorkerInput } from './employer-api';
import { jakartaToday } from './employer-dates';
import { mapProblemToFields } from './employer-field-errors';

const FIELDS = ['nik', 'fullName', 'startedOn', 'phone', 'email', 'kpj'] as const;
type Field = (typeof FIELDS)[number];

export function EnrolWorkerForm({
  onEnrolled,
  onCancel,
}: {
  readonly onEnrolled: (worker: EnrolledWorker, fullName: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Field, string>>({
    nik: '',
    fullName: '',
    startedOn: jakartaToday(new Date()),
    phone: '',
    email: '',
    kpj: '',
  });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const enrol = useMutation({
    mutationFn: (input: EnrolWorkerInput) => employerApi.enrolWorker(input),
    onSuccess: async (worker) => {
      await queryClient.invalidateQueries({ queryKey: employerKeys.workers });
      onEnrolled(worker, values.fullName.trim());
    },
  });

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setMissing((current) => {
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    const nik = values.nik.replace(/\s/g, '');
    if (!/^\d{16}$/.test(nik)) errors.nik = t('employer.enrol.nikRequired');
    if (!values.startedOn) errors.startedOn = t('employer.enrol.startedOnRequired');
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const optional = (value: string) => value.trim() || undefined;
    const input: EnrolWorkerInput = {
      nik,
      startedOn: values.startedOn,
      ...(optional(values.fullName) ? { fullName: values.fullName.trim() } : {}),
      ...(optional(values.phone) ? { phone: values.phone.trim() } : {}),
      ...(optional(values.email) ? { email: values.email.trim() } : {}),
      ...(optional(values.kpj) ? { kpj: values.kpj.replace(/\s/g, '') } : {}),
    };
    enrol.mutate(input);
  };

  const server = mapProblemToFields(enrol.error, FIELDS, currentLanguage());
  const errorOf = (field: Field) => missing[field] ?? server.fields[field];
  const hasMissing = Object.keys(missing).length > 0;
  return (
    <section className="panel" aria-labelledby="enrol-title">
      <h2 id="enrol-title" ref={heading} tabIndex={-1}>
        {t('employer.enrol.title')}
      </h2>
      <p className="muted">{t('employer.enrol.lead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {server.isOnField || hasMissing ? (
          <div role="alert" className="alert alert--error">
            {t('employer.enrol.checkFields')}
          </div>
        ) : (
          <FormError error={enrol.error} />
        )}
        <div className="field-row">
          <TextField
            id="enrol-nik"
            label={t('employer.enrol.nik')}
            hint={t('employer.enrol.nikHint')}
            error={errorOf('nik')}
            value={values.nik}
            onChange={set('nik')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            required
          />
          <TextField
            id="enrol-name"
            label={t('employer.enrol.fullName')}
            hint={t('employer.enrol.fullNameHint')}
            error={errorOf('fullName')}
            value={values.fullName}
            onChange={set('fullName')}
            autoComplete="off"
            maxLength={120}
          />
        </div>
        <div className="field-row">
          <TextField
            id="enrol-started"
            label={t('employer.enrol.startedOn')}
            error={errorOf('startedOn')}
            type="date"
            value={values.startedOn}
            onChange={set('startedOn')}
            max={jakartaToday(new Date())}
            required
          />
          <TextField
            id="enrol-kpj"
            label={t('employer.enrol.kpj')}
            hint={t('employer.enrol.kpjHint')}
            error={errorOf('kpj')}
            value={values.kpj}
            onChange={set('kpj')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
          />
        </div>
        <div className="field-row">
          <TextField
            id="enrol-phone"
            label={t('employer.enrol.phone')}
            error={errorOf('phone')}
            type="tel"
            value={values.phone}
            onChange={set('phone')}
            autoComplete="off"
            maxLength={20}
          />
          <TextField
            id="enrol-email"
            label={t('employer.enrol.email')}
            error={errorOf('email')}
            type="email"
            value={values.email}
            onChange={set('email')}
            autoComplete="off"
            maxLength={254}
          />
        </div>
        <div className="action-row">
          <button type="submit" className="button button--primary" disabled={enrol.isPending}>
            {enrol.isPending ? t('common.pleaseWait') : t('employer.enrol.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
