// 导出凭证 in a real browser against the real server: after a shipment and a purchase receipt, on
// 财务 › 应收管理 the dialog refuses a range that ends before it starts with the server's message,
// then downloads an .xlsx of voucher rows: the invoice and the receipt are there, numbered 记-0001…,
// and every voucher balances.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('accounting export: 导出凭证 from 应收管理', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let page: Page;
  let receipt = '';

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    const wh = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    const cola = (await api<{ id: string }>('POST', '/products', { sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, costPrice: 200, taxRate: 13 })).id;
    await api('POST', '/stock/opening', { warehouseId: wh, lines: [{ productId: cola, quantity: 50, unitCost: 200 }] });
    const customer = (await api<{ id: string }>('POST', '/customers', { code: 'K-001', name: '北京好邻居便利店' })).id;
    const supplier = (await api<{ id: string }>('POST', '/suppliers', { code: 'G-001', name: '广州饮料批发有限公司' })).id;
    const own = (await api<{ items: { id: string; code: string }[] }>('GET', '/carriers')).items.find((c) => c.code === 'OWN')!;
    const order = await api<{ id: string }>('POST', '/sales-orders', { customerId: customer, confirm: true, lines: [{ productId: cola, quantity: 10 }] });
    await api('POST', '/shipments', { orderId: order.id, carrierId: own.id });
    const po = await api<{ id: string; lines: { id: string }[] }>('POST', '/purchase-orders', { supplierId: supplier, warehouseId: wh, submit: true, lines: [{ productId: cola, quantity: 10, unitPrice: 113 }] });
    receipt = (await api<{ number: string }>('POST', '/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 10 }] })).number;
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('menuitem', { name: /首页$/ }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the server’s reason for a backwards range, then downloads balanced vouchers as .xlsx', async () => {
    await page.getByRole('menuitem', { name: /(^|\s)应收管理$/ }).click();
    await page.getByTestId('fin-export-vouchers').click();
    await page.getByLabel('开始日期').fill(today);
    await page.getByLabel('结束日期').fill(yesterday);
    await page.getByTestId('fin-export-vouchers-ok').click();
    await expect.poll(() => page.getByTestId('fin-export-vouchers-error').textContent()).toContain('早于开始日期');
    await page.getByLabel('结束日期').fill(today);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fin-export-vouchers-ok').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 8)).toEqual(['凭证日期', '凭证号', '分录号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额']);
    const rows: Array<{ voucher: string; debit: number; credit: number; document: string }> = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cents = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : 0);
      rows.push({ voucher: String(row.getCell(2).value), debit: cents(row.getCell(7).value), credit: cents(row.getCell(8).value), document: String(row.getCell(12).value) });
    });
    expect(rows[0].voucher).toBe('记-0001');
    expect(rows.map((r) => r.document)).toEqual(expect.arrayContaining([receipt, expect.stringMatching(/^FP-/), expect.stringMatching(/^CK-/)]));
    for (const v of new Set(rows.map((r) => r.voucher))) {
      const lines = rows.filter((r) => r.voucher === v);
      expect(lines.reduce((n, r) => n + r.debit, 0), v).toBe(lines.reduce((n, r) => n + r.credit, 0));
    }
  }, 60_000);
});
