// Riwayat iuran: month by month per KPJ and employer — reported wage, worker and employer parts, paid
// date. The server says which months are flagged and what the member can do (isFlagged, advice).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchContributionMonths, fetchOverview } from '../../api/member-api';
import type { ContributionMonth } from '../../api/types';
import { EmptyState, QueryView } from '../../components/feedback';
import { SelectField } from '../../components/form-field';
import { Icon } from '../../components/icons';
import { Money } from '../../components/money';
import { Page } from '../../components/page';
import { formatKpj } from '../../components/text';
import { formatDate, formatPeriod } from '../../format/date';
import { useMonthNames } from './month-names';

export function ContributionsPage() {
  const { t } = useTranslation();
  const [kpj, setKpj] = useState('');
  const overview = useQuery({ queryKey: ['overview'], queryFn: fetchOverview });
  const months = useQuery({
    queryKey: ['contributions', kpj],
    queryFn: () => fetchContributionMonths(kpj || null),
  });
  const accounts = overview.data?.accounts ?? [];
  return (
    <Page title={t('contributions.title')} lead={t('contributions.lead')}>
      {accounts.length > 1 ? (
        <div className="panel panel--compact">
          <SelectField
            id="kpj-filter"
            label={t('contributions.filter')}
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
        </div>
      ) : null}
      <QueryView query={months}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('contributions.empty')}>{t('contributions.emptyBody')}</EmptyState>
          ) : (
            <MonthList months={data} />
          )
        }
      </QueryView>
    </Page>
  );
}

function MonthList({ months }: { readonly months: readonly ContributionMonth[] }) {
  const { t } = useTranslation();
  const sorted = [...months].sort((a, b) =>
    a.period === b.period ? a.kpj.localeCompare(b.kpj) : a.period < b.period ? 1 : -1,
  );
  const flagged = sorted.filter((month) => month.isFlagged);
  const years = [...new Set(sorted.map((month) => month.period.slice(0, 4)))];
  return (
    <>
      {flagged.length > 0 ? (
        <div className="alert alert--warning" role="status">
          <Icon name="warning" size={20} />
          <span>{t('contributions.flaggedSummary', { count: flagged.length })}</span>
        </div>
      ) : (
        <div className="alert alert--success" role="status">
          <Icon name="check" size={20} />
          <span>{t('contributions.allPaid')}</span>
        </div>
      )}
      {years.map((year) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <h2 id={`year-${year}`} className="year-heading">
            {year}
          </h2>
          <ul className="month-list">
            {sorted
              .filter((month) => month.period.startsWith(year))
              .map((month) => (
                <MonthItem key={`${month.period}-${month.kpj}`} month={month} />
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function MonthItem({ month }: { readonly month: ContributionMonth }) {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  return (
    <li className={`month-item${month.isFlagged ? ' month-item--flagged' : ''}`}>
      <div className="month-item-head">
        <h3>{formatPeriod(month.period, monthNames)}</h3>
        <span className={`badge badge--${month.status}`}>{t(`contributions.status.${month.status}`)}</span>
      </div>
      <p className="muted small">
        {month.employerName ? `${month.employerName} · ` : ''}
        {t('common.kpj')} {formatKpj(month.kpj)}
      </p>
      <dl className="facts facts--grid">
        <div>
          <dt>{t('contributions.wage')}</dt>
          <dd>
            {month.wageRupiah === null ? t('contributions.notReported') : <Money amount={month.wageRupiah} />}
          </dd>
        </div>
        <div>
          <dt>{t('contributions.worker')}</dt>
          <dd>
            <Money amount={month.workerRupiah} />
          </dd>
        </div>
        <div>
          <dt>{t('contributions.employer')}</dt>
          <dd>
            <Money amount={month.employerRupiah} />
          </dd>
        </div>
        <div>
          <dt>{t('contributions.paidOn')}</dt>
          <dd>{month.paidOn ? formatDate(month.paidOn) : t('contributions.notPaid')}</dd>
        </div>
      </dl>
      {month.isFlagged ? <FlagAdvice month={month} /> : null}
      {!month.isFlagged && month.advice === 'wait' ? (
        <p className="muted small">{t('contributions.advice.pending')}</p>
      ) : null}
    </li>
  );
}

function FlagAdvice({ month }: { readonly month: ContributionMonth }) {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const subject = t('contributions.reportSubject', {
    period: formatPeriod(month.period, monthNames),
    kpj: month.kpj,
  });
  return (
    <div className="flag-advice">
      <p>
        {t(`contributions.advice.${month.status}`)}
        {month.status === 'underpaid' &&
        month.expectedRupiah !== undefined &&
        month.postedRupiah !== undefined ? (
          <>
            {' '}
            {t('contributions.expectedPosted')} <Money amount={month.expectedRupiah} /> /{' '}
            <Money amount={month.postedRupiah} />.
          </>
        ) : null}
      </p>
      {month.advice === 'report' ? (
        <Link
          className="button button--secondary button--small"
          to={`/bantuan?subjek=${encodeURIComponent(subject)}#kontak`}
        >
          {t('contributions.report')}
        </Link>
      ) : null}
    </div>
  );
}
