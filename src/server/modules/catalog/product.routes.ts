import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/access.js';
import { EXPORT_LIMIT, sendExport, type ExportColumn } from '../../platform/export.js';
import { errorResponses, idParams, pageOf } from '../../platform/http-schemas.js';
import { lifecycleRoutes } from '../../platform/lifecycle-routes.js';
import { sortHelp } from '../../platform/list.js';
import { renderBarcode } from './barcode.service.js';
import { lookupQuery, lookupReply, productExportQuery, productInput, productListQuery, productPatch, productView, type ProductView } from './product.schemas.js';
import * as svc from './product.service.js';

const tags = ['products'];

export const productExportColumns: ExportColumn<ProductView>[] = [
  { key: 'sku', zh: '编码', en: 'SKU' },
  { key: 'name', zh: '名称', en: 'Name', width: 30 },
  { key: 'spec', zh: '规格', en: 'Spec' },
  { key: 'model', zh: '型号', en: 'Model' },
  { key: 'categoryName', zh: '类别', en: 'Category' },
  { key: 'brand', zh: '品牌', en: 'Brand' },
  { key: 'baseUnit', zh: '基本单位', en: 'Base unit' },
  { key: 'units', zh: '辅助单位', en: 'Pack units', value: (p) => p.units.map((u) => `${u.name}=${u.factor}`).join(';') },
  { key: 'barcodes', zh: '条码', en: 'Barcodes', value: (p) => p.barcodes.map((b) => (b.unitId ? `${b.barcode}@${b.unitName}` : b.barcode)).join(';') },
  { key: 'listPrice', zh: '零售价', en: 'List price', money: true },
  { key: 'wholesalePrice', zh: '批发价', en: 'Wholesale price', money: true },
  { key: 'costPrice', zh: '成本价', en: 'Cost price', money: true },
  { key: 'taxRate', zh: '税率(%)', en: 'Tax rate (%)' },
  { key: 'attributes', zh: '属性', en: 'Attributes', value: (p) => p.attributes.map((a) => `${a.key}:${a.value}`).join(';') },
  { key: 'status', zh: '状态', en: 'Status' },
];

/** Products: list, detail, create, edit, delete/deactivate, lookup by barcode, export, barcode images. */
export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get('/api/v1/products', {
    config: { access: 'catalog:read' },
    schema: { tags, summary: 'List products (search SKU, name, spec, brand, barcode)', querystring: productListQuery.extend({ sort: productListQuery.shape.sort.describe(sortHelp(svc.productSorts)) }), response: { 200: pageOf(productView), ...errorResponses } },
  }, async (req) => svc.listProducts(db, req.query));

  app.get('/api/v1/products/export', {
    config: { access: 'catalog:read' },
    schema: { tags, summary: 'Export the filtered product list as .xlsx or .csv', querystring: productExportQuery, response: { ...errorResponses } },
  }, async (req, reply) => {
    const { items } = await svc.listProducts(db, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendExport(reply, { rows: items, columns: productExportColumns, format: req.query.format, locale: req.locale, name: req.locale === 'en' ? 'products' : '商品' });
  });

  app.get('/api/v1/products/lookup', {
    config: { access: 'catalog:read' },
    schema: { tags, summary: 'Find a product by scanned barcode (with its pack unit) or SKU', querystring: lookupQuery, response: { 200: lookupReply, ...errorResponses } },
  }, async (req) => svc.lookupProduct(db, req.query.code));

  app.post('/api/v1/products', {
    config: { access: 'catalog:write' },
    schema: { tags, summary: 'Create a product', body: productInput, response: { 201: productView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await svc.createProduct(db, actorOf(req), req.body)));

  app.get('/api/v1/products/:id', {
    config: { access: 'catalog:read' },
    schema: { tags, summary: 'Get a product', params: idParams, response: { 200: productView, ...errorResponses } },
  }, async (req) => svc.getProduct(db, req.params.id));

  app.patch('/api/v1/products/:id', {
    config: { access: 'catalog:write' },
    schema: { tags, summary: 'Change a product; units or barcodes given replace the whole set', params: idParams, body: productPatch, response: { 200: productView, ...errorResponses } },
  }, async (req) => svc.updateProduct(db, actorOf(req), req.params.id, req.body));

  await app.register(lifecycleRoutes({ path: '/api/v1/products', entity: 'product', table: 'products', access: 'catalog:write', tags, view: productView, get: svc.getProduct }));

  app.get('/api/v1/barcodes/render', {
    config: { access: 'catalog:read' },
    schema: {
      tags, summary: 'Barcode or QR code image (PNG)',
      querystring: z.strictObject({ text: z.string().min(1).max(500), type: z.enum(['code128', 'ean13', 'qrcode']).default('code128'), scale: z.coerce.number().int().min(1).max(8).default(3) }),
      response: { ...errorResponses },
    },
  }, async (req, reply) => {
    const png = await renderBarcode(req.query.text, req.query.type, req.query.scale);
    return reply.type('image/png').header('cache-control', 'private, max-age=86400').send(png as never);
  });
};
