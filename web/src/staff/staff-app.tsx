// The staff console inside the web app, under /staf: sign-in with an authenticator code, then member
// search, identity verification, member 360 and actions, tickets, claims, employers in arrears, the SMS
// simulator, and the admin pages (staff users, news, rule tables, the yearly JHT return, the audit log).
import { claimStaffRoutes } from '@lumbung/core/claims/claim-staff-routes';
import { staffRoutes } from '@lumbung/core/staff/staff-access-table';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, Route, Routes, useNavigate } from 'react-router';
import { homePathFor, useSession } from '../auth/session';
import { Loading } from '../components/feedback';
import { LogoMark } from '../components/icons';
import { LanguageSwitch } from '../components/language-switch';
import { ClaimQueuePage } from './claim-queue-page';
import { ClaimReviewPage } from './claim-review-page';
import { AdminJhtReturnPage } from './admin-jht-return-page';
import { AdminNewsPage } from './admin-news-page';
import { AdminRuleTablesPage } from './admin-rule-tables-page';
import { AdminStaffUsersPage } from './admin-staff-users-page';
import { mayCall, STAFF_ROLES } from './staff-api';
import { StaffArrearsPage } from './staff-arrears-page';
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
  if (session.status !== 'signed_in') return <Navigate to="/staf/masuk" replace />;
  if (!isStaffRole(session.user.role)) return <Navigate to={homePathFor(session.user.role)} replace />;
  const { user } = session;
  // A page is offered when the core's role table lets this role call the route the page is built on.
  const may = (route: Parameters<typeof mayCall>[1]) => mayCall(user.role, route);
  const links = [
    { to: '/staf', label: t('staff.nav.search'), end: true, show: may(staffRoutes.searchMembers) },
    { to: '/staf/tiket', label: t('staff.nav.tickets'), end: false, show: may(staffRoutes.ticketQueue) },
    { to: '/staf/klaim', label: t('claimStaff.nav'), end: false, show: may(claimStaffRoutes.queue) },
    {
      to: '/staf/tunggakan',
      label: t('staffArrears.nav'),
      end: false,
      show: may({ method: 'GET', path: '/api/v1/staff/arrears' }),
    },
    { to: '/staf/audit', label: t('staff.nav.audit'), end: false, show: may(staffRoutes.readAuditLog) },
    {
      to: '/staf/pengguna',
      label: t('staffAdmin.nav.users'),
      end: false,
      show: may(staffRoutes.listStaffUsers),
    },
    {
      to: '/staf/berita',
      label: t('staffAdmin.nav.news'),
      end: false,
      show: may({ method: 'POST', path: '/api/v1/admin/news' }),
    },
    {
      to: '/staf/aturan',
      label: t('staffAdmin.nav.rules'),
      end: false,
      show: may(staffRoutes.listRuleTables),
    },
    { to: '/staf/jht', label: t('staffAdmin.nav.jht'), end: false, show: may(staffRoutes.declareJhtReturn) },
    {
      to: '/staf/sms',
      label: t('staff.nav.sms'),
      end: false,
      show: may({ method: 'POST', path: '/api/v1/staff/sms/simulate' }),
    },
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
          <span className="staff-user-name">
            <span>{user.displayName}</span>
            <span className="staff-user-role">{t(`staff.roles.${user.role}`)}</span>
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

/** Staff sign-in for a visitor; anyone signed in goes to their own home (an employer to /pemberi-kerja). */
function StaffGuest() {
  const { session } = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed_in') return <Navigate to={homePathFor(session.user.role)} replace />;
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
        <Route path="tunggakan" element={<StaffArrearsPage />} />
        <Route path="pengguna" element={<AdminStaffUsersPage />} />
        <Route path="berita" element={<AdminNewsPage />} />
        <Route path="aturan" element={<AdminRuleTablesPage />} />
        <Route path="jht" element={<AdminJhtReturnPage />} />
        <Route path="klaim" element={<ClaimQueuePage />} />
        <Route path="klaim/:claimId" element={<ClaimReviewPage />} />
        <Route path="*" element={<Navigate to="/staf" replace />} />
      </Route>
    </Routes>
  );
}
