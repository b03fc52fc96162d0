// Laporan upah: download the CSV template, upload the month's file, and read every line error with its
// line number. The server imports a file all or nothing, so a rejected file changed nothing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError } from '../api/client';
import { EmptyState, FormError, QueryView } from '../components/feedback';
import { TextField } from '../components/form-field';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatDate, formatPeriod } from '../format/date';
import { formatInteger } from '../format/money';
import { currentLanguage } from '../i18n/i18n';
import { useMonthNames } from '../pages/member/month-names';
import { employerApi, employerKeys, type WageReportImport } from './employer-api';
import { jakartaToday, previousPeriod } from './employer-dates';
import { ScrollRegion } from './scroll-region';
import { buildWageReportTemplate, downloadText, WAGE_REPORT_COLUMNS } from './wage-report-template';

export function WageReportPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('employer.wageReport.title')} lead={t('employer.wageReport.lead')}>
      <UploadPanel />
      <TemplatePanel />
      <ReportedPanel />
    </Page>
  );
}

function TemplatePanel() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => previousPeriod(jakartaToday(new Date())));
  const workers = useQuery({ queryKey: employerKeys.workers, queryFn: employerApi.workers });
  const isPeriod = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const download = () => {
    if (!workers.data || !isPeriod) return;
    downloadText(buildWageReportTemplate(period, workers.data), `laporan-upah-${period}.csv`);
  };
  return (
    <section className="panel" aria-labelledby="template-title">
      <h2 id="template-title">{t('employer.wageReport.templateTitle')}</h2>
      <p>{t('employer.wageReport.templateLead')}</p>
      <p>
        <code className="employer-code" data-testid="csv-header">
          {WAGE_REPORT_COLUMNS.join(',')}
        </code>
      </p>
      <dl className="employer-columns">
        {WAGE_REPORT_COLUMNS.map((column) => (
          <div key={column}>
            <dt>
              <code>{column}</code>
            </dt>
            <dd>{t(`employer.wageReport.columnHelp.${column}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('employer.wageReport.templateNote')}</p>
      <div className="employer-inline-form">
        <TextField
          id="template-period"
          label={t('employer.wageReport.templatePeriod')}
          hint={t('employer.wageReport.periodHint')}
          type="month"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          error={isPeriod ? undefined : t('employer.wageReport.periodInvalid')}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={download}
          disabled={!workers.data || !isPeriod}
        >
          {t('employer.wageReport.download')}
        </button>
      </div>
    </section>
  );
}

function UploadPanel() {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const queryClient = useQueryClient();
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState('');
  const upload = useMutation({
    mutationFn: (chosen: File) => employerApi.uploadWageReport(chosen),
    onSuccess: async () => {
      setFile(null);
      setInputKey((key) => key + 1);
      await queryClient.invalidateQueries({ queryKey: ['employer'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(t('employer.wageReport.fileRequired'));
      return;
    }
    setMissing('');
    upload.mutate(file);
  };
  const lineErrors =
    upload.error instanceof ProblemError
      ? (upload.error.problem.errors ?? []).filter((error) => error.line !== undefined)
      : [];
  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('employer.wageReport.uploadTitle')}</h2>
      <p>{t('employer.wageReport.uploadLead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormError error={upload.error} />
        <div role="status" className={upload.data ? undefined : 'visually-hidden'}>
          {upload.data ? <ImportedNote imported={upload.data} monthNames={monthNames} /> : null}
        </div>
        <TextField
          key={inputKey}
          id="wage-file"
          label={t('employer.wageReport.file')}
          hint={t('employer.wageReport.fileHint')}
          error={missing || undefined}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            upload.reset();
          }}
        />
        <div>
          <button type="submit" className="button button--primary" disabled={upload.isPending}>
            {upload.isPending ? t('employer.wageReport.checking') : t('employer.wageReport.submit')}
          </button>
        </div>
      </form>
      {lineErrors.length > 0 ? (
        <div className="employer-line-errors" data-testid="line-errors">
          <h3>{t('employer.wageReport.errorsTitle', { count: lineErrors.length })}</h3>
          <p className="muted small">{t('employer.wageReport.errorsLead')}</p>
          <table className="employer-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('employer.wageReport.line')}
                </th>
                <th scope="col">{t('employer.wageReport.column')}</th>
                <th scope="col">{t('employer.wageReport.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {lineErrors.map((error, index) => (
                <tr key={`${error.line}-${error.field}-${index}`}>
                  <td data-label={t('employer.wageReport.line')} className="num">
                    {error.line}
                  </td>
                  <td data-label={t('employer.wageReport.column')}>
                    {error.field ? <code>{error.field}</code> : '—'}
                  </td>
                  <td data-label={t('employer.wageReport.problem')}>{error.message[currentLanguage()]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ImportedNote({
  imported,
  monthNames,
}: {
  readonly imported: WageReportImport;
  readonly monthNames: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--success employer-imported" data-testid="import-success">
      <div>
        <p className="alert-text">{t('employer.wageReport.imported', { count: imported.importedLines })}</p>
        <ul>
          {imported.periods.map((period) => (
            <li key={period.period}>
              {t('employer.wageReport.importedPeriod', {
                period: formatPeriod(period.period, monthNames),
                lines: formatInteger(period.lines),
              })}{' '}
              <Money amount={period.addedRupiah} />
            </li>
          ))}
        </ul>
        <Link to={`/pemberi-kerja/tagihan?periode=${imported.periods[0]?.period ?? ''}`}>
          {t('employer.wageReport.seeBill')}
        </Link>
      </div>
    </div>
  );
}

/** How many reported periods show before "show all". */
const REPORTED_STEP = 6;

function ReportedPanel() {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const reports = useQuery({ queryKey: employerKeys.wageReports, queryFn: employerApi.wageReports });
  const [isAll, setIsAll] = useState(false);
  return (
    <section className="panel" aria-labelledby="reported-title">
      <h2 id="reported-title">{t('employer.wageReport.reportedTitle')}</h2>
      <QueryView query={reports}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('employer.wageReport.reportedEmpty')} />
          ) : (
            <>
              <ScrollRegion label={t('employer.wageReport.reportedTitle')}>
                <table className="employer-table employer-table--plain" data-testid="reported-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('employer.wageReport.period')}</th>
                      <th scope="col" className="num">
                        {t('employer.wageReport.workers')}
                      </th>
                      <th scope="col" className="num">
                        {t('employer.wageReport.wageTotal')}
                      </th>
                      <th scope="col" className="employer-wide-only">
                        {t('employer.wageReport.reportedAt')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {(isAll ? list : list.slice(0, REPORTED_STEP)).map((report) => (
                      <tr key={report.period}>
                        <th scope="row" data-label={t('employer.wageReport.period')}>
                          {formatPeriod(report.period, monthNames)}
                        </th>
                        <td data-label={t('employer.wageReport.workers')} className="num">
                          {formatInteger(report.lineCount)}
                        </td>
                        <td data-label={t('employer.wageReport.wageTotal')} className="num">
                          <Money amount={report.wageTotalRupiah} />
                        </td>
                        <td data-label={t('employer.wageReport.reportedAt')} className="employer-wide-only">
                          {formatDate(report.lastReportedAt)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {list.length > REPORTED_STEP ? (
                <button type="button" className="button button--link" onClick={() => setIsAll((all) => !all)}>
                  {isAll
                    ? t('employer.wageReport.showFewer')
                    : t('employer.wageReport.showAll', { count: formatInteger(list.length) })}
                </button>
              ) : null}
            </>
          )
        }
      </QueryView>
    </section>
  );
}
