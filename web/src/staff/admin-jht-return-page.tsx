// Hasil pengembangan JHT (admin): pick a finished year, declare its rate (typed as a percentage and
// turned into integer basis points from the text, never through floating point), run the crediting,
// and watch the progress. Progress is read from GET …/:year and polled while a run is under way, so
// the page works whether the run route credits inline or only enqueues a background job.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { ErrorState, FormError, Loading, StatusNote } from '../components/feedback';
import { TextField } from '../components/form-field';
import { Money } from '../components/money';
import { Page } from '../components/page';
import {
  formatBasisPoints as formatBasisPointsWith,
  formatInteger,
  formatRupiah,
  parsePercentToBasisPoints,
} from '../format/money';
import { currentLanguage } from '../i18n/i18n';
import { adminApi, type JhtReturnProgress } from './staff-api';
import './admin.css';

const POLL_MS = 1_000;
/** A declared year not started from this page may still be started by a background worker. */
const DECLARED_POLL_MS = 5_000;
/** The server's bounds (server/src/routes/admin-routes.ts). */
const MIN_YEAR = 1990;
const MAX_RATE_BASIS_POINTS = 10_000;

const progressKey = (year: number) => ['admin-jht-return', year];

function jakartaYear(): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format());
}

/** 575 → '5,75%' in Indonesian, '5.75%' in English. */
function formatBasisPoints(basisPoints: number): string {
  return formatBasisPointsWith(basisPoints, currentLanguage() === 'en' ? '.' : ',');
}

function isNotDeclared(error: unknown): boolean {
  return error instanceof ProblemError && error.problem.code === 'jht_return_not_declared';
}

