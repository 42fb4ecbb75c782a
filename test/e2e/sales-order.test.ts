// A sales clerk's order, in a real browser against the real server: pick the customer by keyboard,
// scan three barcodes (one twice), be told one product is short here but in stock in the other
// warehouse, ship that line from there, confirm (已确认), and print the confirmation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const clerk = { email: 'clerk@example.com', password: 'e2e-clerk-2026', name: '李销售' };
const codes = { colaCase: '6901234567908', chips: '6902222222225', water: '6903333333338' };

type Order = { id: string; number: string; status: string; total: number; lines: { productId: string; warehouseId: string; unitName: string; quantity: number; baseQuantity: number; reserved: number }[] };

describe('a sales order in the browser', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids = { main: '', second: '', cola: '', chips: '', water: '' };

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);

    const wh = (body: object) => api<{ id: string }>('POST', '/warehouses', body);
    ids.main = (await wh({ code: 'WH01', name: '主仓库', isDefault: true })).id;
    ids.second = (await wh({ code: 'WH02', name: '二号仓' })).id;
    await api('POST', '/customers', { code: 'K-001', name: '北京好邻居便利店', priceTier: 'wholesale', addresses: [{ address: '朝阳区建国路 88 号', recipient: '王店长', isDefault: true }] });
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, ...body });
    ids.cola = (await product({
      sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', units: [{ name: '箱', factor: 12 }], listPrice: 350, wholesalePrice: 300,
      barcodes: [{ barcode: '6901234567892' }, { barcode: codes.colaCase, unit: '箱' }],
    })).id;
    ids.chips = (await product({ sku: 'CHIPS-70', name: '薯片 70g', baseUnit: '包', listPrice: 750, barcodes: [{ barcode: codes.chips }] })).id;
    ids.water = (await product({ sku: 'WATER-550', name: '矿泉水 550ml', baseUnit: '瓶', listPrice: 200, wholesalePrice: 180, barcodes: [{ barcode: codes.water }] })).id;
    // The water is in the second warehouse only: short in the default one.
    await api('POST', '/stock/opening', { warehouseId: ids.main, lines: [{ productId: ids.cola, quantity: 100, unitCost: 200 }, { productId: ids.chips, quantity: 50, unitCost: 500 }] });
    await api('POST', '/stock/opening', { warehouseId: ids.second, lines: [{ productId: ids.water, quantity: 30, unitCost: 100 }] });
    await api('POST', '/users', { email: clerk.email, name: clerk.name, password: clerk.password, role: 'sales' });

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    // The print view calls window.print(); count the calls instead of opening a dialog.
    await context.addInitScript(() => {
      window.print = () => {
        const w = window as unknown as { printed?: number };
        w.printed = (w.printed ?? 0) + 1;
      };
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const orders = () => api<{ total: number; items: Order[] }>('GET', '/sales-orders');
  const line = (name: string) => page.getByTestId('order-line').filter({ hasText: name });
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

  it('signs the clerk in; 销售 → 销售订单 is in the menu and opens the new-order form', async () => {
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(clerk.email);
    await page.getByLabel('密码').fill(clerk.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('menuitem', { name: /(^|\s)销售订单$/ }).click();
    await page.getByRole('heading', { name: '销售订单' }).waitFor();
    await page.getByRole('button', { name: '新建销售订单' }).click();
    await page.getByRole('heading', { name: '新建销售订单' }).waitFor();
  });

  it('picks the customer by typing and Enter, then the caret waits in the scan box', async () => {
    expect(await focused()).toBe('so-customer');
    await page.keyboard.type('好邻居');
    await page.locator('.ant-select-item-option', { hasText: '北京好邻居便利店' }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('扫码');
    expect(await page.locator('.ant-select', { has: page.locator('#so-customer') }).innerText()).toContain('北京好邻居便利店');
    // The customer's default address is offered.
    expect(await page.locator('.ant-select', { has: page.locator('#so-address') }).innerText()).toContain('朝阳区建国路 88 号');
    await page.locator('#so-date').fill('2030-01-15');
    await page.locator('#so-date').press('Enter');
  });

  it('scans three barcodes, one of them twice: three lines, that one at quantity 2; Enter never submits', async () => {
    const scan = page.getByTestId('scan-box');
    await scan.click();
    for (const code of [codes.colaCase, codes.chips, codes.colaCase, codes.water, '0000000']) {
      await scan.pressSequentially(code, { delay: 10 });
      await scan.press('Enter');
    }
    await page.getByTestId('scan-feedback').getByText('未找到条码「0000000」对应的商品').waitFor();
    await expect.poll(() => page.getByTestId('order-line').count()).toBe(3);
    // The case barcode adds the line in 箱, at the wholesale price × 12.
    await expect.poll(() => line('可乐 330ml').getByRole('spinbutton', { name: /数量/ }).inputValue()).toBe('2');
    expect(await line('可乐 330ml').locator('.ant-select').first().innerText()).toContain('箱');
    expect(await line('可乐 330ml').getByRole('spinbutton', { name: /单价/ }).inputValue()).toBe('36.00');
    expect(await line('薯片 70g').getByRole('spinbutton', { name: /数量/ }).inputValue()).toBe('1');
    // Stock in the line's warehouse shows while entering: the water has none in 主仓库.
    await line('矿泉水 550ml').getByTestId('line-available').getByText('可用 0 瓶').waitFor();
    await line('可乐 330ml').getByTestId('line-available').getByText('可用 100 瓶').waitFor();
    // 2 × 36.00 + 7.50 + 1.80 (wholesale), computed live by the documented rule.
    expect(await page.getByTestId('order-total').innerText()).toBe('¥81.30');
    expect((await orders()).total).toBe(0);
  });

  it('保存并确认 is refused for the short line, with the other warehouse offered; nothing is saved', async () => {
    await page.getByRole('button', { name: label('保存并确认') }).click();
    const panel = page.getByTestId('shortage-panel');
    await panel.waitFor();
    const short = panel.getByTestId('shortage-line');
    expect(await short.count()).toBe(1);
    const text = await short.innerText();
    expect(text).toContain('矿泉水 550ml');
    expect(text).toContain('需要 1 瓶');
    expect(text).toContain('主仓库可用 0 瓶');
    await short.getByRole('button', { name: /改从二号仓发货/ }).waitFor();
    expect((await orders()).total).toBe(0);
    // The customer may ask to be told when the water is back in 主仓库 (到货通知).
    await short.getByTestId('notify-when-back').click();
    await short.getByTestId('notify-when-back-done').waitFor();
    const subs = await api<{ items: { productName?: string; status: string; warehouseId: string }[] }>('GET', '/back-in-stock');
    expect(subs.items).toHaveLength(1);
    expect(subs.items[0].status).toBe('waiting');
  });

  it('ships the short line from the other warehouse and confirms: 已确认, all reserved, one order for a double click', async () => {
    await page.getByTestId('shortage-panel').getByRole('button', { name: /改从二号仓发货/ }).click();
    expect(await line('矿泉水 550ml').locator('.ant-select').last().innerText()).toContain('二号仓');
    await line('矿泉水 550ml').getByTestId('line-available').getByText('可用 30 瓶').waitFor();
    await page.getByTestId('shortage-retry').dblclick();
    await page.waitForURL(/\/sales-orders\/(?!new)[^/]+$/);
    await page.getByTestId('order-status').getByText('已确认').waitFor();

    const list = await orders();
    expect(list.total).toBe(1);
    const order = await api<Order>('GET', `/sales-orders/${list.items[0].id}`);
    expect(order).toMatchObject({ status: 'confirmed', total: 8130 });
    expect(order.lines.map((l) => [l.productId, l.warehouseId, l.unitName, l.quantity, l.reserved])).toEqual([
      [ids.cola, ids.main, '箱', 2, 24],
      [ids.chips, ids.main, '包', 1, 1],
      [ids.water, ids.second, '瓶', 1, 1],
    ]);
    expect(await page.getByTestId('order-total').innerText()).toBe('¥81.30');
    expect(await page.getByRole('heading', { name: order.number }).count()).toBe(1);
  });

  it('opens the print view (A4 confirmation) and prints it', async () => {
    const number = (await orders()).items[0].number;
    const [print] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: label('打印') }).click()]);
    const sheet = print.getByTestId('print-view');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const s of ['销售订单', number, '北京好邻居便利店', '2030-01-15', '可乐 330ml', '矿泉水 550ml', '价税合计', '¥81.30', '捌拾壹元叁角整']) expect(text).toContain(s);
    await expect.poll(() => print.evaluate(() => (window as unknown as { printed?: number }).printed ?? 0)).toBe(1);
    await print.close();
  });
});
