// The member 360 for a verified member: profile, every KPJ, contributions with gaps, claims, tickets,
// SMS link, sign-in status, and the trail of staff who looked at this member.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryView } from '../components/feedback';
import { Money } from '../components/money';
import { formatDate, formatDateTime } from '../format/date';
import { staffApi, type MemberOverview } from './staff-api';

const MAX_MONTHS_SHOWN = 24;

function Facts({ rows }: { readonly rows: ReadonlyArray<readonly [string, string]> }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Overview({ data }: { readonly data: MemberOverview }) {
  const { t } = useTranslation();
  const none = t('staff.none');
  const gapKeys = new Set(data.contributions.gaps.map((gap) => `${gap.kpj}:${gap.period}`));
  return (
    <div className="staff-grid">
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('staff.m360.profile')}</h2>
        <Facts
          rows={[
            [t('staff.m360.fullName'), data.profile.fullName],
            ['NIK', data.profile.maskedNik],
            [t('staff.m360.birthDate'), formatDate(data.profile.birthDate)],
            [t('staff.m360.phone'), data.profile.phone ?? none],
            [t('staff.m360.email'), data.profile.email ?? none],
            [t('staff.m360.address'), data.profile.address ?? none],
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="kpj-heading">
        <h2 id="kpj-heading">{t('staff.m360.accounts')}</h2>
        <ul className="row-list">
          {data.accounts.map((account) => (
            <li key={account.kpj}>
              <span className="kpj">{account.kpj}</span>
              <span className="muted small">
                {account.segment} · {account.employer?.name ?? none} ·{' '}
                {t('staff.m360.since', { date: formatDate(account.joinedOn) })}
              </span>
              <span className={`badge ${account.status === 'active' ? 'badge--ok' : 'badge--muted'}`}>
                {t(`staff.m360.status.${account.status}`)}
              </span>
            </li>
          ))}
          {data.mergedKpjs.map((merged) => (
            <li key={merged.kpj}>
              <span className="kpj">{merged.kpj}</span>
              <span className="badge badge--muted">
                {t('staff.m360.mergedInto', { kpj: merged.mergedIntoKpj ?? '' })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="signin-heading">
        <h2 id="signin-heading">{t('staff.m360.signIn')}</h2>
        <Facts
          rows={[
            [t('staff.m360.hasAccount'), data.signIn.hasAccount ? t('staff.yes') : t('staff.no')],
            [t('staff.m360.locked'), data.signIn.isLocked ? t('staff.yes') : t('staff.no')],
            [t('staff.m360.disabled'), data.signIn.isDisabled ? t('staff.yes') : t('staff.no')],
            [
              t('staff.m360.lastSignIn'),
              data.signIn.lastSignInAt ? formatDateTime(data.signIn.lastSignInAt) : none,
            ],
          ]}
        />
        <h3>{t('staff.m360.sms')}</h3>
        {data.sms.links.length === 0 ? (
          <p className="muted">{t('staff.m360.smsNone')}</p>
        ) : (
          <ul className="row-list">
            {data.sms.links.map((link) => (
              <li key={`${link.kpj}-${link.phone}`}>
                {link.phone} → <span className="kpj">{link.kpj}</span>{' '}
                <span className="muted small">({formatDate(link.linkedAt.slice(0, 10))})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel staff-wide" aria-labelledby="contrib-heading">
        <h2 id="contrib-heading">{t('staff.m360.contributions')}</h2>
        {data.contributions.gaps.length > 0 ? (
          <p className="alert alert--warning">
            {t('staff.m360.gaps', { count: data.contributions.gaps.length })}:{' '}
            {data.contributions.gaps.map((gap) => `${gap.period} (${gap.kpj})`).join(', ')}
          </p>
        ) : null}
        {data.contributions.months.length === 0 ? (
          <EmptyState title={t('staff.m360.noContributions')} />
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.m360.period')}</th>
                <th scope="col">KPJ</th>
                <th scope="col">{t('staff.m360.employer')}</th>
                <th scope="col" className="num">
                  JHT
                </th>
                <th scope="col" className="num">
                  JP
                </th>
                <th scope="col">{t('staff.m360.posted')}</th>
              </tr>
            </thead>
            <tbody>
              {data.contributions.months.slice(0, MAX_MONTHS_SHOWN).map((month) => (
                <tr
                  key={`${month.kpj}-${month.period}-${month.employerName ?? ''}`}
                  className={gapKeys.has(`${month.kpj}:${month.period}`) ? 'month-item--flagged' : undefined}
                >
                  <td>{month.period}</td>
                  <td className="kpj">{month.kpj}</td>
                  <td>{month.employerName ?? 'BPU'}</td>
                  <td className="num">
                    <Money amount={month.jhtRupiah} />
                  </td>
                  <td className="num">
                    <Money amount={month.jpRupiah} />
                  </td>
                  <td>{month.isPosted ? t('staff.yes') : t('staff.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('staff.m360.claims')}</h2>
        <p className="muted">
          {data.claims.items.length === 0
            ? t('staff.m360.claimsNone')
            : t('staff.m360.claimsCount', { count: data.claims.items.length })}
        </p>
      </section>
      <section className="panel" aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">{t('staff.m360.tickets')}</h2>
        {data.tickets.length === 0 ? (
          <p className="muted">{t('staff.m360.ticketsNone')}</p>
        ) : (
          <ul className="row-list">
            {data.tickets.map((ticket) => (
              <li key={ticket.number}>
                <span>{ticket.number}</span> <span>{ticket.subject}</span>{' '}
                <span className="badge badge--muted">{t(`staff.tickets.status.${ticket.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel staff-wide" aria-labelledby="trail-heading">
        <h2 id="trail-heading">{t('staff.m360.trail')}</h2>
        <table className="staff-table" data-testid="access-trail">
          <thead>
            <tr>
              <th scope="col">{t('staff.audit.at')}</th>
              <th scope="col">{t('staff.audit.actor')}</th>
              <th scope="col">{t('staff.audit.action')}</th>
              <th scope="col">{t('staff.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {data.accessTrail.map((entry) => (
              <tr key={entry.auditId}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.actorName ?? '—'}</td>
                <td>
                  {t(`staff.actions.${entry.action.replace('.', '_')}`, { defaultValue: entry.action })}
                </td>
                <td>{entry.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

export function Member360({ personId }: { readonly personId: number }) {
  const overview = useQuery({
    queryKey: ['staff-member', personId, 'overview'],
    queryFn: () => staffApi.overview(personId),
  });
  return <QueryView query={overview}>{(data) => <Overview data={data} />}</QueryView>;
}
