import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/schema.js';
import { customerInput, supplierInput } from '../../src/server/modules/partners/index.js';
import { productInput } from '../../src/server/modules/catalog/index.js';
import { DemoRefusedError, generateDemoData, isValidEan13, seedDemo, type DemoCounts } from '../../src/server/modules/demo/index.js';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';

describe('demo data generator (pure)', () => {
  it('gives the same business for the same seed, and another for another seed', () => {
    expect(generateDemoData()).toEqual(generateDemoData());
    expect(generateDemoData(7).products.map((p) => p.name)).not.toEqual(generateDemoData().products.map((p) => p.name));
  });

  it('produces input that the API schemas accept as it is', () => {
    const d = generateDemoData(42);
    for (const { categoryPath: _c, ...p } of d.products) expect(productInput.safeParse(p).success).toBe(true);
    for (const c of d.customers) expect(customerInput.safeParse(c).success).toBe(true);
    for (const s of d.suppliers) expect(supplierInput.safeParse({ ...s, products: s.products.map(({ sku, ...sp }) => ({ ...sp, productId: sku })) }).success).toBe(true);
  });
});

describe(`seedDemo ${dialectLabel}`, () => {
  let t: TestApp;
  let counts: DemoCounts;
  let seconds: number;
  const count = async (table: keyof Database) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp();
    const started = Date.now();
    counts = await seedDemo(t.db);
    seconds = (Date.now() - started) / 1000;
  });
  afterAll(() => t.close());

  it('writes a small business: 200 products, 50 customers, 10 suppliers, 2 warehouses', async () => {
    expect(counts).toMatchObject({ products: 200, customers: 50, suppliers: 10, warehouses: 2 });
    const inDb = {
      categories: await count('categories'), products: await count('products'), barcodes: await count('productBarcodes'),
      customers: await count('customers'), suppliers: await count('suppliers'), supplierProducts: await count('supplierProducts'),
      warehouses: await count('warehouses'), bins: await count('bins'),
    };
    expect(inDb).toEqual(counts);
    expect(counts.barcodes).toBeGreaterThan(200);
    expect(seconds).toBeLessThan(15);
  });

  it('gives every barcode a valid EAN-13 check digit under 69…, and no barcode twice', async () => {
    const codes = (await t.db.selectFrom('productBarcodes').select(['barcode', 'unitId']).execute());
    expect(new Set(codes.map((c) => c.barcode)).size).toBe(codes.length);
    for (const { barcode } of codes) {
      expect(barcode).toMatch(/^69\d{11}$/);
      expect(isValidEan13(barcode), barcode).toBe(true);
    }
    const products = await t.db.selectFrom('products').select('id').execute();
    const withBase = new Set(codes.filter((c) => c.unitId === null).map((c) => c.barcode));
    expect(withBase.size).toBe(products.length);
    expect(codes.filter((c) => c.unitId !== null).length).toBeGreaterThan(30);
  });

  it('prices make sense (cost < wholesale < list), tax is 13 or 9, pack factors are whole', async () => {
    const products = await t.db.selectFrom('products').selectAll().execute();
    for (const p of products) {
      expect(p.costPrice, p.sku).toBeGreaterThan(0);
      expect(p.costPrice, p.sku).toBeLessThan(p.wholesalePrice!);
      expect(p.wholesalePrice!, p.sku).toBeLessThan(p.listPrice);
      expect([9, 13]).toContain(p.taxRate);
      expect(p.name).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(products.filter((p) => p.taxRate === 9).length).toBeGreaterThan(0);
    expect([...new Set(products.map((p) => p.baseUnit))]).toEqual(expect.arrayContaining(['瓶', '包', '支', '个', '盒']));
    const units = await t.db.selectFrom('productUnits').select(['name', 'factor']).execute();
    for (const u of units) expect(Number.isInteger(u.factor) && u.factor >= 2).toBe(true);
    expect(units.some((u) => u.name === '箱' && u.factor === 24)).toBe(true);
  });

  it('puts every product in a second-level category of four top-level ones', async () => {
    const cats = await t.db.selectFrom('categories').select(['id', 'parentId', 'name']).execute();
    const tops = cats.filter((c) => c.parentId === null);
    expect(tops.map((c) => c.name).sort()).toEqual(['家居清洁', '文具办公', '日用百货', '食品饮料'].sort());
    const leaves = new Set(cats.filter((c) => c.parentId !== null && tops.some((x) => x.id === c.parentId)).map((c) => c.id));
    expect(leaves.size).toBe(cats.length - 4);
    const products = await t.db.selectFrom('products').select('categoryId').execute();
    for (const p of products) expect(leaves.has(p.categoryId!)).toBe(true);
  });

  it('codes customers C0001… and suppliers S001…, with phones, addresses and terms', async () => {
    const customers = await t.db.selectFrom('customers').selectAll().orderBy('code').execute();
    expect(customers[0].code).toBe('C0001');
    expect(customers[49].code).toBe('C0050');
    for (const c of customers) {
      const addresses = JSON.parse(c.addresses) as Json[];
      expect(addresses.filter((a) => a.isDefault)).toHaveLength(1);
      expect(addresses[0]).toMatchObject({ province: expect.any(String), city: expect.any(String), district: expect.any(String) });
      expect(c.phone).toMatch(/^13\d{9}$/);
      expect(['retail', 'wholesale', 'vip']).toContain(c.priceTier);
    }
    expect(new Set(customers.map((c) => c.name)).size).toBe(50);
    expect(new Set(customers.map((c) => c.priceTier)).size).toBe(3);
    const suppliers = await t.db.selectFrom('suppliers').select(['code', 'leadTimeDays']).orderBy('code').execute();
    expect(suppliers.map((s) => s.code)).toEqual(Array.from({ length: 10 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`));
  });

  it('lists supplier products at the product’s cost, and every product has a supplier', async () => {
    const rows = await t.db.selectFrom('supplierProducts as sp').innerJoin('products as p', 'p.id', 'sp.productId').select(['sp.price', 'p.costPrice', 'sp.supplierSku', 'p.id']).execute();
    for (const r of rows) expect(r.price).toBe(r.costPrice);
    expect(rows.every((r) => r.supplierSku)).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(200);
  });

  it('makes 主仓库 the one default warehouse, with bins A-01-01…', async () => {
    const ws = await t.db.selectFrom('warehouses').selectAll().orderBy('code').execute();
    expect(ws.map((w) => [w.name, w.isDefault])).toEqual([['主仓库', 1], ['门店仓', 0]]);
    const bins = await t.db.selectFrom('bins').select(['code', 'warehouseId']).where('warehouseId', '=', ws[0].id).orderBy('sortOrder').execute();
    expect(bins[0].code).toBe('A-01-01');
    expect(bins.length).toBeGreaterThan(await count('bins') - bins.length);
  });

  it('records every row in the audit log as the system actor "demo"', async () => {
    const rows = await t.db.selectFrom('auditLog').select(['actorType', 'actorName', 'actorId', 'action', 'entity']).execute();
    expect(rows.length).toBe(counts.categories + counts.products + counts.customers + counts.suppliers + counts.warehouses);
    for (const r of rows) expect(r).toMatchObject({ actorType: 'system', actorName: 'demo', actorId: null, action: 'create' });
  });

  it('is usable through the API: lists, search and barcode lookup', async () => {
    const admin: TestClient = await t.setupAdmin();
    expect((await admin.get('/api/v1/products')).body.total).toBe(200);
    expect((await admin.get('/api/v1/customers', { query: { tag: '超市' } })).body.total).toBeGreaterThan(0);
    const pack = await t.db.selectFrom('productBarcodes as b').innerJoin('productUnits as u', 'u.id', 'b.unitId').select(['b.barcode', 'u.name', 'u.factor']).executeTakeFirstOrThrow();
    const found = await admin.get('/api/v1/products/lookup', { query: { code: pack.barcode } });
    expect(found.body).toMatchObject({ unitName: pack.name, factor: pack.factor, matchedBy: 'barcode' });
  });

  it('refuses a second run and writes nothing', async () => {
    const before = [await count('products'), await count('auditLog')];
    const err = await seedDemo(t.db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DemoRefusedError);
    expect((err as DemoRefusedError).existing).toEqual({ products: 200, customers: 50, suppliers: 10, warehouses: 2 });
    expect((err as Error).message).toContain('only fills an empty database');
    expect([await count('products'), await count('auditLog')]).toEqual(before);
  });
});

describe(`seedDemo on a database with any master data ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses when there is only one warehouse, and leaves it alone', async () => {
    const admin = await t.setupAdmin();
    await admin.post('/api/v1/warehouses', { code: 'MINE', name: '我的仓库' });
    await expect(seedDemo(t.db)).rejects.toThrow(/1 warehouses/);
    expect(await t.db.selectFrom('categories').select('id').execute()).toEqual([]);
    expect((await t.db.selectFrom('warehouses').select('code').execute()).map((w) => w.code)).toEqual(['MINE']);
  });
});
