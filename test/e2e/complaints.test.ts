// Customer communication in a real browser against the real server with a real SMTP server: a
// customer whose order was confirmed (the confirmation email arrives), shipped and delivered files a
// complaint on the tracking page (no sign-in); staff find it under 投诉 next to an older complaint
// whose time limit has passed (red 已超时 with its due time, and alone under 只看已超时), open it,
// assign it to a colleague, start and resolve it with what was done — with the mail server down by
// then, so the customer's notice of the outcome ends 死信. The order's 时间线 shows the complaint's
// steps and every message with its channel, recipient and delivery status, the dead one linking to
// 消息记录 where it can be resent. The customer rates the order from the feedback link, and the
// rating is in 客户评价; 投诉处理时限 are changed under 系统设置.
import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const clerk = { email: 'li@example.com', password: 'e2e-clerk-2026', name: '李客服' };
const customerEmail = 'zhao@meijia.example.com';

type Order = { id: string; number: string };
type Complaint = { id: string; status: string; source: string; assigneeName: string | null; overdue: boolean; dueAt: string };

/** A loopback port nobody listens on. */
const closedPort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

describe('complaints, feedback and the order timeline', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let api: ApiSession;
  let browser: Browser;
  let order: Order;
  let trackingToken = '';
  let complaint: Complaint;
  let late: Complaint;

  const sql = <T,>(f: (db: Database.Database) => T): T => {
    const db = new Database(join(server.dir, 'e2e.sqlite'));
    db.pragma('busy_timeout = 5000');
    try {
      return f(db);
    } finally {
      db.close();
    }
  };
  const smtpAt = (port: number) => api('PUT', '/settings/notifications', { host: '127.0.0.1', port, secure: false, from: '鑫源商贸 <shop@example.com>', shopName: '鑫源商贸', maxAttempts: 1 });

  beforeAll(async () => {
    buildWeb();
    smtp = await startSmtpServer();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    await smtpAt(smtp.port);
    const wh = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    const customer = await api<{ id: string }>('POST', '/customers', {
      code: 'K-088', name: '美佳超市', email: customerEmail,
      addresses: [{ province: '上海市', city: '上海市', district: '徐汇区', address: '漕溪北路 18 号', recipient: '赵经理', phone: '13900000000', isDefault: true }],
    });
    const tea = await api<{ id: string }>('POST', '/products', { sku: 'TEA-500', name: '绿茶 500ml', baseUnit: '瓶', listPrice: 400, taxRate: 13 });
    await api('POST', '/stock/opening', { warehouseId: wh, lines: [{ productId: tea.id, quantity: 100, unitCost: 250 }] });
    order = await api<Order>('POST', '/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: tea.id, quantity: 24 }] });
    // The confirmation email has reached the customer before anything else happens.
    await vi.waitFor(() => expect(smtp.received.some((m) => m.to.includes(customerEmail) && m.subject.includes(order.number))).toBe(true), { timeout: 30_000, interval: 500 });
    const sim = (await api<{ items: { id: string; code: string }[] }>('GET', '/carriers')).items.find((c) => c.code === 'SIM')!;
    const shipment = await api<{ id: string }>('POST', '/shipments', { orderId: order.id, carrierId: sim.id, issueWaybill: true });
    await api('POST', `/shipments/${shipment.id}/simulate-event`, { status: 'delivered', location: '上海' });
    trackingToken = (await api<{ token: string }>('POST', `/fulfillment/orders/${order.id}/tracking-link`, {})).token;
    await api('POST', '/users', { email: clerk.email, name: clerk.name, password: clerk.password, role: 'sales' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const signIn = async (p: Page) => {
    await p.goto(server.base + '/login');
    await p.getByLabel('邮箱').fill(admin.email);
    await p.getByLabel('密码').fill(admin.password);
    await p.getByRole('button', { name: label('登录') }).click();
    await p.getByRole('menuitem', { name: /首页$/ }).waitFor();
  };
  const desk = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page);
    return { page, close: () => context.close() };
  };

  it('the customer files a complaint on the tracking page, without signing in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.base}/t/${trackingToken}`);
    await page.getByRole('heading', { name: '投诉与建议' }).waitFor();
    const out = page.locator('#cf-out');
    // Nothing described: refused on the page, nothing sent.
    await page.getByRole('button', { name: '提交投诉' }).click();
    expect(await out.innerText()).toBe('请描述遇到的问题');
    await page.getByLabel('问题类型').selectOption('logistics');
    await page.getByLabel('问题描述').fill('快递员没有送货上门，让我们自己去驿站取，箱子还压坏了');
    await page.getByLabel('联系方式（选填）').fill('13900000000');
    await page.getByRole('button', { name: '提交投诉' }).click();
    await expect.poll(() => out.innerText(), { timeout: 10_000 }).toMatch(/^已收到您的投诉，我们会在以下时间前处理：\d{4}/);
    expect(await out.getAttribute('class')).toBe('ok');
    // The English page says the same in English.
    await page.goto(`${server.base}/t/${trackingToken}?lang=en`);
    await page.getByRole('heading', { name: 'Make a complaint' }).waitFor();
    expect(await page.getByLabel('What is it about').locator('option').allInnerTexts()).toEqual(['Logistics', 'Quality', 'Service', 'Price', 'Other']);
    await context.close();
    const list = await api<{ items: Complaint[] }>('GET', `/complaints?orderId=${order.id}`);
    expect(list.items).toHaveLength(1);
    complaint = list.items[0];
    expect(complaint).toMatchObject({ status: 'open', source: 'customer', overdue: false });
  });

  it('staff see it under 投诉 beside an older one past its time limit, in red with its due time', async () => {
    late = await api<Complaint>('POST', '/complaints', { orderId: order.id, category: 'quality', description: '有两瓶漏液', priority: 'high' });
    const due = new Date(Date.now() - 3 * 3600_000).toISOString();
    sql((db) => db.prepare('UPDATE complaints SET due_at = ? WHERE id = ?').run(due, late.id));
    const { page, close } = await desk();
    await page.getByRole('menuitem', { name: /(^|\s)投诉$/ }).click();
    await page.getByRole('heading', { name: '投诉' }).waitFor();
    const rows = page.getByTestId('complaint-row');
    await expect.poll(() => rows.count()).toBe(2);
    // The most urgent first: the overdue one, marked 已超时 with its due time.
    const first = rows.first();
    expect(await first.innerText()).toContain('有两瓶漏液');
    await first.getByTestId('complaint-overdue').getByText('已超时').waitFor();
    expect(await first.getByTestId('complaint-overdue').innerText()).toMatch(/已超时\s*\d{4}/);
    const mine = rows.filter({ hasText: '驿站' });
    expect(await mine.getByTestId('complaint-overdue').count()).toBe(0);
    expect(await mine.innerText()).toContain(order.number);
    // 只看已超时 leaves only that one.
    const overdueOnly = page.getByRole('checkbox', { name: '只看已超时' });
    await overdueOnly.click();
    await expect.poll(() => overdueOnly.isChecked()).toBe(true);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('有两瓶漏液');
    await overdueOnly.click();
    await expect.poll(() => rows.count()).toBe(2);
    await close();
  });

  it('staff open the customer’s complaint, assign it, start and resolve it', async () => {
    const { page, close } = await desk();
    await page.goto(`${server.base}/complaints`);
    await page.getByTestId('complaint-row').filter({ hasText: '驿站' }).click();
    await page.getByTestId('complaint-description').getByText(/驿站/).waitFor();
    expect(await page.getByTestId('complaint-status').innerText()).toBe('待处理');
    // Resolving and closing are offered only as the status allows.
    expect(await page.getByRole('button', { name: label('关闭') }).count()).toBe(0);

    await page.getByRole('combobox', { name: '处理人' }).click();
    await page.locator('.ant-select-item-option', { hasText: clerk.name }).click();
    await page.getByText('处理人已更新').waitFor();
    await page.getByTestId('complaint-history').getByText(`处理人：${clerk.name}`).waitFor();

    await page.getByRole('button', { name: label('开始处理') }).click();
    await page.getByRole('dialog').getByRole('button', { name: label('开始处理') }).click();
    await expect.poll(() => page.getByTestId('complaint-status').innerText()).toBe('处理中');

    await page.getByLabel('添加跟进备注').fill('已电话联系赵经理，补发一箱');
    await page.getByRole('button', { name: label('添加备注') }).click();
    await page.getByTestId('complaint-history').getByText('已电话联系赵经理，补发一箱').waitFor();

    // The mail server goes down before the outcome is sent to the customer.
    await smtpAt(await closedPort());
    await page.getByRole('button', { name: label('标记为已解决') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: label('标记为已解决') }).click();
    await dialog.getByText('请填写处理结果').waitFor();
    await dialog.getByLabel('处理结果').fill('已补发一箱，并提醒快递送货上门');
    await dialog.getByRole('button', { name: label('标记为已解决') }).click();
    await expect.poll(() => page.getByTestId('complaint-status').innerText()).toBe('已解决');
    expect(await page.getByRole('button', { name: label('重新打开') }).count()).toBe(1);
    const history = await page.getByTestId('complaint-history').innerText();
    for (const step of ['登记投诉', '指派处理人', '开始处理', '跟进备注', '已解决', '已补发一箱，并提醒快递送货上门']) expect(history).toContain(step);
    const c = await api<Complaint>('GET', `/complaints/${complaint.id}`);
    expect(c).toMatchObject({ status: 'resolved', assigneeName: clerk.name });
    await close();
  });

  it('the order’s 时间线 shows the complaint and every message with its delivery status; the dead one links to 消息记录', async () => {
    // The outcome notice has failed for good on the closed port.
    await expect.poll(async () => {
      const tl = await api<{ kind: string; title: { en: string }; status?: string }[]>('GET', `/sales-orders/${order.id}/timeline`);
      return tl.find((e) => e.kind === 'message' && e.title.en.includes('complaint.resolved'))?.status;
    }, { timeout: 30_000, interval: 500 }).toBe('dead');
    const { page, close } = await desk();
    await page.goto(`${server.base}/sales-orders/${order.id}`);
    const card = page.getByTestId('order-timeline');
    await card.getByText('投诉已解决（物流）').waitFor();
    await card.getByText(`处理人：${clerk.name}`).waitFor();
    const text = await card.innerText();
    for (const line of ['客户投诉（物流）', '投诉转交处理人（物流）', '投诉处理中（物流）', '投诉已解决（物流）', '客户投诉（质量）', '已签收', '已发送评价邀请']) expect(text).toContain(line);
    // Newest first: the resolution is above the customer's complaint.
    expect(text.indexOf('投诉已解决（物流）')).toBeLessThan(text.indexOf('客户投诉（物流）'));

    const confirmed = card.getByTestId('timeline-message').filter({ hasText: '订单确认通知' });
    await confirmed.first().waitFor();
    const confirmedText = await confirmed.first().innerText();
    expect(confirmedText).toContain('已发送');
    expect(confirmedText).toContain(`邮件 · 发给 ${customerEmail}`);

    // No staff robot is set up: the staff alert reached nobody, and says so.
    expect(await card.getByTestId('timeline-message').filter({ hasText: '新投诉提醒（内部）' }).first().innerText()).toContain('无收件人');
    const dead = card.getByTestId('timeline-message').filter({ hasText: '投诉处理结果通知' });
    const deadText = await dead.innerText();
    expect(deadText).toContain('死信');
    expect(deadText).toMatch(/错误：.*(ECONNREFUSED|connect)/i);
    // 最早在前 turns it round.
    await card.getByText('最早在前').click();
    await expect.poll(async () => { const s = await card.innerText(); return s.indexOf('客户投诉（物流）') < s.indexOf('投诉已解决（物流）'); }).toBe(true);

    await dead.getByTestId('timeline-resend').click();
    await page.getByRole('heading', { name: '消息记录' }).waitFor();
    const drawer = page.getByRole('dialog').filter({ hasText: '消息详情' });
    await drawer.getByText(order.number).first().waitFor();
    await expect.poll(() => drawer.getByTestId('outbox-status').textContent()).toBe('死信');
    // Mail fixed, 重新发送 delivers it, and the timeline says so.
    await smtpAt(smtp.port);
    await drawer.getByRole('button', { name: label('重新发送') }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => drawer.getByTestId('outbox-status').textContent(), { timeout: 20_000 }).toBe('已发送');
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(customerEmail) && m.text.includes('已补发一箱')).length, { timeout: 20_000 }).toBe(1);
    await page.goto(`${server.base}/sales-orders/${order.id}`);
    await expect.poll(() => card.getByTestId('timeline-message').filter({ hasText: '投诉处理结果通知' }).first().innerText()).toContain('已发送');
    await close();
  });

  it('the customer rates the order from the feedback link; 客户评价 shows it, filtered by stars', async () => {
    const token = sql((db) => (db.prepare('SELECT token FROM feedback_requests WHERE order_id = ?').get(order.id) as { token: string }).token);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const phone = await context.newPage();
    await phone.goto(`${server.base}/feedback/${token}`);
    await phone.getByRole('heading', { name: '评价本次购物' }).waitFor();
    await phone.getByLabel(/满意$/).first().waitFor();
    await phone.locator('input[name=rating][value="4"]').check();
    await phone.getByLabel('说说您的感受（选填）').fill('补发很及时，就是快递要改进');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => phone.locator('#ff-out').innerText(), { timeout: 10_000 }).toBe('感谢您的评价！');
    await context.close();

    const { page, close } = await desk();
    await page.getByRole('menuitem', { name: /客户评价$/ }).click();
    await page.getByRole('heading', { name: '客户评价' }).waitFor();
    const row = page.getByTestId('feedback-row').filter({ hasText: order.number });
    await row.waitFor();
    expect(await row.innerText()).toContain('补发很及时，就是快递要改进');
    expect(await row.innerText()).toContain('美佳超市');
    expect(await row.getByTestId('feedback-rating').getAttribute('data-rating')).toBe('4');
    await page.getByRole('combobox', { name: '评分' }).click();
    await page.locator('.ant-select-item-option', { hasText: '5 星' }).click();
    await expect.poll(() => page.getByTestId('feedback-row').count()).toBe(0);
    await page.getByRole('combobox', { name: '评分' }).click();
    await page.locator('.ant-select-item-option', { hasText: '4 星' }).click();
    await expect.poll(() => page.getByTestId('feedback-row').count()).toBe(1);
    // The rating is on the order's timeline too.
    await row.getByRole('link', { name: order.number }).click();
    await page.getByTestId('order-timeline').getByText('客户评价 4 星').waitFor();
    await close();
  });

  it('新建投诉: staff record a phone complaint, the order picked by typing its number', async () => {
    const { page, close } = await desk();
    await page.goto(`${server.base}/complaints`);
    await page.getByRole('button', { name: label('新建投诉') }).click();
    await page.getByRole('heading', { name: '新建投诉' }).waitFor();
    await page.getByText('处理时限按问题类型的时限设置（24 小时）计算。').waitFor();
    // Nothing filled: refused on the fields.
    await page.getByTestId('submit-complaint').click();
    await page.getByText('请选择订单').waitFor();
    await page.getByText('请填写问题描述').waitFor();
    const pick = page.getByRole('combobox', { name: '订单号' });
    await pick.fill(order.number.slice(-6));
    await page.locator('.ant-select-item-option', { hasText: order.number }).waitFor();
    await pick.press('Enter');
    await page.getByText('服务', { exact: true }).click();
    await page.getByText('处理时限按问题类型的时限设置（24 小时）计算。').waitFor();
    await page.getByLabel('问题描述').fill('客服电话一直占线');
    await page.getByLabel('联系方式').fill('赵经理 13900000000');
    await page.getByText('紧急', { exact: true }).click();
    await page.getByTestId('submit-complaint').click();
    await page.getByTestId('complaint-description').getByText('客服电话一直占线').waitFor();
    expect(await page.getByTestId('complaint-status').innerText()).toBe('待处理');
    const id = page.url().split('/').pop()!;
    expect(await api<Complaint & { category: string; priority: string; contact: string }>('GET', `/complaints/${id}`)).toMatchObject({ category: 'service', priority: 'urgent', source: 'staff', contact: '赵经理 13900000000' });
    await close();
  });

  it('投诉处理时限 under 系统设置: a changed limit applies to complaints made afterwards', async () => {
    const { page, close } = await desk();
    await page.getByRole('menuitem', { name: /投诉时限$/ }).click();
    await page.getByRole('heading', { name: '投诉处理时限' }).waitFor();
    await page.getByLabel('物流').fill('12');
    await page.getByRole('button', { name: label('保存') }).click();
    await page.getByText('投诉处理时限已保存').waitFor();
    expect((await api<Record<string, number>>('GET', '/complaints/settings')).logistics).toBe(12);
    const c = await api<{ createdAt: string; dueAt: string }>('POST', '/complaints', { orderId: order.id, category: 'logistics', description: '包装破损' });
    expect(Date.parse(c.dueAt) - Date.parse(c.createdAt)).toBe(12 * 3600_000);
    await close();
  });
});
