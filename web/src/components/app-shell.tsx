// The member portal frame: skip link, header with language switch, side navigation on wide screens,
// a bottom tab bar on phones, and an offline notice.
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { useSession } from '../auth/session';
import { UnreadBadge } from '../notifications/unread-badge';
import { Icon, LogoMark, type IconName } from './icons';
import { LanguageSwitch } from './language-switch';
import { useOnline } from './use-online';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: IconName;
  readonly badge?: ReactNode;
}

export function AppShell() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const isOnline = useOnline();

  const tabs: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: 'home' },
    { to: '/saldo', label: t('nav.balance'), icon: 'wallet' },
    { to: '/kartu', label: t('nav.card'), icon: 'card' },
    { to: '/klaim', label: t('nav.claims'), icon: 'claim' },
    { to: '/akun', label: t('nav.account'), icon: 'user' },
  ];
  const sections: ReadonlyArray<{ title: string; items: NavItem[] }> = [
    {
      title: t('nav.sectionMembership'),
      items: [
        { to: '/', label: t('nav.home'), icon: 'home' },
        { to: '/saldo', label: t('nav.jht'), icon: 'wallet' },
        { to: '/iuran', label: t('nav.contributions'), icon: 'history' },
        { to: '/e-statement', label: t('nav.statement'), icon: 'document' },
        { to: '/kartu', label: t('nav.cardLong'), icon: 'card' },
        { to: '/klaim', label: t('nav.claims'), icon: 'claim' },
        { to: '/simulasi', label: t('nav.simulation'), icon: 'chart' },
      ],
    },
    {
      title: t('nav.sectionAccount'),
      items: [
        { to: '/profil', label: t('nav.profile'), icon: 'user' },
        { to: '/ahli-waris', label: t('nav.beneficiaries'), icon: 'people' },
        { to: '/keamanan', label: t('nav.security'), icon: 'shield' },
      ],
    },
    {
      title: t('nav.sectionInfo'),
      items: [
        { to: '/notifikasi', label: t('notifications.navLabel'), icon: 'bell', badge: <UnreadBadge /> },
        { to: '/berita', label: t('nav.news'), icon: 'news' },
        { to: '/bantuan', label: t('nav.help'), icon: 'help' },
      ],
    },
  ];

  const onSignOut = async () => {
    await signOut();
    await navigate('/masuk', { replace: true });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label={t('nav.brandHome')}>
          <LogoMark size={32} />
          <span className="brand-name">Lumbung</span>
        </NavLink>
        <LanguageSwitch />
      </header>
      <div className="shell-body">
        <nav className="sidenav sidenav--split" aria-label={t('nav.main')}>
          <div className="sidenav-sections">
            {sections.map((section) => (
              <div key={section.title} className="sidenav-section">
                <p className="sidenav-title">{section.title}</p>
                <ul>
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.to === '/'}>
                        <Icon name={item.icon} />
                        <span>{item.label}</span>
                        {item.badge}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <button type="button" className="sidenav-signout" onClick={() => void onSignOut()}>
            <Icon name="logout" />
            <span>{t('nav.signOut')}</span>
          </button>
        </nav>
        <main id="main" tabIndex={-1}>
          {isOnline ? null : (
            <p className="offline-bar" role="status">
              <Icon name="offline" size={20} />
              {t('offline.banner')}
            </p>
          )}
          <Outlet />
        </main>
      </div>
      <nav className="tabbar" aria-label={t('nav.tabs')}>
        <ul>
          {tabs.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'}>
                <Icon name={item.icon} />
                <span>{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
