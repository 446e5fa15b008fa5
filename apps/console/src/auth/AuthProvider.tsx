import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthorized, sendJson } from '../api/client';
import type { LoginResult, User } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { clearSession, getSessionUser, saveSession } from './session';

interface Auth {
  user: User | null;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
  hasRole: (...roles: string[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

/** Who is signed in; any 401 from the API returns to the login page. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(getSessionUser);
  const { message } = App.useApp();
  const { t } = useI18n();

  useEffect(
    () =>
      onUnauthorized(() => {
        setUser(null);
        void message.warning(t('session.expired'));
      }),
    [message, t],
  );

  const login = useCallback(async (username: string, password: string) => {
    const result = await sendJson<LoginResult>('POST', '/auth/login', { username, password });
    saveSession(result.accessToken, result.user);
    setUser(result.user);
  }, []);

  const logout = useCallback(() => {
    clearSession();
    setUser(null);
  }, []);

  const value = useMemo<Auth>(
    () => ({ user, login, logout, hasRole: (...roles) => !!user?.roles.some((g) => roles.includes(g.role)) }),
    [user, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
