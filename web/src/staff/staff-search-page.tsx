// Find a member by NIK, KPJ, or full name + birth date. Results show only enough to pick the right
// person (masked name, birth year, masked KPJ, province) until identity is verified.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf } from '../api/client';
import { EmptyState, FormError } from '../components/feedback';
import { TextField } from '../components/form-field';
import { Page } from '../components/page';
import { currentLanguage } from '../i18n/i18n';
import { staffApi } from './staff-api';

type Mode = 'nik' | 'kpj' | 'name';

export function StaffSearchPage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('nik');
  const [value, setValue] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [reason, setReason] = useState('');

  const search = useMutation({
    mutationFn: () =>
      staffApi.search(
        mode === 'nik'
          ? { nik: value, reason }
          : mode === 'kpj'
            ? { kpj: value, reason }
            : { fullName, birthDate, reason },
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.mutate();
  };
  const errors = fieldErrorsOf(search.error, currentLanguage());
  const modes: Mode[] = ['nik', 'kpj', 'name'];

  return (
    <Page title={t('staff.search.title')} lead={t('staff.search.lead')}>
      <div className="staff-columns">
        <section className="panel" aria-labelledby="search-heading">
          <h2 id="search-heading">{t('staff.search.formTitle')}</h2>
          <form className="form" onSubmit={submit} noValidate>
            <FormError error={search.error} />
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('staff.search.by')}</legend>
              {modes.map((option) => (
                <label key={option}>
                  <input
                    type="radio"
                    name="search-mode"
                    value={option}
                    checked={mode === option}
                    onChange={() => setMode(option)}
                  />
                  <span>{t(`staff.search.mode.${option}`)}</span>
                </label>
              ))}
            </fieldset>
            {mode === 'name' ? (
              <div className="field-row">
                <TextField
                  id="search-name"
                  label={t('staff.search.fullName')}
                  value={fullName}
                  onChange={(e) => setFullName(e.target.value)}
                />
                <TextField
                  id="search-birth"
                  label={t('staff.search.birthDate')}
                  type="date"
                  value={birthDate}
                  onChange={(e) => setBirthDate(e.target.value)}
                />
              </div>
            ) : (
              <TextField
                id="search-value"
                label={t(`staff.search.mode.${mode}`)}
                hint={t(`staff.search.hint.${mode}`)}
                inputMode="numeric"
                error={errors.nik ?? errors.kpj}
                value={value}
                onChange={(e) => setValue(e.target.value)}
              />
            )}
            <TextField
              id="search-reason"
              label={t('staff.reason')}
              hint={t('staff.reasonHint')}
              error={errors.reason}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <button type="submit" className="button button--primary" disabled={search.isPending}>
              {search.isPending ? t('common.pleaseWait') : t('staff.search.submit')}
            </button>
          </form>
        </section>
        <section className="panel" aria-labelledby="results-heading" aria-live="polite">
          <h2 id="results-heading">{t('staff.search.results')}</h2>
          {search.data === undefined ? (
            <p className="muted">{t('staff.search.resultsHint')}</p>
          ) : search.data.results.length === 0 ? (
            <EmptyState title={t('staff.search.none')} />
          ) : (
            <ul className="row-list staff-results">
              {search.data.results.map((hit) => (
                <li key={hit.personId}>
                  <div>
                    <p className="row-title">{hit.maskedName}</p>
                    <p className="muted small">
                      {t('staff.search.born', { year: hit.birthYear })} · {hit.region}
                    </p>
                    <p className="small kpj">{hit.maskedKpjs.join(', ') || t('staff.search.noKpj')}</p>
                  </div>
                  <Link
                    className="button button--secondary button--small"
                    to={`/staf/anggota/${hit.personId}`}
                  >
                    {t('staff.search.open')}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Page>
  );
}
