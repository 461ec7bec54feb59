import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../../lib/api';
import type { Session, User } from '../../lib/types';

interface AuthState {
  user: User | null;
  loading: boolean;
  isAdmin: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const forget = useCallback(() => {
    setCsrfToken('');
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    let cancelled = false;
    api
      .get<Session>('/auth/me')
      .then((session) => {
        if (cancelled) return;
        setCsrfToken(session.csrf_token);
        setUser(session.user);
      })
      .catch(() => {
        if (!cancelled) forget();
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
      setUnauthenticatedHandler(null);
    };
  }, [forget]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api.post<Session>('/auth/login', { username, password });
    setCsrfToken(session.csrf_token);
    setUser(session.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      loading,
      isAdmin: !!user?.roles.some((r) => r.role === 'administrator'),
      login,
      logout,
    }),
    [user, loading, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
