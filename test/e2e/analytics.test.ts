// 经营分析 in a real browser against the real server: three orders shipped today, the dashboard for
// 今天 shows the same 净销售额 as the API, the trend switches to 月 and 周, a click on the top product
// lists its lines with the product's revenue as their total, 导出 Excel downloads a workbook, a click
// on a supplier lists its purchase orders, and a range that ends before it starts shows the server's
// message instead of a blank page.
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const money = (fen: number) => `${fen < 0 ? '-' : ''}¥${yuan.format(Math.abs(fen) / 100)}`;
/** Today in the server's business time zone (Asia/Shanghai), as the browser below is set to. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

type Summary = { from: string; to: string; current: { revenue: number; orders: number | null; quantity: number } };
type Top = { rows: { id: string; name: string; revenue: number; quantity: number }[] };

describe('经营分析 in the browser', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids = { cola: '', chips: '' };
  const orderIds: string[] = [];
  let purchase: { id: string; number: string; lines: { id: string }[] };

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    const wh = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    const shop = await api<{ id: string }>('POST', '/customers', { code: 'K-001', name: '北京好邻居便利店' });
    const market = await api<{ id: string }>('POST', '/customers', { code: 'K-002', name: '社区超市' });
    const drinks = await api<{ id: string }>('POST', '/categories', { name: '饮料' });
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, ...body });
    ids.cola = (await product({ sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, categoryId: drinks.id })).id;
    ids.chips = (await product({ sku: 'CHIPS-70', name: '薯片 70g', baseUnit: '包', listPrice: 750 })).id;
    await api('POST', '/stock/opening', { warehouseId: wh, lines: [{ productId: ids.cola, quantity: 100, unitCost: 200 }, { productId: ids.chips, quantity: 50, unitCost: 500 }] });
    const own = (await api<{ items: { id: string; code: string }[] }>('GET', '/carriers')).items.find((c) => c.code === 'OWN')!;
    const sell = async (customerId: string, lines: { productId: string; quantity: number }[]) => {
      const o = await api<{ id: string }>('POST', '/sales-orders', { customerId, confirm: true, lines });
      await api('POST', '/shipments', { orderId: o.id, carrierId: own.id });
      orderIds.push(o.id);
    };
    await sell(shop.id, [{ productId: ids.cola, quantity: 10 }, { productId: ids.chips, quantity: 2 }]);
    await sell(market.id, [{ productId: ids.cola, quantity: 5 }]);
    await sell(shop.id, [{ productId: ids.chips, quantity: 3 }]);
    // A purchase order of 10 chips due in five days, 6 received today.
    const supplier = await api<{ id: string }>('POST', '/suppliers', { code: 'G-001', name: '广州零食批发', products: [{ productId: ids.chips, price: 480 }] });
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    purchase = await api<{ id: string; number: string; lines: { id: string }[] }>('POST', '/purchase-orders', { supplierId: supplier.id, submit: true, expectedDate: due, lines: [{ productId: ids.chips, quantity: 10 }] });
    await api('POST', '/purchase-receipts', { orderId: purchase.id, lines: [{ orderLineId: purchase.lines[0].id, quantity: 6 }] });

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens 经营分析 from the menu and picks 今天; 净销售额 is the API summary’s', async () => {
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('menuitem', { name: /(^|\s)经营分析$/ }).click();
    await page.getByRole('heading', { name: '经营分析' }).waitFor();

    await page.getByPlaceholder('开始日期').click();
    await page.locator('.ant-picker-presets li', { hasText: /^今天$/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(today);
    expect(new URL(page.url()).searchParams.get('to')).toBe(today);
    // The previous period of one day is the day before.
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await expect.poll(() => page.getByTestId('previous-range').textContent()).toBe(`上期：${yesterday} ~ ${yesterday}`);

    const summary = await api<Summary>('GET', `/analytics/sales/summary?from=${today}&to=${today}`);
    expect(summary.current.revenue).toBeGreaterThan(0);
    expect(summary.current.orders).toBe(3);
    await expect.poll(() => page.getByTestId('kpi-revenue-value').textContent()).toBe(money(summary.current.revenue));
    expect(await page.getByTestId('kpi-orders-value').textContent()).toBe('3');
    expect(await page.getByTestId('kpi-quantity-value').textContent()).toBe(String(summary.current.quantity));
  });

  it('switches the trend to 月 and 周, kept in the URL', async () => {
    const chart = page.getByTestId('trend-chart');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain(today);
    await page.getByTestId('trend-granularity').getByText('月', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('granularity')).toBe('month');
    await expect.poll(() => chart.getAttribute('aria-label')).toBe(`销售趋势: ${today.slice(0, 7)}`);
    await page.getByTestId('trend-granularity').getByText('周', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('granularity')).toBe('week');
    // A week is labelled by its Monday: on or before today, at most 6 days earlier.
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/^销售趋势: \d{4}-\d{2}-\d{2}$/);
    const monday = (await chart.getAttribute('aria-label'))!.slice(-10);
    expect(monday <= today && Date.parse(today) - Date.parse(monday) <= 6 * 86_400_000).toBe(true);
  });

  it('a click on the top product lists its lines, totalling its revenue, with links to the orders', async () => {
    const top = await api<Top>('GET', `/analytics/sales/top?from=${today}&to=${today}&by=product`);
    const cola = top.rows.find((r) => r.id === ids.cola)!;
    expect(top.rows[0].id).toBe(ids.cola); // 15 × ¥3.50 before tax beats 5 × ¥7.50
    await page.getByTestId('top-table').getByRole('row').filter({ hasText: '可乐 330ml' }).click();
    const drawer = page.getByTestId('drill-drawer');
    await drawer.getByText('COLA-330 可乐 330ml').first().waitFor();
    await expect.poll(() => drawer.getByTestId('drill-total-net').textContent()).toBe(money(cola.revenue));
    const rows = drawer.getByTestId('drill-table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    const hrefs = await drawer.getByTestId('drill-table').locator('tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual([`/sales-orders/${orderIds[0]}`, `/sales-orders/${orderIds[1]}`].sort());
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('导出 Excel on the top card downloads an .xlsx whose first sheet has the products', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('card-top-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(header).toContain('净销售额');
    const nameCol = header.indexOf('商品');
    const revenueCol = header.indexOf('净销售额');
    const top = await api<Top>('GET', `/analytics/sales/top?from=${today}&to=${today}&by=product`);
    expect(sheet.actualRowCount).toBe(1 + top.rows.length);
    expect(sheet.getRow(2).getCell(nameCol).value).toBe('可乐 330ml');
    expect(sheet.getRow(2).getCell(revenueCol).value).toBe(top.rows[0].revenue / 100);
  });

  it('the turnover, stock age, ABC/XYZ, RFM, category mix, supplier and slow-moving cards load without errors', async () => {
    await expect.poll(() => page.getByTestId('card-turnover').getByText('COLA-330 可乐 330ml').count()).toBe(1);
    await expect.poll(() => page.getByTestId('card-rfm').getByText('共 2 个客户').count()).toBe(1);
    await expect.poll(() => page.getByTestId('card-preferences').getByText('K-001 北京好邻居便利店').count()).toBe(1);
    for (const id of ['card-turnover', 'card-ageing', 'card-abc', 'card-rfm', 'card-suppliers', 'card-slow', 'card-preferences']) {
      await page.getByTestId(id).locator('.ant-card-head').waitFor();
      expect(await page.getByTestId(id).locator('.ant-alert-error').count(), id).toBe(0);
    }
  });

  it('a click on a supplier lists its purchase orders with their receipts, linking to the order', async () => {
    const card = page.getByTestId('card-suppliers');
    await card.getByRole('row').filter({ hasText: '广州零食批发' }).getByText('100.0%').waitFor(); // received on time
    await card.getByRole('row').filter({ hasText: '广州零食批发' }).click();
    const drawer = page.getByTestId('drill-drawer');
    await drawer.getByRole('link', { name: purchase.number }).waitFor();
    expect(await drawer.getByRole('link', { name: purchase.number }).getAttribute('href')).toBe(`/purchase-orders/${purchase.id}`);
    expect(await drawer.getByTestId('drill-total').textContent()).toContain('订购数量 10，已收数量 6');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('a range that ends before it starts shows the server’s message, not a blank page', async () => {
    await page.goto(`${server.base}/analytics?from=${today}&to=2020-01-01`);
    const error = page.getByTestId('filter-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('筛选条件有误');
    expect(await error.textContent()).toContain(`结束日期 2020-01-01 早于开始日期 ${today}`);
    // The filter bar stays, so the user can fix the range from there.
    await page.getByTestId('analytics-filters').waitFor();
  });
});
