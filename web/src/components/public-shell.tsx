// Frame for pages reached without signing in: brand, language switch, and a centred column.
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LogoMark } from './icons';
import { LanguageSwitch } from './language-switch';

export function PublicShell() {
  const { t } = useTranslation();
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar topbar--public">
        <Link to="/masuk" className="brand">
          <LogoMark size={32} />
          <span className="brand-name">Lumbung</span>
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Outlet />
      </main>
      <footer className="public-footer">
        <p>{t('public.footer')}</p>
      </footer>
    </div>
  );
}
