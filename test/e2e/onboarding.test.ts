// A new company's first hour, in a real browser against the real server:
// set up the administrator → sign out and in → a category → a product with a pack unit and a
// barcode → import customers from Excel → see them → switch the UI to English.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../support/e2e-global-setup.js';

const root = join(import.meta.dirname, '../..');
const admin = { name: '张经理', email: 'owner@example.com', password: 'onboard-2026' };
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

/**
 * A button's accessible name: antd puts a space between two Chinese characters ("保 存"), and a
 * finished loading spinner can linger (invisible) in the name as "loading 保 存".
 */
const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

describe('onboarding in the browser', () => {
  let dir: string;
  let server: ChildProcess;
  let serverLog = '';
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The server serves dist/web; build it when src/web is newer.
    const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);

    dir = mkdtempSync(join(tmpdir(), 'jxc-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`, LOG_LEVEL: 'warn', JXC_ADMIN_EMAIL: '', JXC_ADMIN_PASSWORD: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (serverLog += d));
    server.stderr?.on('data', (d) => (serverLog += d));
    await waitForHealth(base, server, () => serverLog);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const heading = (name: string | RegExp) => page.getByRole('heading', { name });
  // Menu items' accessible names start with their icon's label ("shopping 商品").
  const menuItem = (name: string) => page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) });
  const save = () => page.getByRole('button', { name: label('保存') }).click();

  it('sets up the first administrator, who lands on the home page in Chinese', async () => {
    await page.goto(base + '/');
    await page.waitForURL(/\/setup$/);
    await heading('初始化系统').waitFor();
    await page.getByLabel('姓名').fill(admin.name);
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码', { exact: true }).fill(admin.password);
    await page.getByLabel('确认密码').fill(admin.password);
    await page.getByRole('button', { name: '创建管理员并进入系统' }).click();
    await heading(`欢迎，${admin.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const menu = await page.getByRole('menu').first().innerText();
    for (const item of ['首页', '商品资料', '往来单位', '仓库', '数据导入', '系统设置']) expect(menu).toContain(item);
  });

  it('signs out and back in', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: label('登录') }).click();
    expect(await page.getByTestId('login-error').innerText()).toContain('邮箱或密码错误');
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await heading(`欢迎，${admin.name}`).waitFor();
  });

  it('creates a category', async () => {
    await menuItem('商品类别').click();
    await heading('商品类别').waitFor();
    await page.getByRole('button', { name: '新增类别' }).click();
    await page.getByRole('dialog').getByLabel('类别名称').fill('饮料');
    await save();
    await page.getByRole('cell', { name: '饮料', exact: true }).waitFor();
  });

  it('creates a product with a pack unit (1 箱 = 12 瓶) and a barcode', async () => {
    await menuItem('商品').click();
    await page.getByRole('button', { name: '新增商品' }).click();
    await heading('新增商品').waitFor();
    await page.getByLabel('商品编码').fill('COLA-330');
    await page.getByLabel('商品名称').fill('可乐 330ml');
    await page.getByLabel('规格').fill('330ml×1');
    await page.getByLabel('商品类别').click();
    await page.locator('.ant-select-tree-title', { hasText: '饮料' }).click();
    await page.getByLabel('零售价').fill('3.5');
    await page.getByLabel('基本单位').fill('瓶');
    await page.getByRole('button', { name: '添加辅助单位' }).click();
    await page.getByLabel('单位名称').fill('箱');
    await page.getByLabel('换算率').fill('12');
    await page.getByText('1 箱 = 12 瓶').waitFor();
    await page.getByRole('button', { name: '添加条码' }).click();
    await page.getByLabel('条码', { exact: true }).fill('6901234567892');
    await save();

    await page.waitForURL(/\/products\/[^/]+$/);
    await heading(/可乐 330ml/).waitFor();
    await page.getByRole('cell', { name: '1 箱 = 12 瓶' }).waitFor();
    const img = page.getByTestId('barcode-image');
    await img.waitFor();
    await page.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('[data-testid=barcode-image]');
      return !!i && i.complete && i.naturalWidth > 0;
    });
    expect(await page.getByText('¥3.50').count()).toBeGreaterThan(0);

    const res = await page.request.get(`${base}/api/v1/products?q=COLA-330`);
    const { items } = (await res.json()) as { items: Array<{ listPrice: number; categoryName: string; baseUnit: string; units: { name: string; factor: number }[]; barcodes: { barcode: string }[] }> };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ listPrice: 350, categoryName: '饮料', baseUnit: '瓶', units: [{ name: '箱', factor: 12 }], barcodes: [{ barcode: '6901234567892' }] });
  });

  it('imports customers from an .xlsx built on the template headers', async () => {
    await menuItem('数据导入').click();
    await heading('数据导入').waitFor();
    await page.locator('.ant-radio-button-wrapper', { hasText: '客户' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel 模板 (.xlsx)' }).click()]);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(await download.path());
    const headers = (template.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
    for (const h of ['客户编号', '客户名称', '价格等级']) expect(headers).toContain(h);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(headers);
    const row = (values: Record<string, string>) => ws.addRow(headers.map((h) => values[h] ?? ''));
    row({ 客户编号: 'K-001', 客户名称: '北京好邻居便利店', 价格等级: '批发', 电话: '010-66668888' });
    row({ 客户编号: 'K-002', 客户名称: '天津万家超市', 价格等级: 'VIP' });
    const file = join(dir, 'customers.xlsx');
    await wb.xlsx.writeFile(file);

    await page.locator('input[type=file]').setInputFiles(file);
    const summary = await page.getByTestId('import-summary').innerText();
    expect(summary).toContain('共 2 行');
    expect(summary).toContain('发现 0 处错误');
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);
    await page.getByTestId('import-commit').click();
    await page.getByText('导入完成').waitFor();
    expect(await page.getByText('新增 2 条，更新 0 条').count()).toBe(1);
  });

  it('shows the imported customers in the customer list', async () => {
    await page.getByRole('button', { name: '查看客户列表' }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByRole('cell', { name: '北京好邻居便利店' }).waitFor();
    await page.getByRole('cell', { name: '天津万家超市' }).waitFor();
    expect(await page.getByRole('row', { name: /K-001/ }).innerText()).toContain('批发');
    expect(await page.getByRole('row', { name: /K-002/ }).innerText()).toContain('VIP');
    const list = (await (await page.request.get(`${base}/api/v1/customers?sort=code`)).json()) as { total: number };
    expect(list.total).toBe(2);
  });

  it('switches to English: the UI and server messages follow, and the choice survives a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await heading('Customers').waitFor();
    const menu = await page.getByRole('menu').first().innerText();
    for (const item of ['Home', 'Catalog', 'Products', 'Categories', 'Partners', 'Customers', 'Suppliers', 'Warehouses', 'Data import', 'Settings', 'Users', 'API keys', 'Audit log']) {
      expect(menu).toContain(item);
    }
    await page.getByRole('columnheader', { name: 'Customer name' }).waitFor();
    await page.getByRole('button', { name: 'New customer' }).waitFor();
    await page.getByText('2 in total').waitFor();
    // No Chinese left in the menu, titles, column headings, pager or buttons. Data (customer and user
    // names) stays as typed, and the switch offers "中文" in its own language.
    const chrome = await page.locator('aside, h4, thead, .ant-pagination, button:not([data-testid=user-menu]):not([data-testid=lang-switch])').allInnerTexts();
    expect(chrome.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);

    await page.reload();
    await heading('Customers').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // A server error comes back in English too.
    await page.getByRole('button', { name: 'New customer' }).click();
    await heading('New customer').waitFor();
    await page.getByRole('textbox', { name: 'Code' }).fill('K-001');
    await page.getByRole('textbox', { name: 'Customer name' }).fill('Duplicate');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/already exists/).first().waitFor();
  });
});