function DeclareForm({ year }: { readonly year: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rateText, setRateText] = useState('');
  const [rateError, setRateError] = useState<string | undefined>();
  const [pending, setPending] = useState<number | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const declare = useMutation({
    mutationFn: (rateBasisPoints: number) => adminApi.declareJhtReturn({ year, rateBasisPoints }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(year) }),
    onSettled: () => setPending(null),
  });
  useEffect(() => {
    if (pending !== null) confirmButton.current?.focus();
  }, [pending]);
  const basisPoints = parsePercentToBasisPoints(rateText);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (basisPoints === null || basisPoints < 0 || basisPoints > MAX_RATE_BASIS_POINTS) {
      setRateError(t('staffAdmin.jht.rateInvalid'));
      return;
    }
    setRateError(undefined);
    setPending(basisPoints);
  };
  return (
    <section className="panel" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t('staffAdmin.jht.declareTitle', { year })}</h2>
      <p className="muted">{t('staffAdmin.jht.notDeclared', { year })}</p>
      <form className="form admin-narrow" onSubmit={submit} noValidate>
        <FormError error={declare.error} />
        <TextField
          id="jht-rate"
          label={t('staffAdmin.jht.rate')}
          hint={t('staffAdmin.jht.rateHint')}
          inputMode="decimal"
          autoComplete="off"
          maxLength={8}
          value={rateText}
          error={rateError}
          onChange={(e) => {
            setRateText(e.target.value);
            setRateError(undefined);
            setPending(null);
          }}
        />
        <p className="muted small" aria-live="polite" data-testid="rate-basis-points">
          {basisPoints !== null && basisPoints >= 0
            ? t('staffAdmin.jht.ratePreview', { basisPoints: formatInteger(basisPoints) })
            : null}
        </p>
        {pending === null ? (
          <button type="submit" className="button button--primary">
            {t('staffAdmin.jht.declare')}
          </button>
        ) : (
          <div className="admin-confirm" role="group" aria-labelledby="declare-confirm">
            <p id="declare-confirm">
              {t('staffAdmin.jht.confirmDeclare', { rate: formatBasisPoints(pending), year })}
            </p>
            <div className="action-row">
              <button
                ref={confirmButton}
                type="button"
                className="button button--primary"
                disabled={declare.isPending}
                onClick={() => declare.mutate(pending)}
              >
                {t('staffAdmin.jht.confirmYes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}

function ProgressView({
  progress,
  isPolling,
  onRun,
  isRunDisabled,
  runError,
}: {
  readonly progress: JhtReturnProgress;
  readonly isPolling: boolean;
  readonly onRun: () => void;
  readonly isRunDisabled: boolean;
  readonly runError: unknown;
}) {
  const { t } = useTranslation();
  const { year, status, accountsDone, accountsTotal } = progress;
  const percent =
    accountsTotal && accountsTotal > 0 ? Math.floor((accountsDone * 100) / accountsTotal) : null;
  return (
    <section className="panel" aria-labelledby="progress-heading" data-testid="jht-progress">
      <h2 id="progress-heading">{t('staffAdmin.jht.progressTitle', { year })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('staffAdmin.jht.rate')}</dt>
          <dd>{formatBasisPoints(progress.rateBasisPoints)}</dd>
        </div>
        <div>
          <dt>{t('staffAdmin.jht.statusLabel')}</dt>
          <dd>
            <span
              className={`badge ${status === 'completed' ? 'badge--ok' : status === 'running' ? 'badge--late' : 'badge--muted'}`}
              data-testid="jht-status"
            >
              {t(`staffAdmin.jht.status.${status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('staffAdmin.jht.accounts')}</dt>
          <dd data-testid="jht-accounts">
            {formatInteger(accountsDone)} / {accountsTotal === null ? '—' : formatInteger(accountsTotal)}
          </dd>
        </div>
        <div>
          <dt>{t('staffAdmin.jht.credited')}</dt>
          <dd>
            <Money amount={progress.amountCreditedRupiah} />
          </dd>
        </div>
      </dl>
      <div className="admin-progress">
        <progress
          id="jht-progress-bar"
          aria-label={t('staffAdmin.jht.progressLabel', { year })}
          max={100}
          value={status === 'completed' ? 100 : (percent ?? 0)}
        />
        <span className="muted small">
          {status === 'completed' ? '100%' : percent === null ? '—' : `${percent}%`}
        </span>
      </div>
      <StatusNote>
        {status === 'completed'
          ? t('staffAdmin.jht.completedNote', {
              amount: formatRupiah(progress.amountCreditedRupiah),
              accounts: formatInteger(accountsDone),
            })
          : null}
      </StatusNote>
      <FormError error={runError} />
      {status === 'completed' ? null : (
        <>
          {isPolling ? <p className="muted small">{t('staffAdmin.jht.polling')}</p> : null}
          <button type="button" className="button button--primary" disabled={isRunDisabled} onClick={onRun}>
            {isRunDisabled
              ? t('staffAdmin.jht.running')
              : status === 'running'
                ? t('staffAdmin.jht.resume')
                : t('staffAdmin.jht.run')}
          </button>
          <p className="muted small">{t('staffAdmin.jht.runHint')}</p>
        </>
      )}
    </section>
  );
}

function YearReturn({ year }: { readonly year: number }) {
  const queryClient = useQueryClient();
  const [isRunRequested, setRunRequested] = useState(false);
  const run = useMutation({
    mutationFn: () => adminApi.runJhtReturn(year),
    onError: () => setRunRequested(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: progressKey(year) }),
  });
  const progress = useQuery({
    queryKey: progressKey(year),
    queryFn: () => adminApi.jhtReturnProgress(year),
    retry: (failures, error) => !isNotDeclared(error) && failures < 2,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status === undefined || status === 'completed') return false;
      return run.isPending || status === 'running' || isRunRequested ? POLL_MS : DECLARED_POLL_MS;
    },
  });
  if (progress.isPending) return <Loading />;
  if (progress.isError)
    return isNotDeclared(progress.error) ? (
      <DeclareForm year={year} />
    ) : (
      <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
    );
  const isWaiting = run.isPending || (isRunRequested && progress.data.status !== 'completed');
  return (
    <ProgressView
      progress={progress.data}
      isPolling={isWaiting || progress.data.status === 'running'}
      isRunDisabled={isWaiting}
      runError={run.error}
      onRun={() => {
        setRunRequested(true);
        run.mutate();
      }}
    />
  );
}

export function AdminJhtReturnPage() {
  const { t } = useTranslation();
  const lastYear = jakartaYear() - 1;
  const [yearText, setYearText] = useState(String(lastYear));
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const isYearValid = year !== null && year >= MIN_YEAR && year <= lastYear;
  return (
    <Page title={t('staffAdmin.jht.title')} lead={t('staffAdmin.jht.lead')}>
      <section className="panel" aria-labelledby="year-heading">
        <h2 id="year-heading" className="visually-hidden">
          {t('staffAdmin.jht.yearTitle')}
        </h2>
        <div className="admin-narrow">
          <TextField
            id="jht-year"
            label={t('staffAdmin.jht.year')}
            hint={t('staffAdmin.jht.yearHint', { min: MIN_YEAR, max: lastYear })}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={yearText}
            error={yearText.length === 4 && !isYearValid ? t('staffAdmin.jht.yearInvalid') : undefined}
            onChange={(e) => setYearText(e.target.value.trim())}
          />
        </div>
      </section>
      {isYearValid ? <YearReturn key={year} year={year} /> : null}
    </Page>
  );
}
