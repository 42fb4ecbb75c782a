import { api, type Page, type Query } from '../../shared/api/client';

/** One alert for the caller's role; `read` is whether this user has read it, `status` whether it is still open. */
export type Alert = {
  id: string; kind: string; severity: 'info' | 'warning' | 'critical' | string; targetRole: string; title: { zh: string; en: string };
  entity: string | null; entityId: string | null; data: unknown; status: 'open' | 'resolved' | string; createdAt: string; resolvedAt: string | null; read: boolean;
};

export const alerts = {
  list: (query: Query) => api.get<Page<Alert>>('/alerts', query),
  unreadCount: () => api.get<{ count: number }>('/alerts/unread-count').then((r) => r.count),
  markRead: (id: string) => api.post<void>(`/alerts/${id}/read`),
  markAllRead: () => api.post<void>('/alerts/read-all'),
};

/** Every query about alerts starts with this key, so one invalidation refreshes the bell and the list. */
export const ALERTS = 'alerts';
