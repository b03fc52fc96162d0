// Tunggakan: months the monthly contribution check found missing or under-paid, per period and per
// affected worker, with the shortfall and the late penalty — what the employer still owes its workers.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, QueryView } from '../components/feedback';
import { Icon } from '../components/icons';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatKpj } from '../components/text';
import { formatDate, formatPeriod } from '../format/date';
import { formatInteger } from '../format/money';
import { useMonthNames } from '../pages/member/month-names';
import { employerApi, employerKeys, type EmployerArrears } from './employer-api';

export function ArrearsPage() {
  const { t } = useTranslation();
  const arrears = useQuery({ queryKey: employerKeys.arrears, queryFn: employerApi.arrears });
  return (
    <Page title={t('employer.arrears.title')} lead={t('employer.arrears.lead')}>
      <QueryView query={arrears}>
        {(data) =>
          data.workers.length === 0 ? (
            <EmptyState title={t('employer.arrears.none')}>
              <p>{t('employer.arrears.noneBody')}</p>
            </EmptyState>
          ) : (
            <ArrearsView arrears={data} />
          )
        }
      </QueryView>
    </Page>
  );
}

function ArrearsView({ arrears }: { readonly arrears: EmployerArrears }) {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  return (
    <>
      <div className="alert alert--warning" role="status">
        <Icon name="warning" size={20} />
        <p className="alert-text">
          {t('employer.arrears.summary', {
            workers: formatInteger(arrears.workers.length),
            months: formatInteger(arrears.periods.length),
          })}
        </p>
      </div>
      <dl className="facts facts--grid employer-arrears-totals">
        <div>
          <dt>{t('employer.arrears.shortfall')}</dt>
          <dd data-testid="arrears-shortfall">
            <Money amount={arrears.shortfallRupiah} />
          </dd>
        </div>
        <div>
          <dt>{t('employer.arrears.penalty')}</dt>
          <dd>
            <Money amount={arrears.penaltyRupiah} />
          </dd>
        </div>
      </dl>
      <p>
        {t('employer.arrears.whatToDo')}{' '}
        <Link to="/pemberi-kerja/tagihan">{t('employer.arrears.toBills')}</Link>
      </p>

      <p className="muted small">{t('employer.arrears.amountNote')}</p>
      <section className="panel" aria-labelledby="arrears-periods">
        <h2 id="arrears-periods">{t('employer.arrears.perPeriod')}</h2>
        <table className="employer-table" data-testid="arrears-periods">
          <thead>
            <tr>
              <th scope="col">{t('employer.arrears.period')}</th>
              <th scope="col" className="num">
                {t('employer.arrears.workers')}
              </th>
              <th scope="col" className="num">
                {t('employer.arrears.shortfall')}
              </th>
            </tr>
          </thead>
          <tbody>
            {arrears.periods.map((period) => (
              <tr key={period.period}>
                <th scope="row" data-label={t('employer.arrears.period')}>
                  {formatPeriod(period.period, monthNames)}
                </th>
                <td data-label={t('employer.arrears.workers')} className="num">
                  {formatInteger(period.workers)}
                </td>
                <td data-label={t('employer.arrears.shortfall')} className="num">
                  <Money amount={period.shortfallRupiah} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="arrears-workers">
        <h2 id="arrears-workers">{t('employer.arrears.perWorker')}</h2>
        <ul className="employer-arrears-workers" data-testid="arrears-workers">
          {arrears.workers.map((worker) => (
            <li key={worker.kpj} className="panel">
              <div className="employer-section-head">
                <h3>{worker.fullName}</h3>
                <Money amount={worker.shortfallRupiah} className="employer-arrears-amount" />
              </div>
              <p className="muted small">
                {t('common.kpj')} {formatKpj(worker.kpj)}
              </p>
              <table className="employer-table">
                <caption className="visually-hidden">
                  {t('employer.arrears.monthsOf', { name: worker.fullName })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('employer.arrears.period')}</th>
                    <th scope="col">{t('employer.arrears.kind')}</th>
                    <th scope="col">{t('employer.arrears.dueOn')}</th>
                    <th scope="col" className="num">
                      {t('employer.arrears.expected')}
                    </th>
                    <th scope="col" className="num">
                      {t('employer.arrears.posted')}
                    </th>
                    <th scope="col" className="num">
                      {t('employer.arrears.shortfall')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {worker.months.map((month) => (
                    <tr key={month.findingId}>
                      <th scope="row" data-label={t('employer.arrears.period')}>
                        {formatPeriod(month.period, monthNames)}
                      </th>
                      <td data-label={t('employer.arrears.kind')}>
                        <span className={`badge badge--${month.kind}`}>
                          {t(`employer.arrears.kinds.${month.kind}`)}
                        </span>
                      </td>
                      <td data-label={t('employer.arrears.dueOn')}>{formatDate(month.dueOn)}</td>
                      <td data-label={t('employer.arrears.expected')} className="num">
                        <Money amount={month.expectedRupiah} />
                      </td>
                      <td data-label={t('employer.arrears.posted')} className="num">
                        <Money amount={month.postedRupiah} />
                      </td>
                      <td data-label={t('employer.arrears.shortfall')} className="num">
                        <Money amount={month.shortfallRupiah} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
