// Akun: the member's menu on phones — profile, beneficiaries, security, the other services, language
// and signing out.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { Icon, type IconName } from '../../components/icons';
import { LanguageSwitch } from '../../components/language-switch';
import { Page } from '../../components/page';

function MenuItem({
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
      <Link to={to} className="menu-item">
        <Icon name={icon} />
        <span>{label}</span>
        <Icon name="chevron" size={20} />
      </Link>
    </li>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const name = session.status === 'signed_in' ? session.user.displayName : '';
  return (
    <Page title={t('account.title')} lead={name ? t('account.signedInAs', { name }) : undefined}>
      <nav aria-label={t('account.menu')}>
        <h2 className="menu-heading">{t('nav.sectionAccount')}</h2>
        <ul className="menu">
          <MenuItem to="/profil" icon="user" label={t('nav.profile')} />
          <MenuItem to="/ahli-waris" icon="people" label={t('nav.beneficiaries')} />
          <MenuItem to="/keamanan" icon="shield" label={t('nav.security')} />
        </ul>
        <h2 className="menu-heading">{t('nav.sectionMembership')}</h2>
        <ul className="menu">
          <MenuItem to="/iuran" icon="history" label={t('nav.contributions')} />
          <MenuItem to="/e-statement" icon="document" label={t('nav.statement')} />
          <MenuItem to="/simulasi" icon="chart" label={t('nav.simulation')} />
        </ul>
        <h2 className="menu-heading">{t('nav.sectionInfo')}</h2>
        <ul className="menu">
          <MenuItem to="/berita" icon="news" label={t('nav.news')} />
          <MenuItem to="/bantuan" icon="help" label={t('nav.help')} />
        </ul>
      </nav>
      <section className="panel" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('language.label')}</h2>
        <LanguageSwitch variant="full" />
      </section>
      <button
        type="button"
        className="button button--danger button--block"
        onClick={() => void signOut().then(() => navigate('/masuk', { replace: true }))}
      >
        <Icon name="logout" /> {t('nav.signOut')}
      </button>
    </Page>
  );
}
