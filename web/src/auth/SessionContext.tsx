/**
 * The staff session as the server sees it. The cookie is httpOnly, so the only way to know the
 * stage (mfa / enrol / full) and the CSRF token is GET /api/auth/session; every step of login
 * and enrolment calls refresh() afterwards instead of guessing the new state.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Session } from '../api/types';

interface SessionState {
  loading: boolean;
  session: Session | null;
  /** Set when the session could not be checked at all (not for "no session"). */
  error: unknown;
  /** True after the user logged out in this tab, so the login page can confirm it. */
  loggedOut: boolean;
  refresh: () => Promise<Session | null>;
  /** Forget the session locally; pass true after a deliberate logout. */
  clear: (loggedOut?: boolean) => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loggedOut, setLoggedOut] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const current = await api<Session>('/api/auth/session');
      setCsrfToken(current.csrfToken);
      setSession(current);
      setError(null);
      setLoggedOut(false);
      return current;
    } catch (err) {
      setCsrfToken(null);
      setSession(null);
      setError(err instanceof ApiError && err.status === 401 ? null : err);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  const clear = useCallback((didLogOut = false) => {
    setCsrfToken(null);
    setSession(null);
    setError(null);
    setLoggedOut(didLogOut);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(
    () => ({ loading, session, error, loggedOut, refresh, clear }),
    [loading, session, error, loggedOut, refresh, clear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() must be used inside <SessionProvider>');
  return state;
}
