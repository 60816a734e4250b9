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
  refresh: () => Promise<Session | null>;
  /** Forget the session locally (after logout). */
  clear: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const current = await api<Session>('/api/auth/session');
      setCsrfToken(current.csrfToken);
      setSession(current);
      setError(null);
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

  const clear = useCallback(() => {
    setCsrfToken(null);
    setSession(null);
    setError(null);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ loading, session, error, refresh, clear }), [loading, session, error, refresh, clear]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() must be used inside <SessionProvider>');
  return state;
}
