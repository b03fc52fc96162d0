// Cek Saldo JHT: total and its parts (worker, employer, development return, withdrawals), with the
// balance over time, for each KPJ or all of them together.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchJhtView } from '../../api/member-api';
import type { JhtParts } from '../../api/types';
import { EmptyState, QueryView } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { LineChart } from '../../components/line-chart';
import { Money } from '../../components/money';
import { OfflineNote } from '../../components/offline-note';
import { Page } from '../../components/page';
import { formatKpj } from '../../components/text';
import { formatDate } from '../../format/date';

const all = 'all';

export function JhtPage() {
  const { t } = useTranslation();
  const jht = useQuery({ queryKey: ['jht'], queryFn: fetchJhtView });
  const [selected, setSelected] = useState<string>(all);
  return (
    <Page title={t('jht.title')} lead={t('jht.lead')}>
      <QueryView query={jht}>
        {(data) => {
          if (data.accounts.length === 0) {
            return <EmptyState title={t('jht.emptyTitle')}>{t('jht.emptyBody')}</EmptyState>;
          }
          const account = data.accounts.find((item) => item.kpj === selected);
          const parts: JhtParts = account ?? data.sum;
          const series = account ? account.series : data.sum.series;
          const label = account ? `${t('common.kpj')} ${formatKpj(account.kpj)}` : t('jht.allAccounts');
          return (
            <>
              <OfflineNote savedAt={data.offlineSavedAt} />
              {data.accounts.length > 1 ? (
                <fieldset className="segmented">
                  <legend>{t('jht.chooseAccount')}</legend>
                  <label className={selected === all ? 'is-selected' : undefined}>
                    <input
                      type="radio"
                      name="kpj"
                      value={all}
                      checked={selected === all}
                      onChange={() => setSelected(all)}
                    />
                    <span>{t('jht.all')}</span>
                  </label>
                  {data.accounts.map((item) => (
                    <label key={item.kpj} className={selected === item.kpj ? 'is-selected' : undefined}>
                      <input
                        type="radio"
                        name="kpj"
                        value={item.kpj}
                        checked={selected === item.kpj}
                        onChange={() => setSelected(item.kpj)}
                      />
                      <span>{formatKpj(item.kpj)}</span>
                    </label>
                  ))}
                </fieldset>
              ) : null}

              <section className="balance-hero" aria-labelledby="jht-total">
                <h2 id="jht-total">{t('jht.total')}</h2>
                <p className="balance-hero-sub">{label}</p>
                <p className="balance-hero-amount" data-testid="jht-total">
                  <Money amount={parts.totalRupiah} />
                </p>
                <p className="balance-hero-asof">{t('common.asOf', { date: formatDate(data.asOf) })}</p>
              </section>

              <section className="panel" aria-labelledby="jht-parts">
                <h2 id="jht-parts">{t('jht.breakdown')}</h2>
                <dl className="breakdown">
                  <div>
                    <dt>{t('jht.worker')}</dt>
                    <dd>
                      <Money amount={parts.workerRupiah} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('jht.employer')}</dt>
                    <dd>
                      <Money amount={parts.employerRupiah} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('jht.return')}</dt>
                    <dd>
                      <Money amount={parts.developmentReturnRupiah} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('jht.withdrawals')}</dt>
                    <dd>
                      <Money amount={-Math.abs(parts.withdrawalsRupiah)} />
                    </dd>
                  </div>
                  <div className="breakdown-total">
                    <dt>{t('jht.total')}</dt>
                    <dd>
                      <Money amount={parts.totalRupiah} />
                    </dd>
                  </div>
                </dl>
              </section>

              <section className="panel" aria-labelledby="jht-chart">
                <h2 id="jht-chart">{t('jht.chartTitle')}</h2>
                <LineChart points={series} title={`${t('jht.chartTitle')} — ${label}`} />
              </section>

              <div className="action-row">
                <Link to="/e-statement" className="button button--secondary">
                  <Icon name="download" /> {t('jht.statement')}
                </Link>
                <Link to="/iuran" className="button button--secondary">
                  <Icon name="history" /> {t('nav.contributions')}
                </Link>
              </div>
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
