import { api, type Page, type Query } from '../../shared/api/client';

export type AuditEntry = {
  id: string; at: string; actorType: 'user' | 'api_key' | 'system'; actorId: string | null; actorName: string | null;
  action: string; entity: string; entityId: string | null; summary: string | null; before: unknown; after: unknown;
};

export const auditEntities = ['product', 'category', 'customer', 'supplier', 'warehouse', 'user', 'apiKey'] as const;
export const auditActions = ['create', 'update', 'delete', 'deactivate', 'activate', 'import', 'revoke', 'login', 'logout'] as const;

/** One page of the audit log, newest first. */
export const listAudit = (query: Query) => api.get<Page<AuditEntry>>('/audit-log', query);
