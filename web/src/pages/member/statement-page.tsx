// E-statement: pick a KPJ (or all) and a period, get a PDF with a QR code and a short verification code.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadFile } from '../../api/client';
import { createStatement, fetchOverview } from '../../api/member-api';
import { FormError, StatusNote } from '../../components/feedback';
import { SelectField } from '../../components/form-field';
import { Icon } from '../../components/icons';
import { Page } from '../../components/page';
import { formatKpj, formatVerifyCode } from '../../components/text';
import { toPeriod } from '../../format/date';
import { useMonthNames } from './month-names';

interface Range {
  readonly fromYear: number;
  readonly fromMonth: number;
  readonly toYear: number;
  readonly toMonth: number;
}

export function StatementPage() {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const overview = useQuery({ queryKey: ['overview'], queryFn: fetchOverview });
  const now = new Date();
  const thisYear = now.getFullYear();
  const [kpj, setKpj] = useState('');
  const [range, setRange] = useState<Range>({
    fromYear: thisYear - 1,
    fromMonth: 1,
    toYear: thisYear - 1,
    toMonth: 12,
  });
  const [rangeError, setRangeError] = useState<string | undefined>();
  const accounts = overview.data?.accounts ?? [];
  const firstYear = accounts.reduce(
    (min, account) => Math.min(min, Number(account.joinedOn.slice(0, 4)) || min),
    thisYear - 10,
  );
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, index) => thisYear - index);

  const create = useMutation({
    mutationFn: async () => {
      const from = toPeriod(range.fromYear, range.fromMonth);
      const to = toPeriod(range.toYear, range.toMonth);
      const created = await createStatement(kpj || null, from, to);
      await downloadFile(created.downloadUrl, `e-statement-${from}-${to}.pdf`);
      return created;
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (toPeriod(range.fromYear, range.fromMonth) > toPeriod(range.toYear, range.toMonth)) {
      setRangeError(t('statement.rangeInvalid'));
      return;
    }
    setRangeError(undefined);
    create.mutate();
  };
  const setPart = (key: keyof Range) => (event: { target: { value: string } }) =>
    setRange((previous) => ({ ...previous, [key]: Number(event.target.value) }));

  const monthOptions = monthNames.map((name, index) => (
    <option key={name} value={index + 1}>
      {name}
    </option>
  ));
  const yearOptions = years.map((year) => (
    <option key={year} value={year}>
      {year}
    </option>
  ));
  return (
    <Page title={t('statement.title')} lead={t('statement.lead')}>
      <div className="panel">
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={create.error} />
          <SelectField
            id="statement-kpj"
            label={t('statement.account')}
            value={kpj}
            onChange={(e) => setKpj(e.target.value)}
          >
            <option value="">{t('jht.all')}</option>
            {accounts.map((account) => (
              <option key={account.kpj} value={account.kpj}>
                {`${formatKpj(account.kpj)}${account.employer ? ` — ${account.employer.name}` : ''}`}
              </option>
            ))}
          </SelectField>
          <fieldset>
            <legend>{t('statement.from')}</legend>
            <div className="field-row">
              <SelectField
                id="from-month"
                label={t('common.month')}
                value={range.fromMonth}
                onChange={setPart('fromMonth')}
              >
                {monthOptions}
              </SelectField>
              <SelectField
                id="from-year"
                label={t('common.year')}
                value={range.fromYear}
                onChange={setPart('fromYear')}
              >
                {yearOptions}
              </SelectField>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('statement.to')}</legend>
            <div className="field-row">
              <SelectField
                id="to-month"
                label={t('common.month')}
                value={range.toMonth}
                onChange={setPart('toMonth')}
                error={rangeError}
              >
                {monthOptions}
              </SelectField>
              <SelectField
                id="to-year"
                label={t('common.year')}
                value={range.toYear}
                onChange={setPart('toYear')}
              >
                {yearOptions}
              </SelectField>
            </div>
          </fieldset>
          <button type="submit" className="button button--primary button--block" disabled={create.isPending}>
            <Icon name="download" /> {create.isPending ? t('statement.preparing') : t('statement.download')}
          </button>
        </form>
        <StatusNote>
          {create.data ? (
            <>
              {t('statement.ready')} {t('statement.codeIs')}{' '}
              <strong className="code">{formatVerifyCode(create.data.code)}</strong>.{' '}
              <Link to={`/verify/${encodeURIComponent(create.data.code)}`}>{t('statement.verifyLink')}</Link>{' '}
              <a href={create.data.downloadUrl} download>
                {t('statement.downloadAgain')}
              </a>
            </>
          ) : null}
        </StatusNote>
      </div>
      <div className="panel panel--quiet">
        <h2>{t('statement.contentsTitle')}</h2>
        <p>{t('statement.contents')}</p>
      </div>
    </Page>
  );
}
