import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillOrderIds } from '../../src/server/db/migrations/0017-outbox-order-id.js';
import { createDispatcher } from '../../src/server/modules/notify/index.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

// A stand-in for a WeCom group robot: records each request's JSON body and answers ok.
async function startRobot() {
  const received: Json[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body) as Json);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const daysFromToday = (n: number) => {
  const d = new Date(`${businessDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const zhDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

describe(`backorder notice to the customer, low stock to the staff robots, messages on the order timeline ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let smtp: TestSmtpServer;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  let w1: Json;
  let shop: Json;
  let acme: Json;
  const w = {
    ok: (res: { status: number; body: Json }) => {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    },
  };
  const product = async (sku: string, name: string) => (await admin.post('/api/v1/products', { sku, name, baseUnit: '个', listPrice: 5000, costPrice: 2000 })).body;
  const order = async (lines: Json[], extra: Json = {}) => {
    const res = await admin.post('/api/v1/sales-orders', { customerId: shop.id, confirm: true, lines, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const messages = async (topic: string) => t.db.selectFrom('outbox').select(['id', 'payload', 'orderId', 'status']).where('topic', '=', topic).orderBy('createdAt').execute();
  const drain = async () => {
    const d = createDispatcher(t.app.deps.database, t.config, { backoffMs: 100, smtpTimeoutMs: 2000 });
    try {
      while (await d.runOnce() > 0) { /* drain */ }
    } finally {
      await d.stop();
    }
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    robot = await startRobot();
    t = await createTestApp();
    admin = await t.setupAdmin();
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    acme = (await admin.post('/api/v1/suppliers', { code: 'S1', name: '箱包厂' })).body;
    shop = (await admin.post('/api/v1/customers', { code: 'C1', name: '小店', email: 'buyer@shop.test' })).body;
    const s = await admin.request('PUT', '/api/v1/settings/notifications', { host: '127.0.0.1', port: smtp.port, secure: false, from: '鑫源商贸 <shop@jxc.test>', shopName: '鑫源商贸' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const wecom = await admin.request('PUT', '/api/v1/notify-channels/wecom', { enabled: true, webhookUrl: robot.url });
    expect(wecom.status, JSON.stringify(wecom.body)).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await robot?.close();
  });

  it('an order confirmed short gets one backorder email with the purchase order’s date; a line with no purchase order says the date is not yet known', async () => {
    const bag = await product('BAG', '帆布包');
    const cup = await product('CUP', '保温杯');
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: bag.id, quantity: 2, unitCost: 2000 }] });
    // Another order already waits for 3 bags: this order's 5 short come after them, from the second purchase order.
    const first = await order([{ productId: bag.id, quantity: 5 }], { shortage: 'backorder' });
    expect(first.lines[0].backordered).toBe(3);
    const soon = daysFromToday(5);
    const later = daysFromToday(12);
    for (const [quantity, expectedDate] of [[4, soon], [10, later]] as const) {
      const po = await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, expectedDate, lines: [{ productId: bag.id, quantity, unitPrice: 2000 }] });
      expect(po.status, JSON.stringify(po.body)).toBe(201);
    }
    const o = await order([{ productId: bag.id, quantity: 5 }], { shortage: 'backorder' });
    expect(o.lines[0].backordered).toBe(5);

    const notices = await messages('order.backordered');
    expect(notices).toHaveLength(2);
    const mine = notices.find((m) => m.orderId === o.id)!;
    expect(JSON.parse(mine.payload)).toMatchObject({ number: o.number, restockDate: later, lines: [{ sku: 'BAG', quantity: 5, unit: '个', restockDate: later }] });

    const undated = await order([{ productId: cup.id, quantity: 2 }], { shortage: 'backorder' });
    await drain();
    const mails = smtp.received.filter((m) => m.subject.includes('缺货'));
    expect(mails.map((m) => m.subject).sort()).toEqual([first.number, o.number, undated.number].map((n) => `【鑫源商贸】订单 ${n} 部分商品暂时缺货`).sort());
    const mail = mails.find((m) => m.subject.includes(o.number))!;
    expect(mail.to).toEqual(['buyer@shop.test']);
    expect(mail.text).toContain(`· 帆布包，缺 5个，预计 ${zhDate(later)} 到货`);
    expect(mail.text).toContain(`以上商品预计 ${zhDate(later)} 前全部到货`);
    const unknown = mails.find((m) => m.subject.includes(undated.number))!;
    expect(unknown.text).toContain('· 保温杯，缺 2个，到货日期待定');
    expect(unknown.text).toContain('到货日期待定的商品我们正在加紧补货');
    expect(unknown.text).not.toContain('预计');
  });

  it('allocation from receipts does not send the backorder notice again; the order’s back-in-stock notice goes when its backorder is reserved, though nothing is left for others', async () => {
    const lamp = await product('LAMP', '台灯');
    const o = await order([{ productId: lamp.id, quantity: 4 }], { shortage: 'backorder' });
    w.ok(await admin.post('/api/v1/back-in-stock', { customerId: shop.id, productId: lamp.id, orderId: o.id }));
    const receive = async (quantity: number) => {
      const rk = await admin.post('/api/v1/purchase-receipts', { warehouseId: w1.id, supplierId: acme.id, lines: [{ productId: lamp.id, quantity, unitCost: 2000 }] });
      expect(rk.status, JSON.stringify(rk.body)).toBe(201);
    };
    await receive(2);
    expect(await messages('stock.back_in_stock')).toHaveLength(0); // half reserved, still waiting
    await receive(2);
    expect((await admin.get(`/api/v1/sales-orders/${o.id}`)).body.lines[0]).toMatchObject({ reserved: 4, backordered: 0 });
    expect((await admin.get('/api/v1/stock', { query: { productId: lamp.id, warehouseId: w1.id } })).body.items[0]).toMatchObject({ onHand: 4, reserved: 4 });
    expect((await messages('backorder.allocated')).filter((m) => m.orderId === o.id)).toHaveLength(2);
    expect((await messages('order.backordered')).filter((m) => m.orderId === o.id)).toHaveLength(1);
    const back = await messages('stock.back_in_stock');
    expect(back).toHaveLength(1);
    expect(back[0].orderId).toBe(o.id);
    expect(JSON.parse(back[0].payload)).toMatchObject({ orderNumber: o.number, available: 0 });
    await drain();
    expect(smtp.received.filter((m) => m.subject.includes(o.number) && m.subject.includes('缺货'))).toHaveLength(1);
    const mails = smtp.received.filter((m) => m.subject === '【鑫源商贸】您关注的 台灯 已到货');
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`您关注的商品 台灯（LAMP）已经到货，订单 ${o.number} 所需的数量已为您预留，我们会尽快为您发货。`);
    expect(mails[0].text).not.toContain('现有库存');
  });

  it('falling to the reorder point posts one low-stock message to the robot; selling more while low posts nothing; the next crossing posts again', async () => {
    const pen = await product('PEN', '中性笔');
    await admin.post('/api/v1/stock/opening', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: 100, unitCost: 100 }] });
    const rule = await admin.request('PUT', '/api/v1/reorder-rules', { productId: pen.id, warehouseId: w1.id, reorderPoint: 50, safetyStock: 10 });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    await order([{ productId: pen.id, quantity: 40 }]);
    expect(await messages('stock.low')).toHaveLength(0);
    for (const quantity of [15, 5, 5]) await order([{ productId: pen.id, quantity }]);
    const low = await messages('stock.low');
    expect(low).toHaveLength(1);
    expect(low[0].orderId).toBeNull();
    expect(JSON.parse(low[0].payload)).toMatchObject({ sku: 'PEN', warehouseName: '主仓库', available: 45, incoming: 0, reorderPoint: 50 });
    await drain();
    const posts = robot.received.filter((b) => String((b.markdown as Json)?.content).includes('中性笔'));
    expect(posts).toHaveLength(1);
    expect(posts[0].msgtype).toBe('markdown');
    expect((posts[0].markdown as Json).content).toMatch(/^### 库存预警：中性笔（主仓库）\n\n中性笔（PEN）在主仓库的可用量 45，在途 0，已低于再订货点 50。/);
    expect((await messages('stock.low'))[0].status).toBe('sent');

    // A purchase order lifts it above the point (the alert clears); a loss takes it down again: a new crossing, a new message.
    w.ok(await admin.post('/api/v1/purchase-orders', { supplierId: acme.id, submit: true, lines: [{ productId: pen.id, quantity: 30, unitPrice: 100 }] }));
    w.ok(await admin.post('/api/v1/stock/adjustments', { warehouseId: w1.id, lines: [{ productId: pen.id, quantity: -30, reason: '损坏' }] }));
    expect(await messages('stock.low')).toHaveLength(2);
    await drain();
    expect(robot.received.filter((b) => String((b.markdown as Json)?.content).includes('中性笔'))).toHaveLength(2);
  });

  it('the timeline lists an order’s messages by their order_id, which existing messages get from their payloads', async () => {
    const [notice] = await messages('order.backordered');
    const orderId = notice.orderId!;
    const tl: Json[] = w.ok(await admin.get(`/api/v1/sales-orders/${orderId}/timeline`));
    const sent = tl.filter((e) => e.kind === 'message').map((e) => [e.title.en, e.channel, e.recipient, e.status]);
    expect(sent).toEqual(expect.arrayContaining([['Message order.confirmed', 'email', 'buyer@shop.test', 'sent'], ['Message order.backordered', 'email', 'buyer@shop.test', 'sent']]));
    // A purchase receipt's payload names its purchase order as "orderId": not a sales order, no order_id.
    const receipts = await messages('purchase_receipt.posted');
    expect(receipts.length).toBeGreaterThan(0);
    expect(receipts.every((m) => m.orderId === null)).toBe(true);

    // Messages written before migration 0017: the column is filled from the payloads.
    const before = await t.db.selectFrom('outbox').select(['id', 'orderId']).orderBy('id').execute();
    await t.db.updateTable('outbox').set({ orderId: null }).execute();
    await t.db.insertInto('outbox').values({ id: 'zz-not-json', topic: 'order.confirmed', payload: '{"orderId":"x', dedupeKey: null, status: 'dead', attempts: 0, nextAttemptAt: '2026-01-01T00:00:00.000Z', lastError: null, createdAt: '2026-01-01T00:00:00.000Z', sentAt: null }).execute();
    await fillOrderIds(t.db);
    const after = await t.db.selectFrom('outbox').select(['id', 'orderId']).where('id', '!=', 'zz-not-json').orderBy('id').execute();
    expect(after).toEqual(before);
    expect(before.filter((m) => m.orderId === orderId).length).toBeGreaterThanOrEqual(2);
  });
});
