// One member at the desk: the masked card, the identity checklist until it passes, then the member 360
// and the actions. The balance is asked for from the start, so the refusal is visible until verified.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ProblemError } from '../api/client';
import { QueryView } from '../components/feedback';
import { Money } from '../components/money';
import { Page } from '../components/page';
import { formatDateTime } from '../format/date';
import { Member360 } from './member-360-view';
import { MemberActions } from './member-actions-panel';
import { staffApi } from './staff-api';
import { VerificationPanel } from './verification-panel';

function BalancePanel({ personId, isVerified }: { readonly personId: number; readonly isVerified: boolean }) {
  const { t } = useTranslation();
  const balances = useQuery({
    queryKey: ['staff-member', personId, 'balances', isVerified],
    queryFn: () => staffApi.balances(personId),
  });
  const isLocked =
    balances.error instanceof ProblemError && balances.error.problem.code === 'identity_not_verified';
  return (
    <section className="panel" aria-labelledby="balance-heading" data-testid="staff-balance">
      <h2 id="balance-heading">{t('staff.member.balance')}</h2>
      {isLocked ? (
        <p className="alert alert--warning" data-testid="balance-locked">
          {t('staff.member.balanceLocked')}
        </p>
      ) : (
        <QueryView query={balances}>
          {(data) => (
            <>
              <p className="balance-total" data-testid="balance-total">
                <span className="muted">{t('staff.member.total')}</span> <Money amount={data.totalRupiah} />
              </p>
              <table className="staff-table">
                <thead>
                  <tr>
                    <th scope="col">KPJ</th>
                    <th scope="col">{t('staff.member.programme')}</th>
                    <th scope="col" className="num">
                      {t('staff.member.worker')}
                    </th>
                    <th scope="col" className="num">
                      {t('staff.member.employer')}
                    </th>
                    <th scope="col" className="num">
                      {t('staff.member.return')}
                    </th>
                    <th scope="col" className="num">
                      {t('staff.member.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={`${item.kpj}-${item.programme}`}>
                      <td className="kpj">{item.kpj}</td>
                      <td>{item.programme}</td>
                      <td className="num">
                        <Money amount={item.workerRupiah} />
                      </td>
                      <td className="num">
                        <Money amount={item.employerRupiah} />
                      </td>
                      <td className="num">
                        <Money amount={item.returnRupiah} />
                      </td>
                      <td className="num">
                        <Money amount={item.amountRupiah} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </QueryView>
      )}
    </section>
  );
}

export function StaffMemberPage() {
  const { t } = useTranslation();
  const personId = Number(useParams().personId);
  const card = useQuery({
    queryKey: ['staff-member', personId, 'card'],
    queryFn: () => staffApi.card(personId),
  });
  return (
    <Page title={t('staff.member.title')} back={{ to: '/staf', label: t('staff.member.backToSearch') }}>
      <QueryView query={card}>
        {(data) => (
          <>
            <section className="panel staff-member-head" aria-label={t('staff.member.cardLabel')}>
              <div>
                <p className="row-title">{data.member.maskedName}</p>
                <p className="muted small">
                  {t('staff.search.born', { year: data.member.birthYear })} · {data.member.region} ·{' '}
                  <span className="kpj">{data.member.maskedKpjs.join(', ')}</span>
                </p>
              </div>
              {data.verification.isVerified ? (
                <span className="badge badge--ok" data-testid="verified-badge">
                  {t('staff.member.verifiedUntil', {
                    time: formatDateTime(data.verification.validUntil ?? ''),
                  })}
                </span>
              ) : (
                <span className="badge badge--missing">{t('staff.member.notVerified')}</span>
              )}
            </section>
            <div className="staff-columns">
              <BalancePanel personId={personId} isVerified={data.verification.isVerified} />
              {data.verification.isVerified ? null : <VerificationPanel personId={personId} />}
            </div>
            {data.verification.isVerified ? (
              <>
                <Member360 personId={personId} />
                <MemberActions personId={personId} />
              </>
            ) : null}
          </>
        )}
      </QueryView>
    </Page>
  );
}
