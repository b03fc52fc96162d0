// Messages that must be heard: form errors (role=alert), success notes (role=status), and the loading,
// empty and error states every data page shows.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError, ProblemError } from '../api/client';
import { currentLanguage } from '../i18n/i18n';

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ProblemError) return error.problem.message[currentLanguage()];
    if (error instanceof NetworkError) return t('common.offlineError');
    return t('common.unexpectedError');
  };
}

/** A form's error summary. Always rendered so the live region exists before the message arrives. */
export function FormError({ error }: { readonly error: unknown }) {
  const errorText = useErrorText();
  return (
    <div role="alert" className={error ? 'alert alert--error' : 'visually-hidden'}>
      {error ? errorText(error) : null}
    </div>
  );
}

export function StatusNote({ children }: { readonly children: ReactNode }) {
  return (
    <div role="status" className={children ? 'alert alert--success' : 'visually-hidden'}>
      {/* One text flow: the alert is a flex row, which would put each text run in its own column. */}
      {children ? <p className="alert-text">{children}</p> : null}
    </div>
  );
}

export function Loading({ label }: { readonly label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="state state--error" role="alert">
      <p className="state-title">{t('common.loadFailed')}</p>
      <p>{errorText(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Renders a query's loading and error states, then the children with its data. */
export function QueryView<T>({
  query,
  children,
}: {
  readonly query: UseQueryResult<T>;
  readonly children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
