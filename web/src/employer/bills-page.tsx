// Tagihan: one bill per period — per programme (JHT, JP worker and employer parts; JKK, JKM; the JKP part
// inside them), total, status, due date, late penalty, how to pay at the bank and the payments received.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../components/feedback';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatKpj } from '../components/text';
import { formatDate, formatDateTime, formatPeriod } from '../format/date';
import { formatInteger } from '../format/money';
import { useMonthNames } from '../pages/member/month-names';
import { employerApi, employerKeys, type Bill, type BillDetails } from './employer-api';
import { jakartaToday } from './employer-dates';
import { ScrollRegion } from './scroll-region';

export function BillsPage() {
  const { t } = useTranslation();
  const bills = useQuery({ queryKey: employerKeys.bills, queryFn: employerApi.bills });
  const profile = useQuery({ queryKey: employerKeys.profile, queryFn: employerApi.profile });
  const [params] = useSearchParams();
  // ?periode= opens that bill (the wage report links here); picking from the list stays on this page,
  // so the page does not treat it as a navigation.
  const [chosen, setChosen] = useState(() => params.get('periode'));
  // Focus moves to the bill only when the reader picked one from the list, not on arrival.
  const [isPicked, setIsPicked] = useState(false);
  return (
    <Page title={t('employer.bills.title')} lead={t('employer.bills.lead')}>
      <QueryView query={bills}>
        {(list) => {
          if (list.length === 0) {
            return <EmptyState title={t('employer.bills.empty')}>{t('employer.bills.emptyBody')}</EmptyState>;
          }
          // The chosen bill, else the oldest one still owing something, else the newest.
          const owing = list.filter((bill) => bill.outstandingRupiah > 0);
          const selected = list.find((bill) => bill.period === chosen) ?? owing[owing.length - 1] ?? list[0]!;
          return (
            <>
              <BillPanel key={selected.period} bill={selected} npp={profile.data?.npp} isFocused={isPicked} />
              <BillList
                bills={list}
                selected={selected.period}
                onSelect={(period) => {
                  setIsPicked(true);
                  setChosen(period);
                }}
              />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

const statusBadge: Record<Bill['status'], string> = {
  open: 'badge--missing',
  partially_paid: 'badge--late',
  paid: 'badge--paid',
};

/** How many bills the list shows before "show all". */
const LIST_STEP = 12;

function BillList({
  bills,
  selected,
  onSelect,
}: {
  readonly bills: readonly Bill[];
  readonly selected: string;
  readonly onSelect: (period: string) => void;
}) {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const [isAll, setIsAll] = useState(false);
  const shown = isAll ? bills : bills.slice(0, LIST_STEP);
  return (
    <section className="panel" aria-labelledby="bill-list-title">
      <h2 id="bill-list-title">{t('employer.bills.allBills')}</h2>
      <ul className="employer-bill-list" data-testid="bill-list">
        {shown.map((bill) => (
          <li key={bill.period}>
            <button
              type="button"
              className="employer-bill-row"
              aria-current={bill.period === selected ? 'true' : undefined}
              onClick={() => onSelect(bill.period)}
            >
              <span className="employer-bill-row-period">{formatPeriod(bill.period, monthNames)}</span>
              <Money amount={bill.totalRupiah} />
              <span className={`badge ${statusBadge[bill.status]}`}>
                {t(`employer.bills.status.${bill.status}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {bills.length > LIST_STEP ? (
        <button type="button" className="button button--link" onClick={() => setIsAll((all) => !all)}>
          {isAll
            ? t('employer.bills.showFewer')
            : t('employer.bills.showAll', { count: formatInteger(bills.length) })}
        </button>
      ) : null}
    </section>
  );
}

function BillPanel({
  bill,
  npp,
  isFocused,
}: {
  readonly bill: Bill;
  readonly npp: string | undefined;
  readonly isFocused: boolean;
}) {
  const { t } = useTranslation();
  const monthNames = useMonthNames();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isFocused) heading.current?.focus();
  }, [isFocused]);
  const isOverdue = bill.status !== 'paid' && jakartaToday(new Date()) > bill.dueOn;
  const period = formatPeriod(bill.period, monthNames);
  return (
    <section
      className="employer-bill panel"
      aria-labelledby="bill-heading"
      data-testid={`bill-${bill.period}`}
    >
      <div className="employer-bill-head">
        <h2 id="bill-heading" ref={heading} tabIndex={-1}>
          {t('employer.bills.billFor', { period })}
        </h2>
        <span className={`badge ${statusBadge[bill.status]}`}>
          {t(`employer.bills.status.${bill.status}`)}
        </span>
        {isOverdue ? <span className="badge badge--missing">{t('employer.bills.overdue')}</span> : null}
      </div>
      <dl className="facts facts--grid employer-bill-facts">
        <div>
          <dt>{t('employer.bills.total')}</dt>
          <dd data-testid="bill-total">
            <Money amount={bill.totalRupiah} />
          </dd>
        </div>
        <div>
          <dt>{t('employer.bills.dueOn')}</dt>
          <dd>{formatDate(bill.dueOn)}</dd>
        </div>
        <div>
          <dt>{t('employer.bills.outstanding')}</dt>
          <dd>
            <Money amount={bill.outstandingRupiah} />
          </dd>
        </div>
        <div>
          <dt>{t('employer.bills.workers')}</dt>
          <dd data-testid="bill-workers">{formatInteger(bill.workerCount)}</dd>
        </div>
        {bill.penaltyRupiah > 0 ? (
          <div>
            <dt>{t('employer.bills.penalty')}</dt>
            <dd>
              <Money amount={bill.penaltyRupiah} />
            </dd>
          </div>
        ) : null}
        {bill.paidOn ? (
          <div>
            <dt>{t('employer.bills.paidOn')}</dt>
            <dd>{formatDate(bill.paidOn)}</dd>
          </div>
        ) : null}
      </dl>
      {isOverdue ? <p className="alert alert--warning">{t('employer.bills.overdueNote')}</p> : null}
      <BillBreakdown bill={bill} npp={npp} period={period} />
    </section>
  );
}

function BillBreakdown({
  bill,
  npp,
  period,
}: {
  readonly bill: Bill;
  readonly npp: string | undefined;
  readonly period: string;
}) {
  const { t } = useTranslation();
  const details = useQuery({
    queryKey: employerKeys.billDetails(bill.period),
    queryFn: () => employerApi.billDetails(bill.period),
  });
  const { JHT, JP, JKK, JKM } = bill.programmes;
  const workerTotal = JHT.workerRupiah + JP.workerRupiah;
  const employerTotal = JHT.employerRupiah + JP.employerRupiah + JKK.totalRupiah + JKM.totalRupiah;
  const dash = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('employer.bills.none')}</span>
    </>
  );
  const worker = t('employer.bills.worker');
  const employer = t('employer.bills.employer');
  const amount = t('employer.bills.amount');
  return (
    <div className="employer-bill-breakdown">
      <h3>{t('employer.bills.perProgramme')}</h3>
      <table className="employer-table employer-programmes">
        <caption className="visually-hidden">{t('employer.bills.perProgrammeCaption', { period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('employer.bills.programme')}</th>
            <th scope="col" className="num">
              {t('employer.bills.worker')}
            </th>
            <th scope="col" className="num">
              {t('employer.bills.employer')}
            </th>
            <th scope="col" className="num">
              {t('employer.bills.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['JHT', 'JP'] as const).map((programme) => (
            <tr key={programme}>
              <th scope="row">{t(`employer.programme.${programme}`)}</th>
              <td data-label={worker} className="num">
                <Money amount={bill.programmes[programme].workerRupiah} />
              </td>
              <td data-label={employer} className="num">
                <Money amount={bill.programmes[programme].employerRupiah} />
              </td>
              <td data-label={amount} className="num">
                <Money amount={bill.programmes[programme].totalRupiah} />
              </td>
            </tr>
          ))}
          {(['JKK', 'JKM'] as const).map((programme) => (
            <tr key={programme}>
              <th scope="row">{t(`employer.programme.${programme}`)}</th>
              <td data-label={worker} className="num">
                {dash}
              </td>
              <td data-label={employer} className="num">
                <Money amount={bill.programmes[programme].totalRupiah} />
              </td>
              <td data-label={amount} className="num">
                <Money amount={bill.programmes[programme].totalRupiah} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('employer.programme.JKP')}</th>
            <td data-label={worker} className="num">
              {dash}
            </td>
            <td data-label={employer} className="num">
              {dash}
            </td>
            <td data-label={amount} className="num employer-jkp">
              {details.data ? (
                <span>
                  {t('employer.bills.jkpInside')} <Money amount={details.data.jkpAllocationRupiah} />
                </span>
              ) : (
                '…'
              )}
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('employer.bills.total')}</th>
            <td data-label={worker} className="num">
              <Money amount={workerTotal} />
            </td>
            <td data-label={employer} className="num">
              <Money amount={employerTotal} />
            </td>
            <td data-label={amount} className="num">
              <Money amount={bill.totalRupiah} />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="muted small">{t('employer.bills.jkpNote')}</p>
      <PayAtBank bill={bill} npp={npp} />
      <QueryView query={details}>{(data) => <BillDetailLists details={data} />}</QueryView>
    </div>
  );
}

function PayAtBank({ bill, npp }: { readonly bill: Bill; readonly npp: string | undefined }) {
  const { t } = useTranslation();
  if (bill.outstandingRupiah <= 0) {
    return <p className="employer-paid-note">{t('employer.bills.settled')}</p>;
  }
  return (
    <div className="employer-pay" data-testid="pay-at-bank">
      <h3>{t('employer.bills.howToPay')}</h3>
      <p>{t('employer.bills.howToPayLead')}</p>
      <dl className="facts employer-pay-facts">
        <div>
          <dt>{t('employer.npp')}</dt>
          <dd className="kpj">{npp ?? '…'}</dd>
        </div>
        <div>
          <dt>{t('employer.bills.periodCode')}</dt>
          <dd className="kpj">{bill.period}</dd>
        </div>
        <div>
          <dt>{t('employer.bills.toPay')}</dt>
          <dd>
            <Money amount={bill.outstandingRupiah} />
          </dd>
        </div>
      </dl>
      <p className="muted small">{t('employer.bills.howToPayNote')}</p>
    </div>
  );
}

function BillDetailLists({ details }: { readonly details: BillDetails }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('employer.bills.payments')}</h3>
      {details.payments.length === 0 ? (
        <p className="muted">{t('employer.bills.noPayments')}</p>
      ) : (
        <table className="employer-table" data-testid="payments">
          <thead>
            <tr>
              <th scope="col">{t('employer.bills.reference')}</th>
              <th scope="col">{t('employer.bills.paidAt')}</th>
              <th scope="col">{t('employer.bills.source')}</th>
              <th scope="col" className="num">
                {t('employer.bills.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {details.payments.map((payment) => (
              <tr key={payment.paymentReference}>
                <td data-label={t('employer.bills.reference')} className="kpj">
                  {payment.paymentReference}
                </td>
                <td data-label={t('employer.bills.paidAt')}>{formatDateTime(payment.paidAt)}</td>
                <td data-label={t('employer.bills.source')}>
                  {t(`employer.bills.paymentSource.${payment.source}`)}
                </td>
                <td data-label={t('employer.bills.amount')} className="num">
                  <Money amount={payment.amountRupiah} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="employer-details">
        <summary>{t('employer.bills.linesCount', { count: formatInteger(details.lines.length) })}</summary>
        <ScrollRegion label={t('employer.bills.lines')}>
          <table className="employer-table" data-testid="bill-lines">
            <thead>
              <tr>
                <th scope="col">{t('employer.workers.name')}</th>
                <th scope="col">{t('common.kpj')}</th>
                <th scope="col" className="num">
                  {t('employer.bills.wage')}
                </th>
                <th scope="col" className="num">
                  {t('employer.bills.worker')}
                </th>
                <th scope="col" className="num">
                  {t('employer.bills.employer')}
                </th>
                <th scope="col" className="num">
                  {t('employer.bills.amount')}
                </th>
                <th scope="col">{t('employer.bills.posted')}</th>
              </tr>
            </thead>
            <tbody>
              {details.lines.map((line) => (
                <tr key={line.kpj}>
                  <th scope="row">{line.fullName}</th>
                  <td data-label={t('common.kpj')} className="kpj">
                    {formatKpj(line.kpj)}
                  </td>
                  <td data-label={t('employer.bills.wage')} className="num">
                    <Money amount={line.wageRupiah} />
                  </td>
                  <td data-label={t('employer.bills.worker')} className="num">
                    <Money amount={line.workerRupiah} />
                  </td>
                  <td data-label={t('employer.bills.employer')} className="num">
                    <Money amount={line.employerRupiah} />
                  </td>
                  <td data-label={t('employer.bills.amount')} className="num">
                    <Money amount={line.totalRupiah} />
                  </td>
                  <td data-label={t('employer.bills.posted')}>
                    {line.isPosted ? t('employer.bills.postedYes') : t('employer.bills.postedNo')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </>
  );
}
