import { api, type Page, type Query } from '../../shared/api/client';
import type { SessionReply } from '../../shared/auth/session';

/** Sign in with email and password. */
export const login = (body: { email: string; password: string }) => api.post<SessionReply>('/auth/login', body);

/** Create the first administrator (only on an empty system); signs them in. */
export const setup = (body: { email: string; name: string; password: string; locale?: string }) => api.post<SessionReply>('/auth/setup', body);

export const roles = ['admin', 'sales', 'warehouse', 'purchasing', 'finance', 'viewer'] as const;

export type User = {
  id: string; email: string; name: string; role: string; status: 'active' | 'disabled'; locale: string | null;
  lastLoginAt: string | null; createdAt: string; updatedAt: string;
};
export type UserInput = { email: string; name: string; password: string; role: string; locale?: string | null };
export type UserPatch = { name?: string; role?: string; status?: 'active' | 'disabled'; password?: string; locale?: string | null };

export const users = {
  list: (query: Query) => api.get<Page<User>>('/users', query),
  create: (body: UserInput) => api.post<User>('/users', body),
  update: (id: string, body: UserPatch) => api.patch<User>(`/users/${id}`, body),
};

export type ApiKey = {
  id: string; name: string; role: string; keyPrefix: string; status: 'active' | 'revoked';
  createdAt: string; lastUsedAt: string | null; revokedAt: string | null;
  /** What the key is limited to (permissions or resource:*); null: everything its role allows. */
  scopes: string[] | null;
};
export type ApiKeyScope = { scope: string; resource: string; permissions: string[] };

export const apiKeys = {
  list: (query: Query) => api.get<Page<ApiKey>>('/api-keys', query),
  scopes: () => api.get<{ scopes: ApiKeyScope[] }>('/api-keys/scopes').then((r) => r.scopes),
  create: (body: { name: string; role: string; scopes?: string[] | null }) => api.post<ApiKey & { key: string }>('/api-keys', body),
  update: (id: string, body: { name?: string; scopes?: string[] | null }) => api.patch<ApiKey>(`/api-keys/${id}`, body),
  revoke: (id: string) => api.del<ApiKey>(`/api-keys/${id}`),
};
