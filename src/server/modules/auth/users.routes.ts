import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idParams, listQueryBase, pageOf } from '../../platform/http-schemas.js';
import { EXPORT_LIMIT, sendExport } from '../../platform/export.js';
import { sortHelp } from '../../platform/list.js';
import * as keys from './api-keys.service.js';
import { apiKeyScopeList, apiKeyView, createApiKeyBody, createdApiKey, updateApiKeyBody, createUserBody, roleEnum, updateUserBody, userView } from './auth.schemas.js';
import * as users from './users.service.js';

/** User and API-key management (admin). */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const tags = ['users'];

  app.get('/api/v1/users', {
    config: { access: 'users:manage' },
    schema: {
      tags, summary: 'List users',
      querystring: z.strictObject({ ...listQueryBase, sort: listQueryBase.sort.describe(sortHelp(users.userSorts)), role: roleEnum.optional(), status: z.enum(['active', 'disabled']).optional() }),
      response: { 200: pageOf(userView), ...errorResponses },
    },
  }, async (req) => users.listUsers(db, req.query));

  app.get('/api/v1/users/export', {
    config: { access: 'users:manage' },
    schema: {
      tags, summary: 'Export users as .xlsx or .csv',
      querystring: z.strictObject({ q: listQueryBase.q, sort: listQueryBase.sort, role: roleEnum.optional(), status: z.enum(['active', 'disabled']).optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      response: { ...errorResponses },
    },
  }, async (req, reply) => {
    const { items } = await users.listUsers(db, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendExport(reply, {
      rows: items, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'users' : '用户',
      columns: [
        { key: 'email', zh: '邮箱', en: 'Email', width: 28 }, { key: 'name', zh: '姓名', en: 'Name' }, { key: 'role', zh: '角色', en: 'Role' },
        { key: 'status', zh: '状态', en: 'Status' }, { key: 'lastLoginAt', zh: '最近登录', en: 'Last sign-in', width: 24 }, { key: 'createdAt', zh: '创建时间', en: 'Created', width: 24 },
      ],
    });
  });

  app.post('/api/v1/users', {
    config: { access: 'users:manage' },
    schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: userView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await users.createUser(db, actorOf(req), req.body)));

  app.get('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: { tags, summary: 'Get a user', params: idParams, response: { 200: userView, ...errorResponses } },
  }, async (req) => users.getUser(db, req.params.id));

  app.patch('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: { tags, summary: 'Change a user (name, role, status, password, language)', params: idParams, body: updateUserBody, response: { 200: userView, ...errorResponses } },
  }, async (req) => users.updateUser(db, actorOf(req), req.params.id, req.body));

  const keyTags = ['api-keys'];
  app.get('/api/v1/api-keys', {
    config: { access: 'apiKeys:manage' },
    schema: {
      tags: keyTags, summary: 'List API keys',
      querystring: z.strictObject({ ...listQueryBase, sort: listQueryBase.sort.describe(sortHelp(keys.apiKeySorts)), status: z.enum(['active', 'revoked']).optional() }),
      response: { 200: pageOf(apiKeyView), ...errorResponses },
    },
  }, async (req) => keys.listApiKeys(db, req.query));

  app.post('/api/v1/api-keys', {
    config: { access: 'apiKeys:manage' },
    schema: { tags: keyTags, summary: 'Create an API key; the key is returned once', body: createApiKeyBody, response: { 201: createdApiKey, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await keys.createApiKey(db, actorOf(req), req.body)));

  app.get('/api/v1/api-keys/scopes', {
    config: { access: 'apiKeys:manage' },
    schema: { tags: keyTags, summary: 'Every scope a key can be limited to, with the permissions each grants', response: { 200: apiKeyScopeList, ...errorResponses } },
  }, async () => keys.listApiKeyScopes());

  app.patch('/api/v1/api-keys/:id', {
    config: { access: 'apiKeys:manage' },
    schema: { tags: keyTags, summary: 'Rename a key or change its scopes (null: everything its role allows)', params: idParams, body: updateApiKeyBody, response: { 200: apiKeyView, ...errorResponses } },
  }, async (req) => keys.updateApiKey(db, actorOf(req), req.params.id, req.body));

  app.delete('/api/v1/api-keys/:id', {
    config: { access: 'apiKeys:manage' },
    schema: { tags: keyTags, summary: 'Revoke an API key', params: idParams, response: { 200: apiKeyView, ...errorResponses } },
  }, async (req) => keys.revokeApiKey(db, actorOf(req), req.params.id));
};
