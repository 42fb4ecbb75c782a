import type { Config } from '../config.js';
import type { DbHandle } from '../db/create-db.js';
import type { Actor } from './actor.js';
import type { Locale } from './i18n.js';
import type { Permission } from './permissions.js';

/** What buildApp needs: configuration and an open database. */
export type AppDeps = { config: Config; database: DbHandle };

/** Who may call a route: a permission from the table, any signed-in caller, or anyone. */
export type Access = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}
