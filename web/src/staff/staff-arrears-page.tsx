// Tunggakan pemberi kerja: employers ranked by open contribution arrears (months missing or under-paid
// that the monthly contribution check found), with the months, amount short, penalty and workers hit.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryView } from '../components/feedback';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatPeriod } from '../format/date';
import { formatInteger } from '../format/money';
import { useMonthNames } from '../pages/member/month-names';
import { adminApi } from './staff-api';
import './admin.css';

export function StaffArrearsPage() {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const [page, setPage] = useState(1);
  const arrears = useQuery({
    queryKey: ['staff-arrears', page],
    queryFn: () => adminApi.arrears(page),
    placeholderData: keepPreviousData,
  });
  return (
    <Page title={t('staffArrears.title')} lead={t('staffArrears.lead')}>
      <section className="panel" aria-labelledby="arrears-heading">
        <h2 id="arrears-heading" className="visually-hidden">
          {t('staffArrears.listTitle')}
        </h2>
        <QueryView query={arrears}>
          {(data) =>
            data.items.length === 0 && data.page === 1 ? (
              <EmptyState title={t('staffArrears.none')}>
                <p>{t('staffArrears.noneHint')}</p>
              </EmptyState>
            ) : (
              <>
                <div className="admin-table-scroll">
                  <table className="staff-table" data-testid="arrears-table">
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {t('staffArrears.rank')}
                        </th>
                        <th scope="col">{t('staffArrears.employer')}</th>
                        <th scope="col" className="num">
                          {t('staffArrears.months')}
                        </th>
                        <th scope="col">{t('staffArrears.since')}</th>
                        <th scope="col" className="num">
                          {t('staffArrears.workers')}
                        </th>
                        <th scope="col" className="num">
                          {t('staffArrears.shortfall')}
                        </th>
                        <th scope="col" className="num">
                          {t('staffArrears.penalty')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((employer, index) => (
                        <tr key={employer.employerId}>
                          <td className="num">
                            {formatInteger((data.page - 1) * data.pageSize + index + 1)}
                          </td>
                          <td>
                            <span className="row-title">{employer.name}</span>
                            <br />
                            <span className="muted small">NPP {employer.npp}</span>
                          </td>
                          <td className="num">{formatInteger(employer.months)}</td>
                          <td className="nowrap">{formatPeriod(employer.oldestPeriod, monthNames)}</td>
                          <td className="num">{formatInteger(employer.workers)}</td>
                          <td className="num">
                            <Money amount={employer.shortfallRupiah} />
                          </td>
                          <td className="num">
                            <Money amount={employer.penaltyRupiah} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p className="muted small admin-table-note">{t('staffArrears.note')}</p>
                {data.page > 1 || data.items.length === data.pageSize ? (
                  <nav className="action-row" aria-label={t('staffArrears.pages')}>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={data.page <= 1}
                      onClick={() => setPage(data.page - 1)}
                    >
                      {t('staffArrears.previous')}
                    </button>
                    <span className="muted small admin-page-number">
                      {t('staffArrears.page', { page: data.page })}
                    </span>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={data.items.length < data.pageSize}
                      onClick={() => setPage(data.page + 1)}
                    >
                      {t('staffArrears.next')}
                    </button>
                  </nav>
                ) : null}
              </>
            )
          }
        </QueryView>
      </section>
    </Page>
  );
}
