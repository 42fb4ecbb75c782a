// A storekeeper on a phone, in a real browser against the real server: open the 库存 menu, post
// opening stock for a product, book a 报损 by scanning its barcode (a double click posts once), see
// the balance and the movement history with its running balance, and have an over-large loss
// refused with the server's message on the line.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const keeper = { email: 'keeper@example.com', password: 'e2e-keeper-2026', name: '王仓管' };
const codes = { bottle: '6901234567892', colaCase: '6901234567908' };

type Doc = { id: string; number: string; kind: string };
type Level = { onHand: number; available: number };

describe('stock on a phone', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let page: Page;
  const ids = { main: '', cola: '' };

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    ids.main = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    await api('POST', '/warehouses', { code: 'WH02', name: '二号仓' });
    ids.cola = (await api<{ id: string }>('POST', '/products', {
      sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', units: [{ name: '箱', factor: 12 }], listPrice: 350, costPrice: 200,
      barcodes: [{ barcode: codes.bottle }, { barcode: codes.colaCase, unit: '箱' }],
    })).id;
    await api('POST', '/products', { sku: 'CHIPS-70', name: '薯片 70g', baseUnit: '包', listPrice: 750 });
    await api('POST', '/users', { email: keeper.email, name: keeper.name, password: keeper.password, role: 'warehouse' });

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const docs = () => api<{ total: number; items: Doc[] }>('GET', '/stock/adjustments');
  const level = async () => (await api<{ items: Level[] }>('GET', `/stock?productId=${ids.cola}&warehouseId=${ids.main}`)).items[0];
  // On a phone the menu is a drawer behind the ☰ button; items' names start with their icon's label.
  const openMenu = async (item: string) => {
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${item}$`) }).click();
  };
  const heading = (name: string | RegExp) => page.getByRole('heading', { name });
  const line = () => page.getByTestId('entry-line');
  const scan = async (code: string) => {
    const box = page.getByTestId('scan-box');
    await box.fill(code);
    await box.press('Enter');
  };

  it('signs the storekeeper in; the 库存 group offers 库存查询, 库存调整 and 期初库存', async () => {
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(keeper.email);
    await page.getByLabel('密码').fill(keeper.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('button', { name: '菜单' }).click();
    const menu = await page.getByRole('menu').first().innerText();
    for (const item of ['库存', '库存查询', '库存调整', '期初库存']) expect(menu).toContain(item);
    await page.keyboard.press('Escape');
  });

  it('posts opening stock found by search: 48 瓶 at ¥2.50', async () => {
    await openMenu('期初库存');
    await heading('期初库存').waitFor();
    await page.getByRole('button', { name: '录入期初' }).click();
    await heading('录入期初库存').waitFor();
    expect(await page.locator('.ant-select', { has: page.locator('#stock-warehouse') }).innerText()).toContain('主仓库');

    await page.getByRole('combobox', { name: '搜索商品' }).fill('COLA');
    await page.locator('.ant-select-item-option', { hasText: 'COLA-330' }).click();
    await expect.poll(() => line().count()).toBe(1);
    await line().getByRole('spinbutton', { name: '数量 1' }).fill('48');
    const cost = line().getByRole('spinbutton', { name: '单位成本 1' });
    // The product's cost price is offered; the storekeeper types the real one.
    expect(await cost.inputValue()).toBe('2.00');
    await cost.fill('2.5');
    await page.getByTestId('opening-total').getByText('合计 ¥120.00').waitFor();
    await line().getByTestId('line-stock').getByText('现存 0，可用 0 瓶').waitFor();

    await page.getByTestId('entry-submit').click();
    await page.waitForURL(/\/stock\/opening\?open=/);
    const drawer = page.getByTestId('adjustment-drawer');
    await drawer.getByText(/^单据 QC-\d{8}-\d{4}$/).waitFor();
    expect(await drawer.getByTestId('adjustment-line').innerText()).toContain('+48');
    expect(await level()).toMatchObject({ onHand: 48, available: 48 });
  });

  it('books a 报损 by scanning the bottle barcode three times; a double click posts one document', async () => {
    await page.goto(server.base + '/stock/opening');
    await openMenu('库存调整');
    await heading('库存调整').waitFor();
    await page.getByRole('button', { name: '新建调整单' }).click();
    await heading('新建库存调整').waitFor();

    for (let i = 0; i < 3; i++) await scan(codes.bottle);
    await scan('0000000');
    await page.getByTestId('scan-feedback').getByText('未找到条码「0000000」对应的商品').waitFor();
    expect(await line().count()).toBe(1);
    await expect.poll(() => line().getByRole('spinbutton', { name: '数量 1' }).inputValue()).toBe('3');
    // New lines are 报损; the line shows the stock now and after.
    expect(await line().locator('.ant-radio-button-wrapper-checked').innerText()).toBe('报损');
    await line().getByTestId('line-stock').getByText('现存 48，可用 48 瓶 · 调整后现存 45').waitFor();

    // A reason is required before anything is sent.
    await page.getByTestId('entry-submit').click();
    await line().getByTestId('line-error').getByText('第 1 行：请填写原因').waitFor();
    expect((await docs()).total).toBe(1);

    await line().getByRole('combobox', { name: '原因 1' }).fill('破损');
    await page.keyboard.press('Escape');
    await page.getByTestId('entry-submit').dblclick();
    await page.waitForURL(/\/stock\/adjustments\?open=/);
    const drawer = page.getByTestId('adjustment-drawer');
    await drawer.getByText(/^单据 BS-\d{8}-\d{4}$/).waitFor();
    const text = await drawer.getByTestId('adjustment-line').innerText();
    expect(text).toContain('−3');
    expect(text).toContain('破损');

    const list = await docs();
    expect(list.items.map((d) => d.kind)).toEqual(['loss', 'opening']);
    expect(await level()).toMatchObject({ onHand: 45, available: 45 });
  });

  it('shows the balance, and the movement history with the running balance', async () => {
    await page.goto(server.base + '/stock/adjustments');
    await openMenu('库存查询');
    await heading('库存查询').waitFor();
    const row = page.getByTestId('stock-row').filter({ hasText: 'COLA-330' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('主仓库');
    expect(text).toMatch(/现存量\s*45/);
    expect(text).toMatch(/可用量\s*45\s*瓶/);
    // ¥2.50 × 45 at moving average.
    expect(text).toContain('¥112.50');

    await row.click();
    await heading('库存流水').waitFor();
    const movements = page.getByTestId('movement');
    await expect.poll(() => movements.count()).toBe(2);
    const [loss, opening] = await movements.allInnerTexts();
    expect(loss).toMatch(/报损\s*−3 瓶/);
    expect(loss).toMatch(/结存\s*45/);
    expect(loss).toContain('破损');
    expect(loss).toContain(keeper.name);
    expect(opening).toMatch(/期初\s*\+48 瓶/);
    expect(opening).toMatch(/结存\s*48/);
  });

  it('refuses a loss larger than what is available, with the message on the page and the line', async () => {
    await page.goto(server.base + '/stock/adjustments/new');
    await heading('新建库存调整').waitFor();
    await scan(codes.colaCase);
    await page.getByTestId('scan-feedback').getByText('已添加 可乐 330ml：1 箱 = 12 瓶').waitFor();
    const qty = line().getByRole('spinbutton', { name: '数量 1' });
    expect(await qty.inputValue()).toBe('12');
    await qty.fill('999');
    await line().getByRole('combobox', { name: '原因 1' }).fill('丢失');
    await page.keyboard.press('Escape');
    await line().getByTestId('line-stock').getByText(/超出可用量/).waitFor();

    await page.getByTestId('entry-submit').click();
    const problem = page.getByTestId('entry-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('COLA-330 可乐 330ml 在「主仓库」库存不足：可用 45，需要 999');
    await line().getByTestId('line-error').getByText('可用 45，需要 999').waitFor();
    expect(new URL(page.url()).pathname).toBe('/stock/adjustments/new');
    expect((await docs()).total).toBe(2);
    expect(await level()).toMatchObject({ onHand: 45 });
  });
});
