import { permissions, rolePermissions, type Permission, type Role } from './permissions.js';

// API key scopes: a key may be limited to some of what its role allows. A scope is a permission
// (`sales:read`) or every permission of a resource (`sales:*`). A request with a key passes only
// when the role and the key's scopes both allow the route's permission; a key without scopes
// (null) has all of its role, as keys made before scopes existed do.

/** The resources named by permissions (`sales` of `sales:read`). */
export const scopeResources = [...new Set(permissions.map((p) => p.split(':')[0]))];

/** Every scope a key may carry: each permission and `resource:*`. */
export const scopeNames: readonly string[] = [...permissions, ...scopeResources.map((r) => `${r}:*`)];

/** Whether `scope` grants `permission`. */
export function scopeGrants(scope: string, permission: Permission): boolean {
  if (scope === permission) return true;
  return scope.endsWith(':*') && permission.startsWith(scope.slice(0, -1));
}

/** Whether a key with `scopes` (null: unrestricted) may use `permission`; the role is checked apart. */
export function scopesAllow(scopes: readonly string[] | null, permission: Permission): boolean {
  return scopes === null || scopes.some((s) => scopeGrants(s, permission));
}

/** The permissions of a role that `scopes` leave a key. */
export function scopedPermissions(role: string, scopes: readonly string[] | null): Permission[] {
  const held = (rolePermissions as Record<string, readonly Permission[]>)[role] ?? [];
  return held.filter((p) => scopesAllow(scopes, p));
}

/** The scopes in `scopes` that grant `role` nothing (unknown names, or permissions the role lacks). */
export function uselessScopes(role: Role, scopes: readonly string[]): string[] {
  return scopes.filter((s) => !scopeNames.includes(s) || scopedPermissions(role, [s]).length === 0);
}
