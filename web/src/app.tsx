// Routes of the member portal. Public: sign-in, registration, password reset, statement verification.
// Everything else needs a member session (or opens offline with the saved balance); other roles are sent
// to their own area: the staff console under /staf, the employer portal under /pemberi-kerja.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ProblemError } from './api/client';
import { homePathFor, SessionProvider, useSession } from './auth/session';
import { AppShell } from './components/app-shell';
import { Loading } from './components/feedback';
import { PublicShell } from './components/public-shell';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { RegisterPage } from './pages/auth/register-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { AccountPage } from './pages/member/account-page';
import { BeneficiariesPage } from './pages/member/beneficiaries-page';
import { CardPage } from './pages/member/card-page';
import { ClaimDetailPage } from './pages/member/claim-detail-page';
import { ClaimWizardPage } from './pages/member/claim-wizard-page';
import { ClaimsPage } from './pages/member/claims-page';
import { ContributionsPage } from './pages/member/contributions-page';
import { HelpPage } from './pages/member/help-page';
import { HomePage } from './pages/member/home-page';
import { JhtPage } from './pages/member/jht-page';
import { NewsArticlePage, NewsPage } from './pages/member/news-page';
import { ProfilePage } from './pages/member/profile-page';
import { SecurityPage } from './pages/member/security-page';
import { SimulationPage } from './pages/member/simulation-page';
import { StatementPage } from './pages/member/statement-page';
import { TicketPage } from './pages/member/ticket-page';
import { NotificationPreferencesPage } from './notifications/notification-preferences-page';
import { NotificationsPage } from './notifications/notifications-page';
import { NotFoundPage } from './pages/public/not-found-page';
import { VerifyCardPage } from './pages/public/verify-card-page';
import { VerifyStatementPage } from './pages/public/verify-statement-page';

// The staff console and the employer portal load only when someone opens them: a member's phone never
// downloads them.
const StaffApp = lazy(() => import('./staff/staff-app').then((module) => ({ default: module.StaffApp })));
const EmployerApp = lazy(() =>
  import('./employer/employer-app').then((module) => ({ default: module.EmployerApp })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(error instanceof ProblemError) && failureCount < 1,
    },
    mutations: { retry: false },
  },
});

function RequireMember() {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed_out') {
    const next =
      location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/masuk${next}`} replace />;
  }
  if (session.status === 'signed_in' && session.user.role !== 'member')
    return <Navigate to={homePathFor(session.user.role)} replace />;
  return <Outlet />;
}

function GuestOnly() {
  const { session } = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed_in') return <Navigate to={homePathFor(session.user.role)} replace />;
  return <Outlet />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route
              path="/staf/*"
              element={
                <Suspense fallback={<Loading />}>
                  <StaffApp />
                </Suspense>
              }
            />
            <Route
              path="/pemberi-kerja/*"
              element={
                <Suspense fallback={<Loading />}>
                  <EmployerApp />
                </Suspense>
              }
            />
            <Route element={<PublicShell />}>
              <Route element={<GuestOnly />}>
                <Route path="/masuk" element={<SignInPage />} />
                <Route path="/daftar" element={<RegisterPage />} />
                <Route path="/lupa-kata-sandi" element={<ForgotPasswordPage />} />
              </Route>
              <Route path="/verify" element={<VerifyStatementPage />} />
              <Route path="/verify/:code" element={<VerifyStatementPage />} />
              <Route path="/verify/card/:code" element={<VerifyCardPage />} />
            </Route>
            <Route element={<RequireMember />}>
              <Route element={<AppShell />}>
                <Route index element={<HomePage />} />
                <Route path="/saldo" element={<JhtPage />} />
                <Route path="/iuran" element={<ContributionsPage />} />
                <Route path="/e-statement" element={<StatementPage />} />
                <Route path="/kartu" element={<CardPage />} />
                <Route path="/klaim" element={<ClaimsPage />} />
                <Route path="/klaim/baru" element={<ClaimWizardPage />} />
                <Route path="/klaim/:id" element={<ClaimDetailPage />} />
                <Route path="/akun" element={<AccountPage />} />
                <Route path="/profil" element={<ProfilePage />} />
                <Route path="/ahli-waris" element={<BeneficiariesPage />} />
                <Route path="/keamanan" element={<SecurityPage />} />
                <Route path="/simulasi" element={<SimulationPage />} />
                <Route path="/berita" element={<NewsPage />} />
                <Route path="/berita/:id" element={<NewsArticlePage />} />
                <Route path="/bantuan" element={<HelpPage />} />
                <Route path="/bantuan/tiket/:id" element={<TicketPage />} />
                <Route path="/notifikasi" element={<NotificationsPage />} />
                <Route path="/notifikasi/pengaturan" element={<NotificationPreferencesPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}
