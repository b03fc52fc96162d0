// Beranda: every programme at a glance — JHT and JP as balances, JKK, JKM and JKP as protection with
// their benefits — plus each KPJ's membership and shortcuts to the common tasks.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchOverview } from '../../api/member-api';
import type { MemberAccount, Protection } from '../../api/types';
import { QueryView } from '../../components/feedback';
import { Icon, type IconName } from '../../components/icons';
import { Money } from '../../components/money';
import { OfflineNote } from '../../components/offline-note';
import { Page } from '../../components/page';
import { formatKpj, localized } from '../../components/text';
import { formatDate } from '../../format/date';

export function HomePage() {
  const { t } = useTranslation();
  const overview = useQuery({ queryKey: ['overview'], queryFn: fetchOverview });
  const name = overview.data?.person.fullName;
  return (
    <Page title={name ? t('home.greeting', { name }) : t('nav.home')}>
      <QueryView query={overview}>
        {(data) => (
          <>
            <OfflineNote savedAt={data.offlineSavedAt} />
            <section className="balance-hero" aria-labelledby="jht-heading">
              <h2 id="jht-heading">{t('home.jhtTitle')}</h2>
              <p className="balance-hero-amount">
                <Money amount={data.programmes.jht.balanceRupiah} />
              </p>
              <p className="balance-hero-asof">{t('common.asOf', { date: formatDate(data.asOf) })}</p>
              <Link to="/saldo" className="button button--on-dark">
                {t('home.jhtDetails')}
              </Link>
            </section>

            <section className="card-grid" aria-label={t('home.programmes')}>
              <article className="tile">
                <h2 className="tile-title">{t('programme.jp')}</h2>
                <p className="tile-amount">
                  <Money amount={data.programmes.jp.balanceRupiah} />
                </p>
                <p className="muted small">{t('home.jpNote')}</p>
              </article>
              <ProtectionTile title={t('programme.jkk')} protection={data.programmes.jkk} />
              <ProtectionTile title={t('programme.jkm')} protection={data.programmes.jkm} />
              <ProtectionTile title={t('programme.jkp')} protection={data.programmes.jkp} />
            </section>

            <section aria-labelledby="shortcuts-heading">
              <h2 id="shortcuts-heading">{t('home.shortcuts')}</h2>
              <ul className="shortcut-grid">
                <Shortcut to="/saldo" icon="wallet" label={t('nav.jht')} />
                <Shortcut to="/kartu" icon="card" label={t('nav.cardLong')} />
                <Shortcut to="/iuran" icon="history" label={t('nav.contributions')} />
                <Shortcut to="/e-statement" icon="document" label={t('nav.statement')} />
                <Shortcut to="/simulasi" icon="chart" label={t('nav.simulation')} />
                <Shortcut to="/bantuan" icon="help" label={t('nav.help')} />
              </ul>
            </section>

            <section aria-labelledby="accounts-heading">
              <h2 id="accounts-heading">{t('home.accounts', { count: data.accounts.length })}</h2>
              {data.accounts.length === 0 ? (
                <p className="state state--empty">{t('home.noAccounts')}</p>
              ) : (
                <ul className="account-list">
                  {data.accounts.map((account) => (
                    <AccountItem key={account.kpj} account={account} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryView>
    </Page>
  );
}

function ProtectionTile({ title, protection }: { readonly title: string; readonly protection: Protection }) {
  const { t } = useTranslation();
  return (
    <article className="tile">
      <div className="tile-head">
        <h2 className="tile-title">{title}</h2>
        <span className={`badge ${protection.active ? 'badge--ok' : 'badge--muted'}`}>
          {protection.active ? t('common.active') : t('common.inactive')}
        </span>
      </div>
      {protection.benefits.length > 0 ? (
        <ul className="benefit-list">
          {protection.benefits.map((benefit, index) => (
            <li key={index}>
              <span className="benefit-label">{localized(benefit.label)}</span>
              {benefit.amountRupiah === null ? (
                <span className="benefit-desc">{localized(benefit.description)}</span>
              ) : (
                <>
                  <Money amount={benefit.amountRupiah} className="benefit-amount" />
                  {localized(benefit.description) ? (
                    <span className="benefit-desc">{localized(benefit.description)}</span>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{protection.active ? t('home.protected') : t('home.notProtected')}</p>
      )}
    </article>
  );
}

function Shortcut({
  to,
  icon,
  label,
}: {
  readonly to: string;
  readonly icon: IconName;
  readonly label: string;
}) {
  return (
    <li>
      <Link to={to} className="shortcut">
        <span className="shortcut-icon">
          <Icon name={icon} />
        </span>
        <span>{label}</span>
      </Link>
    </li>
  );
}

function AccountItem({ account }: { readonly account: MemberAccount }) {
  const { t } = useTranslation();
  const isActive = account.status === 'active';
  return (
    <li className="account-item">
      <div className="account-item-head">
        <span className="kpj">
          <span className="muted">{t('common.kpj')}</span> {formatKpj(account.kpj)}
        </span>
        <span className={`badge ${isActive ? 'badge--ok' : 'badge--muted'}`}>
          {t(`accountStatus.${account.status}`, { defaultValue: account.status })}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('home.segment')}</dt>
          <dd>{t(account.segment === 'PU' ? 'segment.PU' : 'segment.BPU')}</dd>
        </div>
        <div>
          <dt>{t('home.employer')}</dt>
          <dd>
            {account.employer
              ? `${account.employer.name} (NPP ${account.employer.npp})`
              : t('home.noEmployer')}
          </dd>
        </div>
        <div>
          <dt>{t('home.joinedOn')}</dt>
          <dd>{formatDate(account.joinedOn)}</dd>
        </div>
        {account.exitedOn ? (
          <div>
            <dt>{t('home.exitedOn')}</dt>
            <dd>{formatDate(account.exitedOn)}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
