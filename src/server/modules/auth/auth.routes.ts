import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../../platform/access.js';
import { errorResponses } from '../../platform/http-schemas.js';
import { rolePermissions, type Role } from '../../platform/permissions.js';
import { scopedPermissions } from '../../platform/scopes.js';
import * as auth from './auth.service.js';
import { loginBody, sessionReply, setupBody, setupStatus } from './auth.schemas.js';

const withPermissions = (u: auth.SessionUser) => ({ ...u, permissions: [...(rolePermissions[u.role as Role] ?? [])] });

/** Setup, login, logout and the current session. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const { config } = app.deps;
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: config.sessionTtlHours * 3600 });

  app.get('/api/v1/auth/setup', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Whether the first administrator must still be created', response: { 200: setupStatus } },
  }, async () => ({ setupNeeded: await auth.isSetupNeeded(db) }));

  app.post('/api/v1/auth/setup', {
    config: { access: 'public', rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Create the first administrator (only on an empty database)', body: setupBody, response: { 200: sessionReply, ...errorResponses } },
  }, async (req, reply) => {
    const r = await auth.setupFirstAdmin(db, req.body, config.sessionTtlHours);
    setCookie(reply, r.token);
    return { user: withPermissions(r.user), csrfToken: r.csrfToken };
  });

  app.post('/api/v1/auth/login', {
    config: {
      access: 'public',
      rateLimit: {
        max: config.loginRateLimit,
        timeWindow: '1 minute',
        // preHandler, not the default onRequest: the key needs the parsed body's email.
        hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
      },
    },
    schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie and returns the CSRF token', body: loginBody, response: { 200: sessionReply, ...errorResponses } },
  }, async (req, reply) => {
    const r = await auth.login(db, req.body.email, req.body.password, config.sessionTtlHours, req.ip);
    setCookie(reply, r.token);
    return { user: withPermissions(r.user), csrfToken: r.csrfToken };
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (actor.type === 'user') await auth.logout(db, actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: sessionReply, ...errorResponses } },
  }, async (req) => {
    const actor = actorOf(req);
    if (actor.type !== 'user') {
      return { user: { id: actor.id ?? '', email: '', name: actor.name, role: actor.role, locale: null, permissions: actor.type === 'api_key' ? scopedPermissions(actor.role, actor.scopes) : [...(rolePermissions[actor.role as Role] ?? [])] }, csrfToken: '' };
    }
    return { user: withPermissions(await auth.currentUser(db, actor.id)), csrfToken: actor.csrfToken };
  });
};
