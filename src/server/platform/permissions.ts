/** The roles a user or API key can have. */
export const roles = ['admin', 'sales', 'warehouse', 'purchasing', 'finance', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Every permission a route can require. */
export const permissions = [
  'catalog:read',
  'catalog:write',
  'customers:read',
  'customers:write',
  'suppliers:read',
  'suppliers:write',
  'warehouses:read',
  'warehouses:write',
  'users:manage',
  'apiKeys:manage',
  'audit:read',
  'stock:read',
  'stock:adjust',
  'system:maintain',
  'sales:read',
  'sales:write',
  'approval:manage',
  'shipping:write',
  'carriers:manage',
  'purchasing:read',
  'purchasing:write',
  'purchasing:receive',
  'purchasing:manage',
  'notify:manage',
  'analytics:read',
  'finance:read',
  'finance:write',
  'webhooks:manage',
] as const;
export type Permission = (typeof permissions)[number];

const readAll: Permission[] = ['catalog:read', 'customers:read', 'suppliers:read', 'warehouses:read', 'stock:read', 'sales:read', 'purchasing:read'];

// The permission table, enforced for every route by the auth hook (a route must name one).
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  sales: [...readAll, 'customers:write', 'sales:write', 'analytics:read', 'finance:read'],
  warehouse: [...readAll, 'warehouses:write', 'stock:adjust', 'shipping:write', 'purchasing:receive'],
  purchasing: [...readAll, 'catalog:write', 'suppliers:write', 'purchasing:write', 'purchasing:receive', 'analytics:read'],
  finance: [...readAll, 'customers:write', 'audit:read', 'analytics:read', 'finance:read', 'finance:write'],
  viewer: [...readAll, 'analytics:read'],
};

/** Whether a role holds a permission. */
export function can(role: string, permission: Permission): boolean {
  return (rolePermissions as Record<string, readonly Permission[]>)[role]?.includes(permission) ?? false;
}
