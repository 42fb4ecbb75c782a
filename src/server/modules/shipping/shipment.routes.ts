import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { errorResponses, idempotencyHeaders, idParams, pageOf } from '../../platform/http-schemas.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { sortHelp } from '../../platform/list.js';
import * as carriers from './carrier.service.js';
import { allocate, getFulfilment, listFulfilmentQueue, queueSorts } from './fulfilment.service.js';
import * as packing from './packing.service.js';
import * as svc from './shipment.service.js';
import {
  carrierInput, carrierListQuery, carrierPatch, carrierView, fulfilmentQueueItem, fulfilmentQueueQuery, fulfilmentView, packageInput, packagePatch, packageView, packScanInput, packScanView,
  shipmentInput, shipmentListQuery, shipmentSummary, shipmentView,
} from './shipping.schemas.js';
import { ensureTrackingToken, trackingPath } from './tracking-token.js';

const tags = ['shipping'];
const responses = { ...errorResponses, 422: errorResponses[400] };

/** Carriers, an order's fulfilment (packing), packages and shipments. */
export const shipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, numbers } = app.deps.database;
  const secrets = app.deps.config.carrierSecrets;

  app.get('/api/v1/carriers', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'Carriers (快递公司), in list order', querystring: carrierListQuery, response: { 200: z.object({ items: z.array(carrierView) }), ...responses } },
  }, async (req) => ({ items: await carriers.listCarriers(db, secrets, req.query.status) }));
  app.get('/api/v1/carriers/:id', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'One carrier', params: idParams, response: { 200: carrierView, ...responses } },
  }, async (req) => carriers.toCarrierView(await carriers.carrierRow(db, req.params.id, 'id'), secrets));
  app.post('/api/v1/carriers', {
    config: { access: 'carriers:manage' },
    schema: { tags, summary: 'Add a carrier', body: carrierInput, response: { 201: carrierView, ...responses } },
  }, async (req, reply) => reply.status(201).send(await carriers.createCarrier(db, secrets, actorOf(req), req.body)));
  app.patch('/api/v1/carriers/:id', {
    config: { access: 'carriers:manage' },
    schema: { tags, summary: 'Change a carrier (name, adapter, transit days, callback secret)', params: idParams, body: carrierPatch, response: { 200: carrierView, ...responses } },
  }, async (req) => carriers.updateCarrier(db, secrets, actorOf(req), req.params.id, req.body));
  for (const [path, status] of [['deactivate', 'inactive'], ['activate', 'active']] as const) {
    app.post(`/api/v1/carriers/:id/${path}`, {
      config: { access: 'carriers:manage' },
      schema: { tags, summary: status === 'active' ? 'Activate a carrier' : 'Deactivate a carrier (no new shipments; callbacks still accepted)', params: idParams, response: { 200: carrierView, ...responses } },
    }, async (req) => carriers.setCarrierStatus(db, secrets, actorOf(req), req.params.id, status));
  }

  app.get('/api/v1/fulfillment/orders', {
    config: { access: 'sales:read' },
    schema: {
      tags, summary: 'Orders waiting in the warehouse, oldest first: stage=to_pack (待打包: picked, not all packed) or to_ship (待发货: packed, not shipped), with the warehouses the waiting lines are in',
      querystring: fulfilmentQueueQuery.extend({ sort: fulfilmentQueueQuery.shape.sort.describe(sortHelp(queueSorts)) }), response: { 200: pageOf(fulfilmentQueueItem), ...responses },
    },
  }, async (req) => listFulfilmentQueue(db, req.query));
  app.get('/api/v1/fulfillment/orders/:id', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'An order’s fulfilment: per line reserved, on pick lists, picked, packed, shipped, backordered; packages, shipments, tracking events', params: idParams, response: { 200: fulfilmentView, ...responses } },
  }, async (req) => getFulfilment(db, req.params.id));
  app.post('/api/v1/fulfillment/orders/:id/pack-scans', {
    config: { access: 'shipping:write' },
    schema: {
      tags, params: idParams, body: packScanInput, response: { 200: packScanView, ...responses },
      summary: 'Pack one scanned item (a pack-unit barcode counts its factor) against what is picked and not yet packed: 404 BARCODE_UNKNOWN, 422 PACK_WRONG_ITEM, 409 PACK_TOO_MANY; nothing written when refused',
    },
  }, async (req) => db.transaction().execute((trx) => packing.packScan(trx, actorOf(req), req.params.id, req.body)));
  app.post('/api/v1/fulfillment/orders/:id/packages', {
    config: { access: 'shipping:write' },
    schema: { tags, summary: 'Start a new package (box) for the order', params: idParams, body: packageInput, response: { 201: packageView, ...responses } },
  }, async (req, reply) => reply.status(201).send(await db.transaction().execute((trx) => packing.createPackage(trx, actorOf(req), req.params.id, req.body))));
  app.post('/api/v1/fulfillment/orders/:id/allocate', {
    config: { access: 'shipping:write' },
    schema: { tags, summary: 'Reserve what has arrived for the order’s backordered lines (so they can ship)', params: idParams, response: { 200: fulfilmentView, ...responses } },
  }, async (req) => db.transaction().execute((trx) => allocate(trx, actorOf(req), req.params.id)));
  app.post('/api/v1/fulfillment/orders/:id/tracking-link', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'The order’s customer tracking link (made on first use; also made by the first shipment)', params: idParams, response: { 200: z.object({ token: z.string(), path: z.string() }), ...responses } },
  }, async (req) => db.transaction().execute(async (trx) => {
    await getFulfilment(trx, req.params.id);
    const token = await ensureTrackingToken(trx, req.params.id);
    return { token, path: trackingPath(token) };
  }));

  app.patch('/api/v1/packages/:id', {
    config: { access: 'shipping:write' },
    schema: { tags, summary: 'Set a package’s weight (g) and size (mm)', params: idParams, body: packagePatch, response: { 200: packageView, ...responses } },
  }, async (req) => db.transaction().execute((trx) => packing.updatePackage(trx, actorOf(req), req.params.id, req.body)));
  app.delete('/api/v1/packages/:id', {
    config: { access: 'shipping:write' },
    schema: { tags, summary: 'Open an unshipped package up again (its items go back to picked)', params: idParams, response: { 204: z.null(), ...responses } },
  }, async (req, reply) => {
    await db.transaction().execute((trx) => packing.deletePackage(trx, actorOf(req), req.params.id));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/shipments', {
    config: { access: 'shipping:write' },
    schema: {
      tags, headers: idempotencyHeaders, body: shipmentInput, response: { 201: shipmentView, 200: shipmentView, ...responses },
      summary: 'Ship (发货/出库, CK-yyyymmdd-nnnn): stock out at moving-average cost and the order’s reservation released in one transaction; the order becomes partially_shipped or shipped. 409 SHIP_TOO_MANY, ORDER_STATE',
    },
  }, async (req, reply) => runIdempotent(db, req, reply, (trx) => svc.createShipment(trx, actorOf(req), req.body, numbers)));
  app.get('/api/v1/shipments', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'List shipments', querystring: shipmentListQuery.extend({ sort: shipmentListQuery.shape.sort.describe(sortHelp(svc.shipmentSorts)) }), response: { 200: pageOf(shipmentSummary), ...responses } },
  }, async (req) => svc.listShipments(db, req.query));
  app.get('/api/v1/shipments/:id', {
    config: { access: 'sales:read' },
    schema: { tags, summary: 'A shipment with lines, packages and tracking events', params: idParams, response: { 200: shipmentView, ...responses } },
  }, async (req) => svc.getShipment(db, req.params.id));
};
