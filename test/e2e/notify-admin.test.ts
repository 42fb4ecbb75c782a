// Notification admin screens in a real browser against the real server and a real SMTP server on
// loopback: the admin edits the Chinese 订单已确认 template (a placeholder inserted by click, the live
// preview follows), an unknown placeholder {{nope}} is refused on the field, saves and restores the
// default; sets up SMTP on 通知渠道 and sends a test email that arrives; with SMTP on a closed port a
// confirmed order's email dies (one attempt allowed) and shows in 消息记录 under 死信 with its error;
// SMTP fixed, 重新发送 delivers it.
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };

/** A loopback port nobody listens on. */
const closedPort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

describe('notification admin: templates, channels and the message log', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let api: ApiSession;
  let browser: Browser;
  let page: Page;
  let customerId: string;
  let productId: string;

  beforeAll(async () => {
    buildWeb();
    smtp = await startSmtpServer();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    const wh = await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true });
    productId = (await api<{ id: string }>('POST', '/products', { sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, costPrice: 150 })).id;
    customerId = (await api<{ id: string }>('POST', '/customers', { code: 'C-001', name: '便利店', email: 'buyer@shop.test' })).id;
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
    await smtp?.close();
  });

  const menu = (name: string) => page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) }).click();
  const fieldError = (name: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(name, { exact: true }) }).locator('.ant-form-item-explain-error');

  it('edits the 订单已确认 template with a placeholder and a live preview, refuses {{nope}} on the field, saves and restores the default', async () => {
    const { items } = await api<{ items: { event: string; lang: string; placeholders: { name: string; example: unknown }[] }[] }>('GET', '/message-templates');
    const number = String(items.find((x) => x.event === 'order.confirmed' && x.lang === 'zh-CN')!.placeholders.find((p) => p.name === 'number')!.example);
    await menu('消息模板');
    await page.getByRole('heading', { name: '消息模板' }).waitFor();
    await page.getByRole('menuitem', { name: /订单已确认/ }).click();
    const subject = page.getByLabel('标题', { exact: true });
    await subject.fill('订单确认：');
    await page.getByText('{{number}}', { exact: true }).first().click();
    await expect.poll(() => subject.inputValue()).toBe('订单确认：{{number}}');
    await expect.poll(() => page.getByTestId('preview-subject').textContent(), { timeout: 10_000 }).toBe(`订单确认：${number}`);
    // The HTML sits in a sandboxed frame: shown, but it cannot script the app.
    expect(await page.locator('iframe[sandbox=""]').count()).toBe(1);

    const body = page.getByLabel('正文', { exact: true });
    const original = await body.inputValue();
    await body.fill(`${original}\n{{nope}}`);
    await page.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => fieldError('正文').textContent()).toContain('nope');
    expect((await api<{ customised: boolean }>('GET', '/message-templates/order.confirmed/zh-CN')).customised).toBe(false);

    await body.fill(original);
    await page.getByRole('button', { name: label('保存') }).click();
    await page.getByText('模板已保存').waitFor();
    expect(await api<{ subject: string; customised: boolean }>('GET', '/message-templates/order.confirmed/zh-CN')).toMatchObject({ subject: '订单确认：{{number}}', customised: true });

    await page.getByRole('button', { name: label('恢复默认') }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已恢复默认模板').waitFor();
    await expect.poll(() => subject.inputValue()).toBe('【{{shopName}}】您的订单 {{number}} 已确认');
    expect((await api<{ customised: boolean }>('GET', '/message-templates/order.confirmed/zh-CN')).customised).toBe(false);
  });

  const saveSmtp = async (port: number) => {
    const portField = page.getByLabel('端口', { exact: true });
    await portField.fill(String(port));
    await page.locator('.ant-card').filter({ hasText: '邮件（SMTP）' }).getByRole('button', { name: label('保存') }).click();
    await page.getByText('设置已保存').last().waitFor();
    await expect.poll(async () => (await api<{ port: number }>('GET', '/settings/notifications')).port).toBe(port);
  };

  it('sets up SMTP on 通知渠道 and sends a test email that arrives', async () => {
    await menu('通知渠道');
    await page.getByRole('heading', { name: '通知渠道' }).waitFor();
    await page.getByLabel('SMTP 服务器').fill('127.0.0.1');
    await page.getByLabel('发件人').fill('鑫源商贸 <shop@jxc.test>');
    await page.getByLabel('店铺名称').fill('鑫源商贸');
    await page.getByLabel('最多尝试次数').fill('1');
    // The test server speaks plain SMTP: no TLS from the start.
    const tls = page.getByLabel('SSL/TLS', { exact: true });
    if ((await tls.getAttribute('aria-checked')) === 'true') await tls.click();
    await saveSmtp(await closedPort());
    await page.getByLabel('测试收件人').fill('boss@shop.test');
    await page.getByRole('button', { name: label('发送测试邮件') }).click();
    // A closed port: the server's reason, not a generic failure.
    await expect.poll(() => page.getByTestId('test-email-error').textContent(), { timeout: 20_000 }).toMatch(/ECONNREFUSED|connect|连接/i);

    await saveSmtp(smtp.port);
    await page.getByRole('button', { name: label('发送测试邮件') }).click();
    await page.getByText('测试邮件已发送至 boss@shop.test').waitFor({ timeout: 20_000 });
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('boss@shop.test')).length).toBe(1);
  });

  it('a confirmed order’s email to a closed port ends 死信 with its error; SMTP fixed, 重新发送 delivers it', async () => {
    await saveSmtp(await closedPort());
    const order = await api<{ id: string; number: string }>('POST', '/sales-orders', { customerId, confirm: true, lines: [{ productId, quantity: 2 }] });
    await menu('消息记录');
    await page.getByRole('heading', { name: '消息记录' }).waitFor();
    await page.getByRole('tab', { name: /死信/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: 'order.confirmed' });
    await row.first().waitFor({ timeout: 30_000 });
    await expect.poll(() => row.first().textContent()).toMatch(/ECONNREFUSED|connect/i);
    // The dead count shows on the tab.
    await expect.poll(() => page.getByRole('tab', { name: /死信/ }).locator('.ant-badge-count').textContent()).toBe('1');

    await row.first().click();
    const drawer = page.getByRole('dialog').filter({ hasText: '消息详情' });
    await drawer.getByText(order.number).first().waitFor();
    await expect.poll(() => drawer.locator('.ant-table-row').first().textContent()).toMatch(/email.*buyer@shop\.test.*失败.*ECONNREFUSED|connect/is);

    // SMTP fixed on 通知渠道, then back to the dead letter to resend it.
    await page.keyboard.press('Escape');
    await menu('通知渠道');
    await page.getByRole('heading', { name: '通知渠道' }).waitFor();
    await saveSmtp(smtp.port);
    await menu('消息记录');
    await page.getByRole('tab', { name: /死信/ }).click();
    await row.first().click();
    await drawer.getByText(order.number).first().waitFor();
    await drawer.getByRole('button', { name: label('重新发送') }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => drawer.getByTestId('outbox-status').textContent(), { timeout: 20_000 }).toBe('已发送');
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('buyer@shop.test')).length).toBe(1);
    expect(smtp.received.find((m) => m.to.includes('buyer@shop.test'))!.subject).toContain(order.number);
    await expect.poll(() => drawer.locator('.ant-table-row').count()).toBe(2);
  });
});
