import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { userRoutes } from './auth/users.routes.js';
import { categoryRoutes, productRoutes } from './catalog/index.js';
import { importRoutes } from './imports/index.js';
import { partnerRoutes } from './partners/index.js';
import { warehouseRoutes } from './warehouses/index.js';
import { countRoutes, stockRoutes, transferRoutes } from './inventory/index.js';
import { salesOrderRoutes } from './sales/index.js';
import { alertRoutes } from './alerts/index.js';
import { pickListRoutes, shipmentRoutes, trackingRoutes } from './shipping/index.js';
import { messageTemplateRoutes } from './notify/message-template.routes.js';
import { notifyRoutes } from './notify/index.js';
import { purchaseReturnRoutes, purchasingRoutes, replenishmentRoutes } from './purchasing/index.js';
import { salesReturnRoutes } from './returns/index.js';
import { feedbackRoutes } from './feedback/index.js';
import { analyticsRoutes, analyticsStockRoutes } from './analytics/index.js';
import { webhookRoutes } from './webhooks/index.js';
import { accountingExportRoutes, financeRoutes } from './finance/index.js';

/** Every module's route plugin, registered by buildApp in this order. */
export const routeModules: FastifyPluginAsync[] = [authRoutes, userRoutes, auditRoutes, categoryRoutes, productRoutes, partnerRoutes, warehouseRoutes, importRoutes, stockRoutes, transferRoutes, countRoutes, salesOrderRoutes, alertRoutes, pickListRoutes, shipmentRoutes, trackingRoutes, purchasingRoutes, purchaseReturnRoutes, replenishmentRoutes, messageTemplateRoutes, notifyRoutes, salesReturnRoutes, feedbackRoutes, analyticsRoutes, analyticsStockRoutes, financeRoutes, accountingExportRoutes, webhookRoutes];
