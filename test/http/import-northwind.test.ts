import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, type Json, type TestApp, type TestClient } from '../support/index.js';
import { northwindCsv, northwindFile } from '../support/northwind.js';

const file = northwindFile;
const csv = northwindCsv;

const mappings = {
  suppliers: { code: 'SupplierID', name: 'CompanyName', contactName: 'ContactName', phone: 'Phone', address: ['Address', 'City', 'Region', 'PostalCode', 'Country'] },
  products: { sku: 'ProductID', name: 'ProductName', spec: 'QuantityPerUnit', listPrice: 'UnitPrice' },
  customers: { code: 'CustomerID', name: 'CompanyName', contactName: 'ContactName', phone: 'Phone', address: 'Address', city: 'City', province: 'Region', postalCode: 'PostalCode', country: 'Country' },
};

describe(`imports: the Northwind sample data through the import API ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const all = async (entity: string) => (await admin.get(`/api/v1/${entity}`, { query: { pageSize: 500 } })).body;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it.each(['suppliers', 'products', 'customers'] as const)('%s: preview is clean, commit creates one record per CSV row', async (entity) => {
    const expected = csv(entity).length;
    expect(expected).toBeGreaterThan(20);
    const preview = await admin.upload(`/api/v1/imports/${entity}/preview`, { name: `${entity}.csv`, content: file(entity), type: 'text/csv' }, { mode: 'create', mapping: JSON.stringify(mappings[entity]) }, { lang: 'en' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ errors: [], totalRows: expected, validRows: expected, toCreate: expected, toUpdate: 0 });
    const commit = await admin.upload(`/api/v1/imports/${entity}/commit`, { name: `${entity}.csv`, content: file(entity), type: 'text/csv' }, { mode: 'create', mapping: JSON.stringify(mappings[entity]) }, { lang: 'en' });
    expect(commit.body).toEqual({ created: expected, updated: 0 });
    expect((await all(entity)).total).toBe(expected);
  });

  it('products keep names, pack text and prices to the fen', async () => {
    const items: Json[] = (await all('products')).items;
    const bySku = new Map(items.map((p) => [p.sku, p]));
    for (const row of csv('products')) {
      const p = bySku.get(row.ProductID);
      expect(p, row.ProductID).toMatchObject({ name: row.ProductName, spec: row.QuantityPerUnit, listPrice: Math.round(Number(row.UnitPrice) * 100) });
    }
    expect(bySku.get('1')).toMatchObject({ name: 'Chai', listPrice: 1800, spec: '10 boxes x 20 bags' });
    expect(bySku.get('20')).toMatchObject({ name: "Sir Rodney's Marmalade", listPrice: 8100 });
    expect(bySku.get('38')).toMatchObject({ name: 'Côte de Blaye', listPrice: 26350 });
  });

  it('customers and suppliers keep Unicode text, contacts and addresses', async () => {
    const customers: Json[] = (await all('customers')).items;
    const ana = customers.find((c) => c.code === 'ANATR');
    expect(ana).toMatchObject({
      name: 'Ana Trujillo Emparedados y helados', phone: '(5) 555-4729', contacts: [{ name: 'Ana Trujillo' }],
      addresses: [{ address: 'Avda. de la Constitución 2222', city: 'México D.F.', postalCode: '05021', country: 'Mexico', isDefault: true }],
    });
    for (const row of csv('customers')) {
      const c = customers.find((x) => x.code === row.CustomerID);
      expect(c, row.CustomerID).toMatchObject({ name: row.CompanyName, addresses: [{ address: row.Address, city: row.City }] });
    }
    const supplier = (await all('suppliers')).items.find((s: Json) => s.code === '2');
    expect(supplier).toMatchObject({ name: 'New Orleans Cajun Delights', contacts: [{ name: 'Shelley Burke' }], address: 'P.O. Box 78934, New Orleans, LA, 70117, USA' });
  });

  it('importing the products again: create mode refuses every row, upsert updates them all', async () => {
    const rows = csv('products').length;
    const refused = await admin.upload('/api/v1/imports/products/commit', { name: 'products.csv', content: file('products'), type: 'text/csv' }, { mode: 'create', mapping: JSON.stringify(mappings.products) }, { lang: 'en' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toHaveLength(rows);
    expect(refused.body.error.details[0]).toMatchObject({ row: 2, column: 'ProductID', field: 'sku' });
    const upserted = await admin.upload('/api/v1/imports/products/commit', { name: 'products.csv', content: file('products'), type: 'text/csv' }, { mode: 'upsert', mapping: JSON.stringify(mappings.products) }, { lang: 'en' });
    expect(upserted.body).toEqual({ created: 0, updated: rows });
    expect((await all('products')).total).toBe(rows);
  });
});
