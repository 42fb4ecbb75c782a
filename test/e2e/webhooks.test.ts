// 开放接口 screens in a real browser against the real server (its webhook dispatcher running) and a
// real HTTP receiver on loopback: an API key limited to scopes shows them; a webhook subscription with
// an ftp:// address is refused on the field, a valid one shows its 签名密钥 once; a confirmed order's
// event fails once (the receiver answers 500), shows 推送失败 with the reply in 推送记录, and
// 重新推送 delivers it, signed with that secret.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };

describe('开放接口: API key scopes and webhooks', () => {
  let server: TestServer;
  let hooks: WebhookReceiver;
  let api: ApiSession;
  let browser: Browser;
  let page: Page;
  let customerId: string;
  let productId: string;

  beforeAll(async () => {
    buildWeb();
    hooks = await startWebhookReceiver();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    const wh = await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true });
    productId = (await api<{ id: string }>('POST', '/products', { sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, costPrice: 150 })).id;
    customerId = (await api<{ id: string }>('POST', '/customers', { code: 'C-001', name: '便利店' })).id;
    await api('POST', '/stock/opening', { warehouseId: wh.id, lines: [{ productId, quantity: 100, unitCost: 150 }] });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('menuitem', { name: /首页$/ }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await hooks?.close();
  });

  const menu = (name: string) => page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) }).click();
  const fieldError = (name: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(name, { exact: true }) }).locator('.ant-form-item-explain-error');

  it('creates an API key limited to scopes and shows them in the list', async () => {
    await menu('API 密钥');
    await page.getByRole('button', { name: label('新建密钥') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建密钥' });
    await dialog.getByLabel('密钥名称').fill('商城对接');
    await dialog.getByLabel('权限范围', { exact: true }).click();
    await page.keyboard.type('stock:read');
    await page.keyboard.press('Enter');
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: label('保存') }).click();
    const key = await page.getByTestId('new-api-key').inputValue();
    expect(key).toMatch(/^jxc_/);
    await page.getByRole('dialog').filter({ hasText: '密钥已创建' }).locator('.ant-modal-footer').getByRole('button', { name: label('关闭') }).click();
    const row = page.locator('tr').filter({ hasText: '商城对接' });
    await expect.poll(() => row.textContent()).toContain('stock:read');
    // A viewer key (the default role) limited to stock:read: stock yes, sales orders (which the role could read) no.
    expect((await fetch(`${server.base}/api/v1/stock`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const res = await fetch(`${server.base}/api/v1/sales-orders`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('API_KEY_SCOPE');
  });

  it('refuses an ftp:// 推送地址 on the field; a subscription shows its 签名密钥; a failed push is 重新推送 and arrives signed', async () => {
    await menu('Webhook 推送');
    await page.getByRole('heading', { name: 'Webhook 推送' }).waitFor();
    await page.getByRole('button', { name: label('新建订阅') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建订阅' });
    await dialog.getByLabel('推送地址').fill('ftp://crm.example.com/hook');
    await dialog.getByLabel('事件', { exact: true }).click();
    await page.getByText('销售订单已确认（order.confirmed）').click();
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => fieldError('推送地址').textContent()).toContain('http://');
    expect((await api<{ total: number }>('GET', '/webhooks/subscriptions')).total).toBe(0);

    await dialog.getByLabel('推送地址').fill(hooks.url());
    // The field's error goes once the address is valid (as a user sees it), then save.
    await expect.poll(() => fieldError('推送地址').count()).toBe(0);
    await dialog.getByRole('button', { name: label('保存') }).click();
    // The secret's dialog, or (to say why not) the error message shown instead.
    await expect.poll(async () => (await page.getByTestId('webhook-secret').count()) || (await page.locator('.ant-message-error').allTextContents()).join(' ') || 0, { timeout: 30_000 }).toBe(1);
    const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    hooks.secret = secret;
    await page.getByRole('dialog').filter({ hasText: '订阅已创建' }).locator('.ant-modal-footer').getByRole('button', { name: label('关闭') }).click();

    hooks.replies = [500];
    await api('POST', '/sales-orders', { customerId, confirm: true, lines: [{ productId, quantity: 2 }] });
    await expect.poll(() => hooks.received.length, { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: label('推送记录') }).click();
    const row = page.locator('.ant-drawer tr').filter({ hasText: '销售订单已确认' });
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('推送失败');
    await row.click();
    await expect.poll(() => page.getByText('receiver says 500').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: label('重新推送') }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId('webhook-delivery-status').textContent(), { timeout: 15_000 }).toBe('已送达');
    expect(hooks.received).toHaveLength(2);
    expect(hooks.received.every((h) => h.signatureValid)).toBe(true);
    expect(hooks.received[1].body.type).toBe('order.confirmed');
  });
});
