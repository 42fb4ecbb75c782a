import { z } from 'zod';
import { scopeNames } from '../../platform/scopes.js';
import { roles } from '../../platform/permissions.js';

const email = z.email('请输入有效的邮箱 | Enter a valid email').max(200).transform((v) => v.toLowerCase());
const password = z.string().min(8, '密码至少 8 位 | Password must be at least 8 characters').max(200);

export const loginBody = z.strictObject({ email, password: z.string().min(1).max(200) });
export const setupBody = z.strictObject({
  email,
  name: z.string().trim().min(1).max(100),
  password,
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  locale: z.string().nullable(),
  permissions: z.array(z.string()),
});
export const sessionReply = z.object({ user: sessionUser, csrfToken: z.string() });
export const setupStatus = z.object({ setupNeeded: z.boolean() });

export const roleEnum = z.enum(roles);

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  status: z.string(),
  locale: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const createUserBody = z.strictObject({ email, name: z.string().trim().min(1).max(100), password, role: roleEnum, locale: z.enum(['zh-CN', 'en']).nullish() });
export const updateUserBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: roleEnum.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  password: password.optional(),
  locale: z.enum(['zh-CN', 'en']).nullish(),
});

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  keyPrefix: z.string(),
  status: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scopes: z.array(z.string()).nullable().describe('what the key is limited to (permissions or resource:*); null: everything its role allows'),
});
const apiKeyScopes = z.array(z.enum(scopeNames as [string, ...string[]])).min(1).max(100)
  .describe('limit the key to these scopes: a permission (sales:read) or all of a resource (sales:*); a request needs both the role and a scope; null or left out: the whole role');
export const createApiKeyBody = z.strictObject({ name: z.string().trim().min(1).max(100), role: roleEnum, scopes: apiKeyScopes.nullish() });
export const updateApiKeyBody = z.strictObject({ name: z.string().trim().min(1).max(100).optional(), scopes: apiKeyScopes.nullable().optional() });
export const apiKeyScopeList = z.object({
  scopes: z.array(z.object({ scope: z.string(), resource: z.string(), permissions: z.array(z.string()) })),
});
export const createdApiKey = apiKeyView.extend({ key: z.string().describe('Shown once; store it now') });
