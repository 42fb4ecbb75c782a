import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../lib/errors';
import { useSession } from './session';

function Loading() {
  return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
}

function ServerDown() {
  const { t } = useTranslation();
  const { error } = useSession();
  return <Result status="error" title={t('msg.loadFailed')} subTitle={errorMessage(error)} extra={<Button onClick={() => window.location.reload()}>{t('action.refresh')}</Button>} />;
}

/** Signed-in pages: sends to /setup or /login (remembering where the user was going). */
export function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'error') return <ServerDown />;
  if (status === 'setup') return <Navigate to="/setup" replace />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Login and setup: only while not signed in (and setup only while no admin exists). */
export function PublicOnly({ page }: { page: 'login' | 'setup' }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'error') return <ServerDown />;
  if (status === 'authenticated') {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  if (page === 'login' && status === 'setup') return <Navigate to="/setup" replace />;
  if (page === 'setup' && status !== 'setup') return <Navigate to="/login" replace />;
  return <Outlet />;
}

/** Shows the page when the user holds one of the permissions, else a 403 screen. */
export function RequirePermission({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (anyOf.some(can)) return <>{children}</>;
  return <Result status="403" title={t('msg.forbidden')} subTitle={t('msg.forbiddenHint')} extra={<Button type="primary" onClick={() => navigate('/')}>{t('msg.goHome')}</Button>} />;
}

/** Unknown paths. */
export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title={t('msg.notFound')} subTitle={t('msg.notFoundHint')} extra={<Button type="primary" onClick={() => navigate('/')}>{t('msg.goHome')}</Button>} />;
}
