import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAccessControl } from './platform/access.js';
import { setBusinessTimeZone } from './platform/clock.js';
import { DomainError } from './platform/errors.js';
import { frameworkErrors, registerErrorHandling, sendError } from './platform/error-handler.js';
import type { AppDeps } from './platform/fastify-types.js';
import { newId } from './platform/ids.js';
import { actorFromApiKey, actorFromSession } from './modules/auth/auth.service.js';
import { routeModules } from './modules/index.js';

const webRoot = join(import.meta.dirname, '../../dist/web');

/**
 * Builds the Fastify app (tests call this and use inject()). `onRoute` sees every route as it is
 * registered (the chaos suite lists each route's access rule with it).
 */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean; onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: deps.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: () => newId(),
    bodyLimit: deps.config.maxUploadBytes,
    trustProxy: deps.config.trustProxy,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', deps);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  setBusinessTimeZone(deps.config.timeZone);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // An empty JSON body (DELETE or POST …/deactivate from fetch with a JSON content type) is no body, not an error.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const err = new Error('Malformed JSON in request body') as Error & { statusCode: number };
      err.statusCode = 400;
      done(err, undefined);
    }
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'jxc API', version: deps.config.version, description: 'jxc 进销存 REST API. Money is integer fen (分); quantities are integer base units; ids are strings.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API key created under 系统设置 → API 密钥' },
          session: { type: 'apiKey', in: 'cookie', name: 'jxc_session', description: 'Browser session; writes also need the X-CSRF-Token header' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAccessControl(app, {
    fromSession: (t) => actorFromSession(deps.database.db, t),
    fromApiKey: (k) => actorFromApiKey(deps.database.db, k),
  });

  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }) },
    },
  }, async () => {
    await deps.database.db.selectFrom('users').select('id').limit(1).execute();
    return { status: 'ok' as const, database: deps.database.dialect, version: deps.config.version };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const m of routeModules) await app.register(m);

  if (existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    // A missing asset is a 404, not the page (a stale tab would otherwise get HTML for a script).
    if (path.startsWith('/api/') || path.startsWith('/assets/') || req.method !== 'GET') {
      return sendError(reply, req.locale, new DomainError('ROUTE_NOT_FOUND', { method: req.method, url: path }));
    }
    if (!existsSync(join(webRoot, 'index.html'))) {
      return reply.status(503).type('text/plain').send('The web app is not built yet: run `npm run build:web`.');
    }
    // Client-side routes of the single-page app all get index.html.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
