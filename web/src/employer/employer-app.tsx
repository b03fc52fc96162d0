// The employer portal under /pemberi-kerja, for the employer_admin role: workers (enrol, exit), the
// monthly wage report (CSV upload), bills and arrears. Other roles are sent to their own home; the
// server refuses them anyway.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { homePathFor, useSession } from '../auth/session';
import { EmptyState, Loading } from '../components/feedback';
import { Icon, LogoMark, type IconName } from '../components/icons';
import { LanguageSwitch } from '../components/language-switch';
import { useOnline } from '../components/use-online';
import { ArrearsPage } from './arrears-page';
import { BillsPage } from './bills-page';
import { employerApi, employerKeys } from './employer-api';
import { EmployerSignInPage } from './employer-sign-in-page';
import { WageReportPage } from './wage-report-page';
import { WorkersPage } from './workers-page';
import './employer.css';

export const EMPLOYER_HOME = '/pemberi-kerja';

function RequireEmployer() {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed_out') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${EMPLOYER_HOME}/masuk?next=${next}`} replace />;
  }
  if (session.status === 'offline') {
    return (
      <main id="main" className="public-main">
        <EmptyState title={t('employer.offlineTitle')}>{t('employer.offlineBody')}</EmptyState>
      </main>
    );
  }
  if (session.user.role !== 'employer_admin') return <Navigate to={homePathFor(session.user.role)} replace />;
  return <Outlet />;
}

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: IconName;
}

function EmployerShell() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const isOnline = useOnline();
  const profile = useQuery({ queryKey: employerKeys.profile, queryFn: employerApi.profile });
  const items: NavItem[] = [
    { to: EMPLOYER_HOME, label: t('employer.nav.workers'), icon: 'people' },
    { to: `${EMPLOYER_HOME}/laporan-upah`, label: t('employer.nav.wageReport'), icon: 'document' },
    { to: `${EMPLOYER_HOME}/tagihan`, label: t('employer.nav.bills'), icon: 'wallet' },
    { to: `${EMPLOYER_HOME}/tunggakan`, label: t('employer.nav.arrears'), icon: 'warning' },
  ];
  const onSignOut = async () => {
    await signOut();
    await navigate(`${EMPLOYER_HOME}/masuk`, { replace: true });
  };
  const links = (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.to === EMPLOYER_HOME}>
            <Icon name={item.icon} />
            <span>{item.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="shell employer-shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar employer-topbar">
        <NavLink to={EMPLOYER_HOME} className="brand" aria-label={t('employer.brandHome')}>
          <LogoMark size={32} />
          <span className="brand-name">Lumbung</span>
          <span className="employer-badge">{t('employer.brand')}</span>
        </NavLink>
        <div className="employer-topbar-end">
          <LanguageSwitch />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void onSignOut()}
          >
            <Icon name="logout" size={20} />
            <span>{t('nav.signOut')}</span>
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label={t('employer.nav.label')}>
          {profile.data ? (
            <div className="employer-identity">
              <p className="employer-identity-name">{profile.data.name}</p>
              <p className="muted small">
                {t('employer.npp')} {profile.data.npp}
              </p>
            </div>
          ) : null}
          <div className="sidenav-section">{links}</div>
        </nav>
        <main id="main" tabIndex={-1} className="employer-main">
          {isOnline ? null : (
            <p className="offline-bar" role="status">
              <Icon name="offline" size={20} />
              {t('employer.offlineBanner')}
            </p>
          )}
          {profile.data ? (
            <p className="employer-identity-compact muted small">
              {profile.data.name} · {t('employer.npp')} {profile.data.npp}
            </p>
          ) : null}
          <Outlet />
        </main>
      </div>
      <nav className="tabbar employer-tabbar" aria-label={t('employer.nav.tabs')}>
        {links}
      </nav>
    </div>
  );
}

export function EmployerApp() {
  return (
    <Routes>
      <Route path="masuk" element={<EmployerSignInPage />} />
      <Route element={<RequireEmployer />}>
        <Route element={<EmployerShell />}>
          <Route index element={<WorkersPage />} />
          <Route path="laporan-upah" element={<WageReportPage />} />
          <Route path="tagihan" element={<BillsPage />} />
          <Route path="tunggakan" element={<ArrearsPage />} />
          <Route path="*" element={<Navigate to={EMPLOYER_HOME} replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
