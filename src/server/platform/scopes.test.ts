import { describe, expect, it } from 'vitest';
import { scopedPermissions, scopeGrants, scopeNames, scopesAllow, uselessScopes } from './scopes.js';

describe('API key scopes', () => {
  it.each([
    ['sales:read', 'sales:read', true],
    ['sales:*', 'sales:write', true],
    ['sales:*', 'stock:read', false],
    ['sales:read', 'sales:write', false],
    ['purchasing:*', 'purchasing:receive', true],
  ] as const)('%s grants %s: %s', (scope, permission, expected) => {
    expect(scopeGrants(scope, permission)).toBe(expected);
  });

  it('null scopes leave the whole role; a list narrows it', () => {
    expect(scopesAllow(null, 'users:manage')).toBe(true);
    expect(scopesAllow(['stock:read'], 'users:manage')).toBe(false);
    expect(scopedPermissions('sales', ['sales:*', 'stock:read'])).toEqual(['stock:read', 'sales:read', 'sales:write']);
  });

  it('names each permission and each resource wildcard', () => {
    expect(scopeNames).toContain('sales:read');
    expect(scopeNames).toContain('sales:*');
    expect(scopeNames).not.toContain('*');
  });

  it('finds scopes that give the role nothing', () => {
    expect(uselessScopes('viewer', ['sales:read', 'sales:*', 'sales:write', 'orders:read'])).toEqual(['sales:write', 'orders:read']);
  });
});
