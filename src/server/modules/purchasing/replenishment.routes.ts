import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { purchaseOrderView } from './purchasing.schemas.js';
import * as rules from './reorder-rule.service.js';
import { draftOrdersFromSuggestions, replenishmentSuggestions } from './replenishment.service.js';
import { draftOrdersInput, reorderRuleInput, reorderRuleParams, reorderRuleQuery, reorderRuleView, suggestionQuery, suggestionView } from './replenishment.schemas.js';

const tags = ['purchasing'];

/** Reorder rules (再订货点 / 最低最高库存) and replenishment suggestions (补货建议) with draft purchase orders from them. */
export const replenishmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, numbers } = app.deps.database;

  app.get('/api/v1/reorder-rules', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'Reorder rules with available, incoming and whether each is at or below its point now', querystring: reorderRuleQuery, response: { 200: pageOf(reorderRuleView), ...errorResponses } },
  }, async (req) => rules.listReorderRules(db, req.query));

  app.put('/api/v1/reorder-rules', {
    config: { access: 'purchasing:write' },
    schema: {
      tags, body: reorderRuleInput, response: { 200: reorderRuleView, 201: reorderRuleView, ...errorResponses },
      summary: 'Set the rule of a product × warehouse: reorderPoint + safetyStock, or min + max (replaces any); checked at once',
    },
  }, async (req, reply) => {
    const { created, rule } = await db.transaction().execute((trx) => rules.setReorderRule(trx, actorOf(req), req.body));
    return reply.status(created ? 201 : 200).send(rule);
  });

  app.get('/api/v1/reorder-rules/:productId/:warehouseId', {
    config: { access: 'purchasing:read' },
    schema: { tags, summary: 'One reorder rule', params: reorderRuleParams, response: { 200: reorderRuleView, ...errorResponses } },
  }, async (req) => rules.getReorderRule(db, req.params.productId, req.params.warehouseId));

  app.delete('/api/v1/reorder-rules/:productId/:warehouseId', {
    config: { access: 'purchasing:write' },
    schema: { tags, summary: 'Remove a reorder rule (its open alert is closed)', params: reorderRuleParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await db.transaction().execute((trx) => rules.deleteReorderRule(trx, actorOf(req), req.params.productId, req.params.warehouseId));
    return reply.status(204).send(null);
  });

  app.get('/api/v1/replenishment/suggestions', {
    config: { access: 'purchasing:read' },
    schema: {
      tags, querystring: suggestionQuery, response: { 200: z.object({ items: z.array(suggestionView) }), ...errorResponses },
      summary: 'Replenishment suggestions (补货建议) per product × warehouse: demand over the lead time + safety stock − (available + incoming), rounded up to MOQ and pack size, with the reason',
    },
  }, async (req) => replenishmentSuggestions(db, req.query));

  app.post('/api/v1/replenishment/purchase-orders', {
    config: { access: 'purchasing:write' },
    schema: {
      tags, headers: idempotencyHeaders, body: draftOrdersInput, response: { 201: z.object({ orders: z.array(purchaseOrderView) }), 200: z.object({ orders: z.array(purchaseOrderView) }), ...errorResponses },
      summary: 'Draft purchase orders from selected suggestion rows, one per supplier, in one action',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => draftOrdersFromSuggestions(trx, actorOf(req), req.body, numbers)));
};
