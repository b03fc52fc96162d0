// Who is signed in. Probes GET /auth/session once; 'offline' means the server could not be reached, so
// member pages still open and show what the service worker saved.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchSession, signOut as apiSignOut } from '../api/auth-api';
import { NetworkError, setUnauthorizedHandler } from '../api/client';
import type { Role, SessionUser } from '../api/types';
import { clearOfflineCache } from '../pwa/offline-cache';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed_out' }
  | { readonly status: 'offline' }
  | { readonly status: 'signed_in'; readonly user: SessionUser };

interface SessionContextValue {
  readonly session: SessionState;
  readonly setSignedIn: (user: SessionUser) => void;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Where a role lands after sign-in and when it opens a part of the app that is not its own. */
export function homePathFor(role: Role): string {
  if (role === 'member') return '/';
  if (role === 'employer_admin') return '/pemberi-kerja';
  return '/staf';
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    fetchSession().then(
      (user) => {
        if (!cancelled) setSession(user ? { status: 'signed_in', user } : { status: 'signed_out' });
      },
      (error: unknown) => {
        if (!cancelled) setSession({ status: error instanceof NetworkError ? 'offline' : 'signed_out' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.clear();
      setSession({ status: 'signed_out' });
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const setSignedIn = useCallback(
    (user: SessionUser) => {
      queryClient.clear();
      setSession({ status: 'signed_in', user });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      queryClient.clear();
      await clearOfflineCache();
      setSession({ status: 'signed_out' });
    }
  }, [queryClient]);

  const value = useMemo(() => ({ session, setSignedIn, signOut }), [session, setSignedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
