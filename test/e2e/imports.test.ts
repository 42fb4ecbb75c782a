// Document imports in a real browser against the real server: the warehouse keeper brings in
// opening stock (期初库存) from a CSV and sees it in 库存查询; a clerk imports sales orders with
// 导入后直接确认 and 缺货时转欠货, so the order is confirmed with the short quantity backordered; a
// file with a bad row shows that row's error and imports nothing. Each role sees only what it may
// import. Set JXC_E2E_SHOTS=<dir> to keep screenshots at 1280 and 390 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const keeper = { email: 'keeper@example.com', password: 'e2e-keeper-2026', name: '赵仓管' };
const clerk = { email: 'clerk@example.com', password: 'e2e-clerk-2026', name: '李销售' };
const teaBarcode = '6905555555551';

type Level = { onHand: number; reserved: number; available: number };
type Order = { id: string; number: string; status: string; total: number; lines: { sku: string; quantity: number; reserved: number; backordered: number }[] };

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('importing opening stock and sales orders in the browser', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let desk: Page;
  let phone: Page;
  const ids = { main: '', cola: '', tea: '', water: '' };
  const shots = process.env.JXC_E2E_SHOTS;

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    ids.main = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    await api('POST', '/customers', { code: 'K-001', name: '北京好邻居便利店' });
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, baseUnit: '瓶', ...body }).then((p) => p.id);
    ids.cola = await product({ sku: 'COLA-330', name: '可乐 330ml', listPrice: 350 });
    ids.tea = await product({ sku: 'TEA-500', name: '冰红茶 500ml', listPrice: 400, barcodes: [{ barcode: teaBarcode }] });
    ids.water = await product({ sku: 'WATER-550', name: '矿泉水 550ml', listPrice: 200 });
    await api('POST', '/users', { email: keeper.email, name: keeper.name, password: keeper.password, role: 'warehouse' });
    await api('POST', '/users', { email: clerk.email, name: clerk.name, password: clerk.password, role: 'sales' });

    browser = await launchBrowser();
    const open = async (viewport: { width: number; height: number }, mobile = false) => {
      const c = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: mobile, isMobile: mobile });
      contexts.push(c);
      return c.newPage();
    };
    desk = await open({ width: 1280, height: 900 });
    phone = await open({ width: 390, height: 844 }, true);
    if (shots) mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  const shot = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const signIn = async (page: Page, who: { email: string; password: string }) => {
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(who.email);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByTestId('user-menu').waitFor();
  };
  const openImports = async (page: Page) => {
    await page.goto(server.base + '/imports');
    await page.getByRole('heading', { name: '数据导入' }).waitFor();
  };
  const openImportsEn = async (page: Page) => {
    await page.goto(server.base + '/imports');
    await page.getByRole('heading', { name: 'Data import' }).waitFor();
  };
  const entities = (page: Page) => page.locator('.ant-radio-button-wrapper').allInnerTexts();
  const choose = (page: Page, entity: string) => page.locator('.ant-radio-button-wrapper', { hasText: entity }).click();
  const upload = async (page: Page, file: ReturnType<typeof csv>) => {
    await page.locator('input[type=file]').setInputFiles(file);
    return page.getByTestId('import-summary').innerText();
  };
  const level = async (productId: string): Promise<Level | undefined> =>
    (await api<{ items: Level[] }>('GET', `/stock?productId=${productId}&warehouseId=${ids.main}`)).items[0];
  const orderCount = async () => (await api<{ total: number }>('GET', '/sales-orders')).total;

  it('offers each role what it may import: the keeper 期初库存, the clerk 客户, 销售订单 and 历史退货', async () => {
    await signIn(desk, keeper);
    await openImports(desk);
    expect(await entities(desk)).toEqual(['期初库存']);
    await signIn(phone, clerk);
    await openImports(phone);
    expect(await entities(phone)).toEqual(['客户', '销售订单', '历史退货']);
  });

  it('the keeper imports opening stock from a CSV: checked, one 期初单 for the warehouse, then shown in 库存查询', async () => {
    await openImports(desk);
    const notes = await desk.getByTestId('import-layout').innerText();
    expect(notes).toContain('每个仓库生成一张期初单');
    await shot(desk, 'opening-choose-1280');
    // Documents are only created: no choice about existing codes.
    expect(await desk.getByText('遇到已存在的编码').count()).toBe(0);
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByRole('button', { name: 'CSV 模板' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // By name or code for the warehouse, by SKU or barcode for the product.
    const summary = await upload(desk, csv('期初库存.csv', '仓库,商品编码,数量,单位成本\n主仓库,COLA-330,100,2.00\nWH01,' + teaBarcode + ',3,25.50\n'));
    expect(summary).toContain('共 2 行，可导入 2 行，将生成 1 张期初单，发现 0 处错误');
    const doc = await desk.getByTestId('import-docs').getByTestId('import-doc').innerText();
    for (const part of ['主仓库', '2–3', '¥276.50', '已记账']) expect(doc).toContain(part);
    await shot(desk, 'opening-preview-1280');

    await desk.getByTestId('import-commit').click();
    await desk.getByText('导入完成').waitFor();
    await desk.getByText('已生成 1 张期初单').waitFor();
    const number = await desk.getByTestId('import-doc-link').innerText();
    expect(number).toMatch(/^QC-\d{8}-\d{4}$/);

    // The number opens the document on 期初库存.
    await desk.getByTestId('import-doc-link').click();
    await desk.waitForURL(/\/stock\/opening\?open=/);
    await desk.getByTestId('adjustment-drawer').getByText(`单据 ${number}`).waitFor();
    expect(await level(ids.cola)).toMatchObject({ onHand: 100, available: 100 });
    expect(await level(ids.tea)).toMatchObject({ onHand: 3, available: 3 });

    await desk.goto(server.base + '/stock');
    const row = desk.getByTestId('stock-row').filter({ hasText: 'TEA-500' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/主仓库[\s\S]*\b3\b/);
  });

  it('a file with a bad row lists that row’s problem and imports nothing', async () => {
    await openImports(desk);
    const summary = await upload(desk, csv('期初-有误.csv', '仓库,商品编码,数量,单位成本\n主仓库,WATER-550,50,1.00\n东区仓,WATER-550,20,1.00\n'));
    expect(summary).toContain('共 2 行，其中 1 行有错误（共 1 处）；全部改正前整个文件不会导入');
    const errors = desk.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    expect(await errors.count()).toBe(1);
    const error = await errors.innerText();
    expect(error).toMatch(/^3\s+仓库/);
    expect(error).toContain('没有编号或名称为「东区仓」的仓库');
    expect(await desk.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot(desk, 'opening-errors-1280');
    expect(await level(ids.water)).toBeUndefined();

    // Fixed and uploaded again, the same file goes through.
    await desk.getByRole('button', { name: label('重新上传') }).click();
    expect(await upload(desk, csv('期初.csv', '仓库,商品编码,数量,单位成本\n主仓库,WATER-550,50,1.00\n'))).toContain('发现 0 处错误');
  });

  it('the clerk, on a phone, imports a confirmed order whose short line is backordered', async () => {
    await openImports(phone);
    await choose(phone, '销售订单');
    await phone.getByTestId('import-layout').getByText(/订单号相同的行合并成一张订单/).waitFor();
    await phone.getByTestId('import-confirm').click();
    await phone.getByText('整个文件不导入').waitFor();
    await phone.locator('.ant-checkbox-checked').waitFor();
    await shot(phone, 'sales-options-390');

    // Tea: 3 in stock, 5 ordered. Refusing the shortage names the line and imports nothing.
    const file = csv('销售订单.csv', '订单号,客户编号,商品编码,数量,单价\nWEB-1001,K-001,COLA-330,10,3.50\nWEB-1001,,TEA-500,5,4.00\n');
    const refused = await upload(phone, file);
    expect(refused).toContain('其中 1 行有错误');
    expect(refused).toContain('有订单缺货时整个文件不导入');
    expect(await phone.getByTestId('import-errors').locator('tbody tr.ant-table-row').innerText()).toMatch(/^3\s+数量\s+库存不足：可用 3，需要 5/);
    expect(await phone.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await orderCount()).toBe(0);

    await phone.getByRole('button', { name: label('重新上传') }).click();
    await phone.getByText('有多少占多少，其余转欠货').click();
    const summary = await upload(phone, file);
    expect(summary).toContain('共 2 行，可导入 2 行，将生成 1 张销售订单，发现 0 处错误');
    expect(summary).toContain('缺货时有多少占多少，其余转欠货');
    const doc = await phone.getByTestId('import-docs').getByTestId('import-doc').innerText();
    for (const part of ['WEB-1001', 'K-001', '2–3', '¥55.00', '已确认']) expect(doc).toContain(part);
    await shot(phone, 'sales-preview-390');

    await phone.getByTestId('import-commit').click();
    await phone.getByText('已生成 1 张销售订单').waitFor();
    await shot(phone, 'sales-done-390');
    await phone.getByTestId('import-doc-link').click();
    await phone.waitForURL(/\/sales-orders\/[^/]+$/);
    await phone.getByTestId('order-status').first().getByText('已确认').waitFor();
    await phone.getByText(/本单有欠货/).waitFor();

    const orders = await api<{ items: { id: string }[] }>('GET', '/sales-orders');
    expect(orders.items).toHaveLength(1);
    const order = await api<Order>('GET', `/sales-orders/${orders.items[0].id}`);
    expect(order).toMatchObject({ status: 'confirmed', total: 5500 });
    expect(order.lines.map((l) => [l.sku, l.reserved, l.backordered])).toEqual([['COLA-330', 10, 0], ['TEA-500', 3, 2]]);
    expect(await level(ids.tea)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
  });

  it('reads the same in English', async () => {
    await desk.getByTestId('lang-switch').click();
    await desk.getByRole('heading', { name: 'Data import' }).waitFor();
    await openImportsEn(desk);
    expect(await entities(desk)).toEqual(['Opening stock']);
    expect(await desk.getByTestId('import-layout').innerText()).toContain('Each warehouse gets one opening document');
    await shot(desk, 'opening-choose-en-1280');
  });
});
