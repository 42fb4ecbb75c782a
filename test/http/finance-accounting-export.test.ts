import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/server/modules/finance/index.js';
import { SESSION_COOKIE } from '../../src/server/platform/access.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { createTestApp, dialectLabel, expectError, type Json, type TestApp } from '../support/index.js';
import { shippingWorld, type World } from './shipping-fixtures.js';

type Row = { date: string; voucher: string; summary: string; code: string; debit: number; credit: number; party: string; document: string };

/** "12.34" / "-0.05" → fen, by integers only. */
const fenOf = (s: string) => {
  if (s === '') return 0;
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not yuan with 2 decimals: ${s}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r') continue;
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  return rows;
}

describe(`finance: accounting export — voucher rows of sales, cost of goods, purchases and payments ${dialectLabel}`, () => {
  let t: TestApp;
  let w: World;
  const today = businessDate();
  const url = '/api/v1/finance/accounting-export';
  const expected = { sales: [] as Json[], payables: [] as Json[], received: [] as Json[], made: [] as Json[], cogs: 0, documents: [] as string[] };

  const download = (query: Record<string, string>, lang = 'zh') => t.app.inject({ method: 'GET', url, query, headers: { cookie: `${SESSION_COOKIE}=${w.admin.cookie}`, 'accept-language': lang } });
  const csvRows = async (query: Record<string, string> = {}): Promise<Row[]> => {
    const res = await download({ from: today, to: today, format: 'csv', ...query });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [head, ...body] = parseCsv(res.body.replace(/^\ufeff/, ''));
    expect(head).toEqual(['凭证日期', '凭证号', '分录号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '辅助核算类别', '辅助核算编码', '辅助核算名称', '单据号', '凭证类别']);
    return body.map((c) => ({ date: c[0], voucher: c[1], summary: c[3], code: c[4], debit: fenOf(c[6]), credit: fenOf(c[7]), party: c[9], document: c[11] }));
  };
  const sum = (rows: Row[], code: string, side: 'debit' | 'credit') => rows.filter((r) => r.code === code).reduce((n, r) => n + r[side], 0);
  const total = (xs: Json[], key: string) => xs.reduce((n, x) => n + Number(x[key]), 0);

  beforeAll(async () => {
    t = await createTestApp();
    w = await shippingWorld(t);
    const { admin, ok } = w;
    const own = (await admin.get('/api/v1/carriers')).body.items.find((c: Json) => c.code === 'OWN');
    // Purchases: a receipt of 10 cola at 1.13 from S1 and a return of 2 of them.
    const supplier = ok(await admin.post('/api/v1/suppliers', { code: 'S1', name: '饮料批发' }));
    const po = ok(await admin.post('/api/v1/purchase-orders', { supplierId: supplier.id, warehouseId: w.w1.id, submit: true, lines: [{ productId: w.cola.id, quantity: 10, unitPrice: 113 }] }));
    const receipt = ok(await admin.post('/api/v1/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 10 }] }));
    const pret = ok(await admin.post('/api/v1/purchase-returns', { supplierId: supplier.id, receiptId: receipt.id, lines: [{ productId: w.cola.id, quantity: 2 }] }));
    // Sales: an order of 7 cola and 5 tea, confirmed and shipped at once.
    const order = await w.order([{ productId: w.cola.id, quantity: 7 }, { productId: w.tea.id, quantity: 5 }]);
    const shipment = ok(await admin.post('/api/v1/shipments', { orderId: order.id, carrierId: own.id }));
    const [invoice] = ok(await admin.get('/api/v1/finance/receivables/invoices', { query: { customerId: w.shop.id } })).items;
    // A payment received, part allocated; a payment made to the supplier.
    const sk = ok(await admin.post('/api/v1/finance/receivables/payments', { customerId: w.shop.id, amount: 1500, method: 'bank', allocations: [{ itemId: invoice.id, amount: 1000 }] }));
    const fk = ok(await admin.post('/api/v1/finance/payables/payments', { supplierId: supplier.id, amount: 500, method: 'bank' }));
    // A sales return of 1 tea, restocked and paid back in cash: a credit note and a refund.
    const sret = ok(await admin.post('/api/v1/sales-returns', { orderId: order.id, lines: [{ orderLineId: order.lines[1].id, quantity: 1, reason: 'defective' }] }));
    ok(await admin.post(`/api/v1/sales-returns/${sret.id}/receive`, { scans: [{ code: 'TEA' }] }));
    ok(await admin.post(`/api/v1/sales-returns/${sret.id}/inspect`, { lines: [{ lineId: sret.lines[0].id, grade: 'A', disposition: 'restock', warehouseId: w.w1.id }] }));
    ok(await admin.post(`/api/v1/sales-returns/${sret.id}/refund`, { method: 'cash' }));

    expected.sales = ok(await admin.get('/api/v1/finance/receivables/invoices', { query: { customerId: w.shop.id } })).items;
    expected.payables = ok(await admin.get('/api/v1/finance/payables/items', { query: { supplierId: supplier.id } })).items;
    expected.received = [sk];
    expected.made = [fk];
    const o = ok(await admin.get(`/api/v1/sales-orders/${order.id}`));
    expect(invoice.total).toBe(o.total);
    // Cost of goods: what the shipment took out at cost, less what the return put back.
    const moves = await t.db.selectFrom('stockMovements').select(['kind', 'costAmount']).where('kind', 'in', ['sale_out', 'return_in']).execute();
    expected.cogs = moves.reduce((n, m) => n - Number(m.costAmount), 0);
    expect(moves.filter((m) => m.kind === 'return_in')).toHaveLength(1);
    expected.documents = [receipt.number, pret.number, shipment.number, sret.number, sk.number, fk.number, ...expected.sales.map((x: Json) => x.number)];
  });
  afterAll(() => t.close());

  it('exports balanced vouchers numbered 记-0001… in date order whose totals are the documents’ amounts (CSV)', async () => {
    const rows = await csvRows();
    const vouchers = [...new Set(rows.map((r) => r.voucher))];
    expect(vouchers).toEqual(vouchers.map((_, i) => `记-${String(i + 1).padStart(4, '0')}`));
    for (const v of vouchers) {
      const lines = rows.filter((r) => r.voucher === v);
      expect(lines.reduce((n, r) => n + r.debit, 0), v).toBe(lines.reduce((n, r) => n + r.credit, 0));
      expect(new Set(lines.map((r) => r.document)).size, v).toBe(1);
    }
    expect(rows.every((r) => r.date === today)).toBe(true);
    expect(new Set(rows.map((r) => r.document))).toEqual(new Set(expected.documents));
    // Sales (invoice and credit note) and the refund paid out.
    const sales = expected.sales.filter((x) => x.kind !== 'refund');
    const refunds = expected.sales.filter((x) => x.kind === 'refund');
    expect(sales.map((x) => x.kind).sort()).toEqual(['credit', 'invoice']);
    expect(refunds).toHaveLength(1);
    expect(sum(rows, '6001', 'credit')).toBe(total(sales, 'net'));
    expect(sum(rows, '22210102', 'credit')).toBe(total(sales, 'tax'));
    expect(sum(rows, '1122', 'debit')).toBe(total(expected.sales, 'total'));
    expect(sum(rows, '1122', 'credit')).toBe(1500);
    // Purchases: receipt and return (red-letter), on the supplier.
    expect(expected.payables.map((x) => x.kind).sort()).toEqual(['purchase_return', 'receipt']);
    expect(sum(rows, '22210101', 'debit')).toBe(total(expected.payables, 'tax'));
    expect(sum(rows, '2202', 'credit')).toBe(total(expected.payables, 'total'));
    expect(sum(rows, '2202', 'debit')).toBe(500);
    expect(rows.filter((r) => r.code === '2202').map((r) => r.party)).toEqual(['S1', 'S1', 'S1']);
    // Cost of goods and stock: purchases in at net, cost of goods out.
    expect(sum(rows, '6401', 'debit')).toBe(expected.cogs);
    expect(sum(rows, '6401', 'credit')).toBe(0);
    expect(sum(rows, '1405', 'debit')).toBe(total(expected.payables, 'net'));
    expect(sum(rows, '1405', 'credit')).toBe(expected.cogs);
    // Bank: in 1500, out 500 and the refund.
    expect(sum(rows, '1002', 'debit')).toBe(1500);
    expect(sum(rows, '1002', 'credit')).toBe(500 + total(refunds, 'total'));
    const invoice = expected.sales.find((x) => x.kind === 'invoice')!;
    expect(rows.find((r) => r.document === invoice.number)).toMatchObject({ summary: `销售 ${invoice.number} 便利店`, code: '1122', party: 'C1', debit: invoice.total });
    expect(rows.find((r) => r.document === expected.payables.find((x) => x.kind === 'purchase_return')!.number && r.code === '2202')!.credit).toBeLessThan(0);
  });

  it('exports the same vouchers as .xlsx with numbers to 2 decimals, headers in the caller’s language', async () => {
    const csv = await csvRows();
    const res = await download({ from: today, to: today, format: 'xlsx' }, 'en');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Date', 'Voucher', 'Line', 'Summary', 'Account code', 'Account', 'Debit', 'Credit', 'Auxiliary type', 'Auxiliary code', 'Auxiliary name', 'Document', 'Kind']);
    expect(ws.getColumn(7).numFmt).toBe('0.00');
    const rows: Array<{ voucher: string; debit: number; credit: number }> = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cents = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : 0);
      rows.push({ voucher: String(row.getCell(2).value), debit: cents(row.getCell(7).value), credit: cents(row.getCell(8).value) });
    });
    expect(rows.map((r) => [r.voucher, r.debit, r.credit])).toEqual(csv.map((r) => [r.voucher, r.debit, r.credit]));
    for (const v of new Set(rows.map((r) => r.voucher))) {
      const lines = rows.filter((r) => r.voucher === v);
      expect(lines.reduce((n, r) => n + r.debit, 0)).toBe(lines.reduce((n, r) => n + r.credit, 0));
    }
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
  });

  it('exports only the kinds asked for and only documents in the range', async () => {
    const pay = await csvRows({ kinds: 'payments' });
    expect(new Set(pay.map((r) => r.code))).toEqual(new Set(['1002', '1122', '2202']));
    expect(pay[0].voucher).toBe('记-0001');
    expect(new Set(pay.map((r) => r.voucher)).size).toBe(3);
    const cogs = await csvRows({ kinds: 'cogs' });
    expect(new Set(cogs.map((r) => r.code))).toEqual(new Set(['6401', '1405']));
    expect(await csvRows({ from: addDays(today, -30), to: addDays(today, -1) })).toEqual([]);
    expect(await csvRows({ from: addDays(today, 1), to: addDays(today, 30) })).toEqual([]);
  });

  it('refuses a range backwards or over 366 days, an unknown kind and a non-date with the field; only finance:read', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const res = await download({ format: 'csv', ...query }, 'en');
      expect(res.statusCode, res.body).toBe(400);
      const body = JSON.parse(res.body);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.map((d: Json) => d.field)).toContain(field);
      return body.error;
    };
    expect((await bad({ from: today, to: addDays(today, -1) }, 'to')).details[0].message).toContain('before the start date');
    await bad({ from: addDays(today, -366), to: today }, 'from');
    expect((await download({ from: addDays(today, -365), to: today, format: 'csv' })).statusCode).toBe(200);
    expect((await bad({ from: today, to: today, kinds: 'sales,salary' }, 'kinds')).details[0].message).toContain('salary');
    await bad({ from: '2026-02-30', to: today }, 'from');
    await bad({ to: today }, 'from');
    const zh = JSON.parse((await download({ from: today, to: addDays(today, -1) })).body);
    expect(zh.error.details[0].message).toContain('早于开始日期');
    const warehouse = await t.loginAs('warehouse');
    expectError(await warehouse.get(url, { query: { from: today, to: today } }), 403, 'FORBIDDEN');
    const finance = await t.loginAs('finance');
    expect((await finance.get(url, { query: { from: today, to: today, format: 'csv' } })).status).toBe(200);
  });
});
