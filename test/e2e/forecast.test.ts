// 需求预测 in a real browser against the real server: 80 weeks of cola (about 40 a week) and nuts
// (5 every 4th week) come in as shipped history through the sales-order import. The planner opens
// 需求预测 from the menu (nothing forecast yet), clicks 重新预测 and sees the overall WAPE the API
// reports, the methods by name, cola first (largest error); opens cola: the weekly chart, its method
// and WAPE; a product that never shipped shows the server's explanation instead of a chart. With a
// reorder rule, 补货建议 says cola's demand comes 按预测 with its method and WAPE.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyWindow } from '../../src/server/modules/analytics/forecast.service.js';
import { weekStart } from '../../src/server/modules/analytics/forecast/index.js';
import { businessDate } from '../../src/server/platform/clock.js';
import { zh } from '../../src/web/modules/forecast/i18n.zh.js';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'planner@example.com', password: 'e2e-admin-2026' };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pct = (w: number | null) => (w === null ? '—' : `${(w * 100).toFixed(1)}%`);
const methodZh = (m: string) => (zh.fc.methods as Record<string, string>)[m] ?? m;

type Row = { productId: string; warehouseId: string; sku: string; method: string; demandClass: string; wape: number | null; absError: number };
type Accuracy = { overallWape: number | null; total: number; computedAt: string | null; byMethod: { key: string }[]; items: Row[] };

/** Posts the history CSV to the sales-order import as the admin (multipart, so not through apiSession). */
async function importHistory(base: string, csv: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const mapping = { orderNo: 'OrderID', customer: 'CustomerID', orderDate: 'OrderDate', shipDate: 'ShippedDate', sku: 'ProductID', quantity: 'Quantity', unitPrice: 'UnitPrice' };
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('confirm', 'true');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'history.csv');
  const res = await fetch(`${base}/api/v1/imports/sales-orders/commit`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
  const body = (await res.json()) as { created?: number };
  expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(200);
  return body;
}

