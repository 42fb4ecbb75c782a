import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound, PublicOnly, RequireAuth, RequirePermission } from './shared/auth/guards';
import { AppLayout } from './shared/layout/AppLayout';

// One chunk per screen: a user downloads only the pages they open.
const LoginPage = lazy(() => import('./modules/auth/pages/LoginPage'));
const SetupPage = lazy(() => import('./modules/auth/pages/SetupPage'));
const HomePage = lazy(() => import('./modules/home/pages/HomePage'));
const UsersPage = lazy(() => import('./modules/auth/pages/UsersPage'));
const ApiKeysPage = lazy(() => import('./modules/auth/pages/ApiKeysPage'));
const AuditLogPage = lazy(() => import('./modules/audit/pages/AuditLogPage'));

const guard = (anyOf: string[], page: ReactNode) => <RequirePermission anyOf={anyOf}>{page}</RequirePermission>;

/** Every screen and who may open it. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />}>
      <Routes>
        <Route element={<PublicOnly page="login" />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route element={<PublicOnly page="setup" />}>
          <Route path="/setup" element={<SetupPage />} />
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="settings/users" element={guard(['users:manage'], <UsersPage />)} />
            <Route path="settings/api-keys" element={guard(['apiKeys:manage'], <ApiKeysPage />)} />
            <Route path="settings/audit-log" element={guard(['audit:read'], <AuditLogPage />)} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
