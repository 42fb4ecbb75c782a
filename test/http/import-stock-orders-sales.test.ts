import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp, type TestClient } from '../support/index.js';

const file = (content: string) => ({ name: 'orders.csv', content, type: 'text/csv' });
const header = 'Order no,Customer,Order date,SKU,Quantity,Unit,Unit price,Discount (%),Warehouse,Requested date,Notes,Ship date';

describe(`imports: sales orders ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let clerk: TestClient;
  let w1: Json;
  let w2: Json;
  const ids: Record<string, string> = {};
  const orders = async () => (await admin.get('/api/v1/sales-orders', { query: { pageSize: 500 } })).body;
  const available = async () => {
    const rows: Json[] = (await admin.get('/api/v1/stock', { query: { pageSize: 500 } })).body.items;
    return Object.fromEntries(rows.map((r) => [`${r.sku}@${r.warehouseName}`, r.available]));
  };
  const counts = async () => ({
    orders: (await orders()).total,
    movements: Number((await t.db.selectFrom('stockMovements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    reservations: Number((await t.db.selectFrom('stockReservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    clerk = await t.loginAs('sales');
    w1 = (await admin.post('/api/v1/warehouses', { code: 'W1', name: '主仓库', isDefault: true })).body;
    w2 = (await admin.post('/api/v1/warehouses', { code: 'W2', name: '门店仓' })).body;
    for (const p of [
      { sku: 'COLA', name: '可乐', baseUnit: '瓶', units: [{ name: '箱', factor: 24 }], barcodes: [{ barcode: '16901234567899', unit: '箱' }], listPrice: 350, wholesalePrice: 300 },
      { sku: 'TEA', name: '绿茶', baseUnit: '瓶', listPrice: 400, taxRate: 9 },
      { sku: 'MILK', name: '牛奶', baseUnit: '盒', listPrice: 500 },
    ]) ids[p.sku] = (await admin.post('/api/v1/products', p)).body.id;
    await admin.post('/api/v1/customers', { code: 'C1', name: '便利店' });
    await admin.post('/api/v1/customers', { code: 'C2', name: '批发商', priceTier: 'wholesale' });
    const opening = '仓库,商品编码,数量,单位成本\nW1,COLA,100,2.00\nW1,TEA,20,2.50\nW1,MILK,10,3.00\nW2,TEA,8,2.50\n';
    expect((await admin.upload('/api/v1/imports/opening-stock/commit', { name: 'o.csv', content: opening })).body).toMatchObject({ created: 2 });
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.db.deleteFrom('approvalRules').execute();
  });

  it('3 orders from 7 rows with confirm: every line reserved, numbered SO-…, the file’s order numbers kept; preview writes nothing', async () => {
    const csv = [
      header,
      'A-1,C1,,COLA,10,,,,,,first order,', // 2
      'A-1,,,TEA,2,,,,,,,', // 3
      'A-2,C2,,16901234567899,1,,,,,2030-01-10,,', // 4 a case of COLA by its case barcode, wholesale price × 24
      'A-2,C2,,MILK,3,,4.50,10,,,,', // 5
      'A-1,,,MILK,1,,,,W1,,,', // 6
      'A-3,C1,,TEA,5,,,,门店仓,,,', // 7
      'A-3,,,COLA,2,,3.00,,,,,', // 8
    ].join('\n');
    const before = await available();
    const preview = await clerk.upload('/api/v1/imports/sales-orders/preview', file(csv), { confirm: 'true' }, { lang: 'en' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ entity: 'sales-orders', errors: [], totalRows: 7, validRows: 7, toCreate: 3 });
    expect(preview.body.documents.map((d: Json) => [d.ref, d.status, d.rows])).toEqual([['A-1', 'confirmed', [2, 3, 6]], ['A-2', 'confirmed', [4, 5]], ['A-3', 'confirmed', [7, 8]]]);
    expect(await counts()).toMatchObject({ orders: 0, reservations: 0 });
    expect(await available()).toEqual(before);

    const commit = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), { confirm: 'true' }, { lang: 'en' });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body).toMatchObject({ created: 3, updated: 0 });
    const docs: Json[] = commit.body.documents;
    expect(docs.map((d) => [d.ref, d.status])).toEqual([['A-1', 'confirmed'], ['A-2', 'confirmed'], ['A-3', 'confirmed']]);
    for (const d of docs) expect(d.number).toMatch(/^SO-\d{8}-\d{4}$/);
    expect(new Set(docs.map((d) => d.number)).size).toBe(3);

    const list = await orders();
    expect(list.total).toBe(3);
    const byRef = Object.fromEntries(await Promise.all(docs.map(async (d) => [d.ref, (await admin.get(`/api/v1/sales-orders/${list.items.find((o: Json) => o.number === d.number).id}`)).body])));
    expect(byRef['A-1']).toMatchObject({ status: 'confirmed', source: 'import', customerName: '便利店', notes: 'first order', warehouseId: w1.id });
    expect(byRef['A-1'].lines.map((l: Json) => [l.sku, l.quantity, l.unitPrice, l.reserved])).toEqual([['COLA', 10, 350, 10], ['TEA', 2, 400, 2], ['MILK', 1, 500, 1]]);
    expect(byRef['A-2']).toMatchObject({ requestedDate: '2030-01-10', customerName: '批发商' });
    expect(byRef['A-2'].lines.map((l: Json) => [l.sku, l.unitName, l.quantity, l.baseQuantity, l.unitPrice, l.discountBp, l.reserved])).toEqual([
      ['COLA', '箱', 1, 24, 7200, 0, 24],
      ['MILK', '盒', 3, 3, 450, 1000, 3],
    ]);
    // 3 × 4.50 = 13.50, 10% off = 1.35 → 12.15; plus 72.00
    expect(byRef['A-2'].total).toBe(7200 + 1215);
    expect(byRef['A-3'].lines.map((l: Json) => [l.sku, l.warehouseId, l.unitPrice, l.reserved])).toEqual([['TEA', w2.id, 400, 5], ['COLA', w1.id, 300, 2]]);
    expect(docs.map((d) => d.amount)).toEqual(['A-1', 'A-2', 'A-3'].map((r) => byRef[r].total));

    expect(await available()).toEqual({ ...before, 'COLA@主仓库': 100 - 10 - 24 - 2, 'TEA@主仓库': 20 - 2, 'MILK@主仓库': 10 - 1 - 3, 'TEA@门店仓': 8 - 5 });
    expect((await admin.get('/api/v1/admin/verify-stock')).body.ok).toBe(true);
    const stored = await t.db.selectFrom('salesOrders').select(['number', 'externalRef', 'orderDate', 'shippedDate']).orderBy('externalRef').execute();
    expect(stored).toEqual(docs.map((d) => ({ number: d.number, externalRef: d.ref, orderDate: businessDate(), shippedDate: null })));
  });

  it('one bad row: 422 listing it with its row number, and no order is written', async () => {
    const csv = [header, 'B-1,C1,,COLA,1,,,,,,,', 'B-1,,,TEA,1,,,,,,,', 'B-2,C1,,NOPE,1,,,,,,,', 'B-3,C2,,MILK,1,,,,,,,'].join('\n');
    const before = { ...(await counts()), stock: await available() };
    const res = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), { confirm: 'true' }, { lang: 'en' });
    expectError(res, 422, 'IMPORT_HAS_ERRORS');
    expect(res.body.error.details).toEqual([{ row: 4, column: 'SKU', field: 'sku', message: 'No product with SKU or barcode "NOPE"' }]);
    expect({ ...(await counts()), stock: await available() }).toEqual(before);
  });

  it('every problem of a file at once: a shortage, disagreeing rows, a bad unit, bad cells; nothing written', async () => {
    const csv = [
      header,
      'D-1,C1,,TEA,1,,,,门店仓,,,', // 2 fine on its own
      'D-1,,,TEA,999,,,,W1,,,', // 3 short in W1
      'D-2,C1,2024-01-02,COLA,1,,,,,,,', // 4 customer disagrees with row 5
      'D-2,C2,,COLA,1,,,,,,,', // 5
      'D-3,C1,,MILK,1,箱,,,,,,', // 6 MILK has no 箱
      'D-4,C1,,COLA,1.5,,,,,,,', // 7 fractional quantity
      'D-4,C1,,COLA,1,,1.234,120,W9,,,', // 8 three decimals, discount over 100, unknown warehouse
      'D-5,,,COLA,1,,,,,,,', // 9 no customer at all
      ',C1,,COLA,1,,,,,,,', // 10 no order number
    ].join('\n');
    const before = { ...(await counts()), stock: await available() };
    const res = await clerk.upload('/api/v1/imports/sales-orders/preview', file(csv), { confirm: 'true' }, { lang: 'en' });
    const errors: Json[] = res.body.errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'quantity'], [4, 'customer'], [5, 'customer'], [6, 'unit'], [7, 'quantity'], [8, 'unitPrice'], [8, 'discountPercent'], [8, 'warehouse'], [9, 'customer'], [10, 'orderNo'],
    ]);
    expect(errors[0].message).toBe(`Not enough stock: ${before.stock['TEA@主仓库']} available, 999 needed`);
    expect(errors[1].message).toBe('Rows of order "D-2" disagree on the customer (4: C1; 5: C2)');
    expect(errors[3].message).toBe('Product "牛奶" has no unit "箱"');
    expect(errors[8].message).toBe('Order "D-5": the customer code is missing');
    expect(res.body).toMatchObject({ totalRows: 9, validRows: 1, toCreate: 0 });
    const commit = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), { confirm: 'true' }, { lang: 'en' });
    expectError(commit, 422, 'IMPORT_HAS_ERRORS');
    expect(commit.body.error.details).toEqual(errors);
    expect({ ...(await counts()), stock: await available() }).toEqual(before);
  });

  it('with shortage=backorder a short order imports confirmed: what is there reserved, the rest backordered, purchasing alerted', async () => {
    const stock = await available();
    const have = stock['TEA@主仓库'];
    const csv = [header, `E-1,C1,,TEA,${have + 5},,,,W1,,,`, 'E-1,,,COLA,1,,,,W1,,,'].join('\n');
    const res = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), { confirm: 'true', shortage: 'backorder' }, { lang: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const order = (await admin.get('/api/v1/sales-orders', { query: { q: res.body.documents[0].number } })).body.items[0];
    const full = (await admin.get(`/api/v1/sales-orders/${order.id}`)).body;
    expect(full.status).toBe('confirmed');
    expect(full.lines.map((l: Json) => [l.sku, l.reserved, l.backordered])).toEqual([['TEA', have, 5], ['COLA', 1, 0]]);
    expect((await available())['TEA@主仓库']).toBe(0);
    const alerts = (await admin.get('/api/v1/alerts', { query: { pageSize: 50 } })).body.items;
    // One open shortage alert per product and warehouse (an earlier shortage may have raised it already).
    expect(alerts.some((a: Json) => a.kind === 'shortage' && a.entityId === full.lines[0].productId && a.status === 'open')).toBe(true);
    expect((await admin.post(`/api/v1/sales-orders/${order.id}/cancel`, {})).status).toBe(200);
  });

  it('without confirm, orders are drafts and reserve nothing; a confirm column decides per order', async () => {
    const csv = 'Order no,Customer,SKU,Quantity,Confirm\nE-1,C1,COLA,1,\nE-2,C1,COLA,2,yes\n';
    const before = await available();
    const res = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv));
    expect(res.body.documents.map((d: Json) => [d.ref, d.status])).toEqual([['E-1', 'draft'], ['E-2', 'confirmed']]);
    expect(await available()).toEqual({ ...before, 'COLA@主仓库': before['COLA@主仓库'] - 2 });
  });

  it('approval rules apply as through the API: a tripped rule holds the imported order for approval, nothing reserved', async () => {
    await admin.post('/api/v1/approval-rules', { name: '大单', kind: 'total_over', threshold: 5000, approverRole: 'finance' });
    const csv = 'Order no,Customer,SKU,Quantity\nF-1,C1,MILK,2\nF-2,C1,MILK,20\nF-2,,TEA,1\n';
    const before = await available();
    const res = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), { confirm: 'true' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.documents.map((d: Json) => [d.ref, d.status])).toEqual([['F-1', 'confirmed'], ['F-2', 'pending_approval']]);
    expect(await available()).toEqual({ ...before, 'MILK@主仓库': before['MILK@主仓库'] - 2 });
    const held = (await admin.get('/api/v1/sales-orders', { query: { status: 'pending_approval' } })).body.items;
    expect(held).toEqual([expect.objectContaining({ number: res.body.documents[1].number, approvalRole: 'finance' })]);
  });

  it('history: orders with a ship date import closed, with their dates, and move no stock; importing them again is refused', async () => {
    const csv = [
      header,
      'H-1,C1,2024-01-05,COLA,5,,,,,,old,2024-01-08',
      'H-1,,,TEA,100,,3.99,5,,,,', // more than there is in stock: history does not touch stock
      'H-2,C2,2023/12/30,MILK,2,,,,W1,2024-01-02,,2024-01-03',
    ].join('\n');
    const before = { ...(await counts()), stock: await available() };
    const res = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), { confirm: 'true' }, { lang: 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.documents.map((d: Json) => [d.ref, d.status, d.rows])).toEqual([['H-1', 'closed', [2, 3]], ['H-2', 'closed', [4]]]);
    // 100 × 3.99 = 399.00, 5% off = 19.95 → 379.05; plus 5 × 3.50
    expect(res.body.documents[0].amount).toBe(37905 + 1750);
    expect({ ...(await counts()), stock: await available() }).toEqual({ ...before, orders: before.orders + 2 });
    expect((await admin.get('/api/v1/admin/verify-stock')).body.ok).toBe(true);

    const rows = await t.db.selectFrom('salesOrders').select(['id', 'number', 'status', 'orderDate', 'shippedDate', 'externalRef', 'source', 'requestedDate']).where('externalRef', 'in', ['H-1', 'H-2']).orderBy('externalRef').execute();
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      { number: res.body.documents[0].number, status: 'closed', orderDate: '2024-01-05', shippedDate: '2024-01-08', externalRef: 'H-1', source: 'import', requestedDate: null },
      { number: res.body.documents[1].number, status: 'closed', orderDate: '2023-12-30', shippedDate: '2024-01-03', externalRef: 'H-2', source: 'import', requestedDate: '2024-01-02' },
    ]);
    const lines = (await admin.get(`/api/v1/sales-orders/${rows[0].id}`)).body.lines;
    expect(lines.map((l: Json) => [l.sku, l.baseQuantity, l.reserved, l.shipped, l.backordered])).toEqual([['COLA', 5, 0, 5, 0], ['TEA', 100, 0, 100, 0]]);
    const audit = (await admin.get('/api/v1/audit-log', { query: { entity: 'salesOrder', entityId: rows[0].id } })).body.items;
    expect(audit.map((a: Json) => a.action).sort()).toEqual(['create', 'update']);

    const again = await clerk.upload('/api/v1/imports/sales-orders/commit', file(csv), {}, { lang: 'en' });
    expectError(again, 422, 'IMPORT_HAS_ERRORS');
    expect(again.body.error.details.map((e: Json) => [e.row, e.field, e.message])).toEqual([
      [2, 'orderNo', `Order "H-1" was already imported as ${rows[0].number}`],
      [3, 'orderNo', `Order "H-1" was already imported as ${rows[0].number}`],
      [4, 'orderNo', `Order "H-2" was already imported as ${rows[1].number}`],
    ]);
  });

  it('history dates: a ship date needs an order date, is not in the future nor before the order date', async () => {
    const csv = [header, 'J-1,C1,,COLA,1,,,,,,,2024-01-08', 'J-2,C1,2024-01-05,COLA,1,,,,,,,2999-01-01', 'J-3,C1,2024-01-05,COLA,1,,,,,,,2024-01-04', 'J-4,C1,2999-01-01,COLA,1,,,,,,,', 'J-5,C1,2024-02-30,COLA,1,,,,,,,'].join('\n');
    const res = await clerk.upload('/api/v1/imports/sales-orders/preview', file(csv), {}, { lang: 'en' });
    expect(res.body.errors.map((e: Json) => [e.row, e.field, e.message])).toEqual([
      [2, 'orderDate', 'Order "J-1": a historical order (with a ship date) needs its order date'],
      [3, 'shipDate', 'Order "J-2": ship date 2999-01-01 is after today; leave it empty for orders not shipped yet'],
      [4, 'shipDate', 'Order "J-3": ship date 2024-01-04 is before the order date 2024-01-05'],
      [5, 'orderDate', 'Order "J-4": order date 2999-01-01 is after today'],
      [6, 'orderDate', 'There is no date "2024-02-30"'],
    ]);
  });

  it('form fields and permissions: confirm must be yes/no, mode upsert is refused, a warehouse clerk may not import orders', async () => {
    const csv = 'Order no,Customer,SKU,Quantity\nK-1,C1,COLA,1\n';
    const bad = await clerk.upload('/api/v1/imports/sales-orders/preview', file(csv), { confirm: 'maybe' }, { lang: 'en' });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.error.details).toEqual([{ field: 'confirm', message: 'must be true or false' }]);
    expectError(await clerk.upload('/api/v1/imports/sales-orders/preview', file(csv), { mode: 'upsert' }), 400, 'VALIDATION_FAILED');
    expectError(await (await t.loginAs('warehouse')).upload('/api/v1/imports/sales-orders/commit', file(csv)), 403, 'FORBIDDEN');
  });
});
