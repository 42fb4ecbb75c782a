import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { changeLang, storedLang } from '../i18n';

export type SessionUser = { id: string; email: string; name: string; role: string; locale: string | null; permissions: string[] };
export type SessionReply = { user: SessionUser; csrfToken: string };
type Status = 'loading' | 'setup' | 'anonymous' | 'authenticated' | 'error';

type SessionValue = {
  status: Status;
  user: SessionUser | null;
  error: unknown;
  /** Stores a login or setup reply: from now on we are signed in. */
  signIn: (s: SessionReply) => void;
  signOut: () => Promise<void>;
  can: (permission: string) => boolean;
};

const SessionContext = createContext<SessionValue | null>(null);
const ME = ['auth', 'me'] as const;
const SETUP = ['auth', 'setup'] as const;

async function fetchMe(): Promise<SessionReply | null> {
  try {
    return await api.get<SessionReply>('/auth/me', undefined, { quiet401: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Knows whether setup is needed, who is signed in, and what they may do. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const setup = useQuery({ queryKey: SETUP, queryFn: () => api.get<{ setupNeeded: boolean }>('/auth/setup'), staleTime: Infinity, retry: 1 });
  const me = useQuery({ queryKey: ME, queryFn: fetchMe, enabled: setup.data?.setupNeeded === false, staleTime: Infinity, retry: 1 });
  const session = me.data ?? null;

  useEffect(() => {
    if (session) setCsrfToken(session.csrfToken);
  }, [session]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken('');
      qc.setQueryData(ME, null);
    });
  }, [qc]);

  const signIn = useCallback((s: SessionReply) => {
    setCsrfToken(s.csrfToken);
    qc.setQueryData(SETUP, { setupNeeded: false });
    qc.setQueryData(ME, s);
    // A user's saved language applies until they pick one with the switch on this device.
    if (!storedLang() && (s.user.locale === 'en' || s.user.locale === 'zh-CN')) void changeLang(s.user.locale, false);
  }, [qc]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setCsrfToken('');
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME, null);
    }
  }, [qc]);

  const value = useMemo<SessionValue>(() => {
    let status: Status = 'loading';
    if (setup.isError || me.isError) status = 'error';
    else if (setup.data?.setupNeeded) status = 'setup';
    else if (setup.data && me.isSuccess) status = session ? 'authenticated' : 'anonymous';
    const perms = new Set(session?.user.permissions ?? []);
    return { status, user: session?.user ?? null, error: setup.error ?? me.error, signIn, signOut, can: (p) => perms.has(p) };
  }, [setup.data, setup.isError, setup.error, me.isError, me.isSuccess, me.error, session, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session (inside SessionProvider). */
export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
