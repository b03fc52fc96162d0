// The staff console inside the web app, under /staf: sign-in with an authenticator code, then member
// search, identity verification, member 360 and actions, tickets, the audit log and the SMS simulator.
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, Route, Routes, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/feedback';
import { LogoMark } from '../components/icons';
import { LanguageSwitch } from '../components/language-switch';
import { ClaimQueuePage } from './claim-queue-page';
import { ClaimReviewPage } from './claim-review-page';
import { STAFF_ROLES } from './staff-api';
import { StaffAuditPage } from './staff-audit-page';
import { StaffMemberPage } from './staff-member-page';
import { StaffSearchPage } from './staff-search-page';
import { StaffSignInPage } from './staff-sign-in-page';
import { StaffSmsPage } from './staff-sms-page';
import { StaffTicketsPage } from './staff-tickets-page';
import './staff.css';

function isStaffRole(role: string): boolean {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

function StaffShell() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  if (session.status === 'loading') return <Loading />;
  if (session.status !== 'signed_in' || !isStaffRole(session.user.role))
    return <Navigate to="/staf/masuk" replace />;
  const { user } = session;
  const links = [
    {
      to: '/staf',
      label: t('staff.nav.search'),
      end: true,
      show: user.role === 'agent' || user.role === 'branch_officer',
    },
    {
      to: '/staf/tiket',
      label: t('staff.nav.tickets'),
      end: false,
      show: user.role === 'agent' || user.role === 'branch_officer',
    },
    {
      to: '/staf/klaim',
      label: t('claimStaff.nav'),
      end: false,
      show: user.role === 'claims_officer' || user.role === 'branch_officer',
    },
    { to: '/staf/audit', label: t('staff.nav.audit'), end: false, show: user.role === 'admin' },
    { to: '/staf/sms', label: t('staff.nav.sms'), end: false, show: user.role !== 'claims_officer' },
  ].filter((link) => link.show);
  const onSignOut = async () => {
    await signOut();
    await navigate('/staf/masuk', { replace: true });
  };
  return (
    <div className="staff-shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar staff-topbar">
        <NavLink to="/staf" className="brand">
          <LogoMark size={32} />
          <span className="brand-name">Lumbung</span>
          <span className="staff-badge">{t('staff.brand')}</span>
        </NavLink>
        <nav className="staff-nav" aria-label={t('staff.nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="staff-user">
          <span>
            {user.displayName} · {t(`staff.roles.${user.role}`)}
          </span>
          <LanguageSwitch />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void onSignOut()}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="staff-main">
        <Outlet />
      </main>
    </div>
  );
}

/** The first page after sign-in depends on the role: desks search, admins read the audit log. */
function StaffHome() {
  const { session } = useSession();
  const role = session.status === 'signed_in' ? session.user.role : '';
  if (role === 'admin') return <Navigate to="/staf/audit" replace />;
  if (role === 'claims_officer') return <Navigate to="/staf/klaim" replace />;
  return <StaffSearchPage />;
}

function StaffGuest() {
  const { session } = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed_in' && isStaffRole(session.user.role))
    return <Navigate to="/staf" replace />;
  return <StaffSignInPage />;
}

export function StaffApp() {
  return (
    <Routes>
      <Route path="masuk" element={<StaffGuest />} />
      <Route element={<StaffShell />}>
        <Route index element={<StaffHome />} />
        <Route path="anggota/:personId" element={<StaffMemberPage />} />
        <Route path="tiket" element={<StaffTicketsPage />} />
        <Route path="audit" element={<StaffAuditPage />} />
        <Route path="sms" element={<StaffSmsPage />} />
        <Route path="klaim" element={<ClaimQueuePage />} />
        <Route path="klaim/:claimId" element={<ClaimReviewPage />} />
        <Route path="*" element={<Navigate to="/staf" replace />} />
      </Route>
    </Routes>
  );
}
