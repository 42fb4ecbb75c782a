import { describe, expect, it } from 'vitest';
import { can, permissions, rolePermissions, roles } from './permissions.js';

describe('permission table', () => {
  it('gives admin everything and unknown roles nothing', () => {
    for (const p of permissions) {
      expect(can('admin', p)).toBe(true);
      expect(can('intruder', p)).toBe(false);
    }
  });

  it('keeps user and API-key management with admin only', () => {
    for (const role of roles) {
      expect(can(role, 'users:manage')).toBe(role === 'admin');
      expect(can(role, 'apiKeys:manage')).toBe(role === 'admin');
    }
  });

  it('lets every role read master data, and only admin and finance read the audit log', () => {
    for (const role of roles) {
      for (const p of ['catalog:read', 'customers:read', 'suppliers:read', 'warehouses:read'] as const) expect(can(role, p)).toBe(true);
      expect(can(role, 'audit:read')).toBe(role === 'admin' || role === 'finance');
    }
  });

  it('lists only known permissions', () => {
    for (const role of roles) for (const p of rolePermissions[role]) expect(permissions).toContain(p);
  });
});