describe('需求预测: run the forecast, read its accuracy, open a product, and see it feed 补货建议', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let page: Page;
  let wh: { id: string };
  let cola: { id: string };
  let idle: { id: string };
  const weeks = 80;
  const w = historyWindow(businessDate());
  const wednesday = (i: number) => addDays(weekStart(w.to), -7 * (weeks - 1 - i) + 2);

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    wh = await api<{ id: string }>('POST', '/warehouses', { code: 'W1', name: '主仓库', isDefault: true });
    cola = await api<{ id: string }>('POST', '/products', { sku: 'COLA', name: '可乐', baseUnit: '瓶', listPrice: 350, costPrice: 200 });
    await api('POST', '/products', { sku: 'NUTS', name: '坚果', baseUnit: '袋', listPrice: 900 });
    idle = await api<{ id: string }>('POST', '/products', { sku: 'IDLE', name: '滞销品', baseUnit: '个', listPrice: 100 });
    await api('POST', '/customers', { code: 'C1', name: '小店' });
    await api('POST', '/suppliers', { code: 'S1', name: '饮料批发', leadTimeDays: 10, products: [{ productId: cola.id, price: 180 }] });
    const rows = [['OrderID', 'CustomerID', 'OrderDate', 'ShippedDate', 'ProductID', 'Quantity', 'UnitPrice']];
    for (let i = 0; i < weeks; i++) {
      const d = wednesday(i);
      rows.push([`W${i}`, 'C1', d, d, 'COLA', String(40 + [0, 6, -3, 4, -6, 2, -1, 3][i % 8]), '3.50']);
      if (i % 4 === 1) rows.push([`W${i}`, 'C1', d, d, 'NUTS', '5', '9.00']);
    }
    expect((await importHistory(server.base, rows.map((r) => r.join(',')).join('\n'))).created).toBe(weeks);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens 需求预测 from the menu: nothing forecast yet', async () => {
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('menuitem', { name: /(^|\s)需求预测$/ }).click();
    await page.waitForURL(/\/analytics\/forecast$/);
    await page.getByRole('heading', { name: '需求预测' }).waitFor();
    await page.getByTestId('last-run').getByText('尚未预测').waitFor();
    expect(await page.getByTestId('overall-wape').innerText()).toBe('—');
  });

  it('重新预测: the overall WAPE shown is the API’s, with the methods by name, cola (largest error) first', async () => {
    await page.getByRole('button', { name: label('重新预测') }).click();
    await page.getByTestId('series-count').getByText('2 个').waitFor();
    const acc = await api<Accuracy>('GET', '/analytics/forecast/accuracy');
    expect(acc.total).toBe(2);
    expect(acc.overallWape).not.toBeNull();
    await expect.poll(() => page.getByTestId('overall-wape').innerText()).toBe(pct(acc.overallWape));
    expect(await page.getByTestId('last-run').innerText()).not.toBe('尚未预测');
    const byMethod = await page.getByTestId('by-method').innerText();
    for (const m of acc.byMethod) expect(byMethod).toContain(methodZh(m.key));
    expect(await page.getByTestId('by-class').innerText()).toContain('间歇');

    const rows = page.getByTestId('forecast-row');
    await expect.poll(() => rows.count()).toBe(2);
    const first = acc.items[0];
    expect(first.sku).toBe('COLA');
    expect(await rows.first().innerText()).toContain('COLA');
    expect(await rows.first().getByTestId('row-method').innerText()).toBe(methodZh(first.method));
    expect(await rows.first().getByTestId('row-wape').innerText()).toBe(pct(first.wape));
    expect(await rows.nth(1).getByTestId('row-method').innerText()).toBe(methodZh('sba'));
  });

  it('opens cola: the weekly chart, its method and WAPE', async () => {
    const stored = (await api<Accuracy>('GET', '/analytics/forecast/accuracy')).items.find((r) => r.sku === 'COLA')!;
    await page.getByTestId('forecast-row').filter({ hasText: 'COLA' }).click();
    const drawer = page.getByTestId('forecast-drawer');
    await drawer.getByText('COLA 可乐 · 需求预测').waitFor();
    await drawer.getByTestId('forecast-chart').locator('canvas').first().waitFor();
    expect(await drawer.getByTestId('forecast-method').innerText()).toBe(methodZh(stored.method));
    expect(await drawer.getByTestId('forecast-wape').innerText()).toBe(pct(stored.wape));
    expect(await drawer.innerText()).toContain('平稳');
    expect(await drawer.getByTestId('forecast-explanation').count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('a product that never shipped shows the explanation, not an empty chart', async () => {
    await page.goto(`${server.base}/analytics/forecast?productId=${idle.id}`);
    const drawer = page.getByTestId('forecast-drawer');
    await drawer.getByTestId('forecast-explanation').getByText(/没有发货记录/).waitFor();
    expect(await drawer.getByTestId('forecast-chart').count()).toBe(0);
  });

  it('补货建议 says cola’s demand comes 按预测, with its method and WAPE', async () => {
    await api('PUT', '/reorder-rules', { productId: cola.id, warehouseId: wh.id, reorderPoint: 30, safetyStock: 10 });
    const stored = (await api<Accuracy>('GET', '/analytics/forecast/accuracy')).items.find((r) => r.sku === 'COLA')!;
    await page.goto(`${server.base}/replenishment?productId=${cola.id}`);
    await page.getByRole('heading', { name: '补货建议' }).waitFor();
    const row = page.getByTestId('suggestion-row').filter({ hasText: 'COLA' });
    await row.waitFor();
    const source = await row.getByTestId('demand-source').innerText();
    expect(source).toContain('按预测');
    expect(source).toContain(`${methodZh(stored.method)}，WAPE ${pct(stored.wape)}`);
    // The tag leads back to the product's forecast.
    await row.getByTestId('demand-source').getByText('按预测').click();
    await page.waitForURL(/\/analytics\/forecast\?productId=/);
    await page.getByTestId('forecast-drawer').getByTestId('forecast-method').getByText(methodZh(stored.method)).waitFor();
  });
});
