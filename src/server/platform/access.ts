import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';
import type { Access } from './fastify-types.js';
import { pickLocale } from './i18n.js';
import { can, type Permission } from './permissions.js';
import { scopesAllow } from './scopes.js';

export const SESSION_COOKIE = 'jxc_session';
export const CSRF_HEADER = 'x-csrf-token';

export type ActorResolvers = {
  fromSession: (token: string) => Promise<(Actor & { type: 'user' }) | null>;
  fromApiKey: (key: string) => Promise<Actor | null>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller on every request and enforces the route's `access` setting.
 * Every /api/v1 route must declare access; a route without it fails at startup (fail closed).
 */
export function registerAccessControl(app: FastifyInstance, resolvers: ActorResolvers): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    const access = req.routeOptions.config?.access as Access | undefined;
    if (!access || access === 'public') {
      req.actor = await resolveActor(req, resolvers).catch(() => null);
      return;
    }
    const actor = await resolveActor(req, resolvers);
    if (!actor) throw new DomainError('UNAUTHENTICATED');
    req.actor = actor;
    if (actor.type === 'user' && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new DomainError('CSRF_INVALID');
    }
    if (access !== 'authenticated' && !can(actor.role, access as Permission)) {
      throw new DomainError('FORBIDDEN', { role: actor.role });
    }
    // A key limited to some scopes: the role allowing the route is not enough.
    if (access !== 'authenticated' && actor.type === 'api_key' && !scopesAllow(actor.scopes, access as Permission)) {
      throw new DomainError('API_KEY_SCOPE', { scope: access, name: actor.name }, { requiredScope: access, scopes: actor.scopes });
    }
  });
}

async function resolveActor(req: FastifyRequest, r: ActorResolvers): Promise<Actor | null> {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new DomainError('UNAUTHENTICATED');
    const actor = await r.fromApiKey(m[1]);
    if (!actor) throw new DomainError('UNAUTHENTICATED');
    return actor;
  }
  const token = req.cookies?.[SESSION_COOKIE];
  return token ? r.fromSession(token) : null;
}

/** The caller of an authenticated route (the access hook guarantees one). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('UNAUTHENTICATED');
  return req.actor;
}
