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
};

export const apiKeys = {
  list: (query: Query) => api.get<Page<ApiKey>>('/api-keys', query),
  create: (body: { name: string; role: string }) => api.post<ApiKey & { key: string }>('/api-keys', body),
  revoke: (id: string) => api.del<ApiKey>(`/api-keys/${id}`),
};
