import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { userRoutes } from './auth/users.routes.js';

/** Every module's route plugin, registered by buildApp in this order. */
export const routeModules: FastifyPluginAsync[] = [authRoutes, userRoutes, auditRoutes];
