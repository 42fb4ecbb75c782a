import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`stock documents: refusals name every line, base unit on lines, kind filter ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let wh: Json;
  let pen: Json;
  let ink: Json;
  let pad: Json;
  let cup: Json;
  const en = { headers: { 'accept-language': 'en' } };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    wh = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库' })).body;
    pen = (await admin.post('/api/v1/products', { sku: 'PEN', name: '中性笔', baseUnit: '支', costPrice: 100 })).body;
    ink = (await admin.post('/api/v1/products', { sku: 'INK', name: '墨水', baseUnit: '瓶', costPrice: 500 })).body;
    pad = (await admin.post('/api/v1/products', { sku: 'PAD', name: '便签', baseUnit: '本', costPrice: 50 })).body;
    cup = (await admin.post('/api/v1/products', { sku: 'CUP', name: '水杯', costPrice: 900 })).body;
    const opening = await admin.post('/api/v1/stock/opening', {
      warehouseId: wh.id,
      lines: [{ productId: pen.id, quantity: 10, unitCost: 100 }, { productId: ink.id, quantity: 5, unitCost: 500 }, { productId: pad.id, quantity: 20, unitCost: 50 }],
    });
    expect(opening.status, JSON.stringify(opening.body)).toBe(201);
  });
  afterAll(() => t.close());

  it('names every short line of an adjustment as lines.N.quantity, in the caller’s language, writing nothing', async () => {
    const res = await admin.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id,
      lines: [
        { productId: pad.id, quantity: -1, reason: 'fits' },
        { productId: pen.id, quantity: -11, reason: 'too many pens' },
        { productId: ink.id, quantity: -3, reason: 'ink, part 1' },
        { productId: ink.id, quantity: -3, reason: 'ink, part 2' },
        { productId: cup.id, quantity: -1, reason: 'never had any' },
      ],
    }, en);
    expectError(res, 409, 'INSUFFICIENT_STOCK');
    expect(res.body.error.message).toBe('Not enough stock of PEN 中性笔 in 主仓库: 10 available, 11 needed');
    const details = res.body.error.details.map((d: Json) => [d.field, d.productId, d.available, d.requested, d.baseUnit, d.message]);
    expect(details).toEqual([
      ['lines.1.quantity', pen.id, 10, 11, '支', '10 available, 11 needed'],
      ['lines.2.quantity', ink.id, 5, 3, '瓶', "5 available, 6 needed by this document's lines of it"],
      ['lines.3.quantity', ink.id, 5, 3, '瓶', "5 available, 6 needed by this document's lines of it"],
      ['lines.4.quantity', cup.id, 0, 1, '个', '0 available, 1 needed'],
    ]);
    const zh = await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pen.id, quantity: -11, reason: 'x' }] });
    expect(zh.body.error.details[0]).toMatchObject({ field: 'lines.0.quantity', message: '可用 10，需要 11' });
    const stock = await admin.get('/api/v1/stock', { query: { warehouseId: wh.id, sort: 'sku' } });
    expect(stock.body.items.map((r: Json) => [r.sku, r.onHand])).toEqual([['INK', 5], ['PAD', 20], ['PEN', 10]]);
  });

  it('lets a gain in the same document cover a loss of the same product', async () => {
    const res = await admin.post('/api/v1/stock/adjustments', {
      warehouseId: wh.id, lines: [{ productId: ink.id, quantity: -7, reason: 'broken' }, { productId: ink.id, quantity: 2, reason: 'found', unitCost: 500 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.kind).toBe('mixed');
    expect((await admin.get('/api/v1/stock', { query: { productId: ink.id } })).body.items[0].onHand).toBe(0);
  });

  it('lists every line whose product already has movements when opening stock is refused', async () => {
    const res = await admin.post('/api/v1/stock/opening', {
      warehouseId: wh.id,
      lines: [{ productId: cup.id, quantity: 1, unitCost: 900 }, { productId: pen.id, quantity: 1, unitCost: 1 }, { productId: pad.id, quantity: 1, unitCost: 1 }],
    }, en);
    expectError(res, 409, 'OPENING_EXISTS');
    expect(res.body.error.message).toBe('PEN 中性笔 (and 1 more) already has stock movements in 主仓库; opening balances come first');
    expect(res.body.error.details.map((d: Json) => [d.field, d.productId, d.sku])).toEqual([['lines.1.productId', pen.id, 'PEN'], ['lines.2.productId', pad.id, 'PAD']]);
    const zh = await admin.post('/api/v1/stock/opening', { warehouseId: wh.id, lines: [{ productId: pad.id, quantity: 1, unitCost: 1 }, { productId: pen.id, quantity: 1, unitCost: 1 }] });
    expect(zh.body.error.message).toBe('PAD 便签 等 2 个商品 在「主仓库」已有库存流水，不能再录期初');
    expect((await admin.get('/api/v1/stock', { query: { productId: cup.id } })).body.items).toEqual([]);
  });

  it('shows the base unit on movements and on document lines, and in the OpenAPI document', async () => {
    const moves = await admin.get('/api/v1/stock/movements', { query: { productId: pen.id } });
    expect(moves.status).toBe(200);
    expect(moves.body.items[0]).toMatchObject({ sku: 'PEN', productName: '中性笔', baseUnit: '支' });
    const docs = await admin.get('/api/v1/stock/adjustments', { query: { kind: 'opening' } });
    const doc = await admin.get(`/api/v1/stock/adjustments/${docs.body.items[0].id}`);
    expect(doc.body.lines.map((l: Json) => [l.sku, l.productName, l.baseUnit]).sort()).toEqual([['INK', '墨水', '瓶'], ['PAD', '便签', '本'], ['PEN', '中性笔', '支']]);
    const spec = (await t.client().get('/api/openapi.json')).body;
    const ok = (path: string) => JSON.stringify(spec.paths[path].get.responses['200']);
    expect(ok('/api/v1/stock/movements')).toContain('baseUnit');
    expect(ok('/api/v1/stock/adjustments/{id}')).toContain('baseUnit');
  });

  it('filters documents by several kinds: comma-separated, repeated, or both; refuses an unknown kind on the field', async () => {
    await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pad.id, quantity: -1, reason: '破损' }] });
    await admin.post('/api/v1/stock/adjustments', { warehouseId: wh.id, lines: [{ productId: pad.id, quantity: 1, reason: '盘盈' }] });
    const kinds = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${admin.cookie}` } });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Json[]).map((d) => d.kind).sort();
    };
    expect(await kinds('/api/v1/stock/adjustments')).toEqual(['gain', 'loss', 'mixed', 'opening']);
    expect(await kinds('/api/v1/stock/adjustments?kind=loss')).toEqual(['loss']);
    expect(await kinds('/api/v1/stock/adjustments?kind=gain,loss')).toEqual(['gain', 'loss']);
    expect(await kinds('/api/v1/stock/adjustments?kind=gain&kind=opening')).toEqual(['gain', 'opening']);
    expect(await kinds('/api/v1/stock/adjustments?kind=gain,mixed&kind=opening')).toEqual(['gain', 'mixed', 'opening']);
    const bad = await admin.get('/api/v1/stock/adjustments', { query: { kind: 'gain,theft' }, ...en });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'kind', in: 'querystring', message: 'Unknown kind: theft (use gain, loss, mixed, opening)' })]);
  });
});
