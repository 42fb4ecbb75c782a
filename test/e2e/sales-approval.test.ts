// Approval (审核), alerts, edits and shortages in real browsers against the real server: the
// administrator sets up a rule (orders over ¥100 go to finance) on the 审核规则 screen; a clerk's
// order trips it; the finance approver, on a phone, sees the bell, approves one order and rejects
// another with a reason; the clerk edits the rejected order under the limit, confirms it, duplicates
// it and is told clearly when an edit is refused. Then the shortage ways out: a substitute, a
// backorder from the entry form, and a backorder when an approval finds the stock gone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const clerk = { email: 'clerk@example.com', password: 'e2e-clerk-2026', name: '李销售' };
const approver = { email: 'finance@example.com', password: 'e2e-finance-2026', name: '王财务' };
const codes = { cola: '6901234567892', juice: '6904444444440', water: '6903333333338' };

type Line = { productId: string; quantity: number; reserved: number; backordered: number };
type Order = { id: string; number: string; status: string; total: number; approvalComment: string | null; approvedBy: string | null; lines: Line[] };
type Rule = { id: string; name: string; kind: string; threshold: number; approverRole: string; status: string };

describe('approval, alerts, edits and shortages in the browser', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let boss: Page;
  let desk: Page;
  let phone: Page;
  const ids = { main: '', cola: '', juice: '', juiceL: '', water: '' };
  const held: { approved?: Order; rejected?: Order; copy?: Order } = {};

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);

    ids.main = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    await api('POST', '/customers', { code: 'K-001', name: '北京好邻居便利店' });
    const drinks = (await api<{ id: string }>('POST', '/categories', { name: '饮料' })).id;
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, ...body }).then((p) => p.id);
    ids.cola = await product({ sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, barcodes: [{ barcode: codes.cola }] });
    // The 橙汁 is out of stock; the 1 L one (same category, price within 30%) stands in for it.
    ids.juice = await product({ sku: 'JUICE-500', name: '橙汁 500ml', baseUnit: '瓶', listPrice: 500, categoryId: drinks, barcodes: [{ barcode: codes.juice }] });
    ids.juiceL = await product({ sku: 'JUICE-1L', name: '橙汁 1L', baseUnit: '瓶', listPrice: 600, categoryId: drinks });
    ids.water = await product({ sku: 'WATER-550', name: '矿泉水 550ml', baseUnit: '瓶', listPrice: 200, barcodes: [{ barcode: codes.water }] });
    await api('POST', '/stock/opening', {
      warehouseId: ids.main,
      lines: [{ productId: ids.cola, quantity: 100, unitCost: 200 }, { productId: ids.juiceL, quantity: 20, unitCost: 300 }, { productId: ids.water, quantity: 5, unitCost: 100 }],
    });
    await api('POST', '/users', { email: clerk.email, name: clerk.name, password: clerk.password, role: 'sales' });
    await api('POST', '/users', { email: approver.email, name: approver.name, password: approver.password, role: 'finance' });

    browser = await launchBrowser();
    const open = async (viewport: { width: number; height: number }, mobile = false) => {
      const c = await browser.newContext({ viewport, locale: 'zh-CN', hasTouch: mobile, isMobile: mobile });
      contexts.push(c);
      return c.newPage();
    };
    boss = await open({ width: 1280, height: 900 });
    desk = await open({ width: 1280, height: 900 });
    // The approver works from a phone.
    phone = await open({ width: 390, height: 844 }, true);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (page: Page, who: { email: string; password: string }) => {
    await page.goto(server.base + '/login');
    await page.getByLabel('邮箱').fill(who.email);
    await page.getByLabel('密码').fill(who.password);
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByTestId('user-menu').waitFor();
  };
  const order = (id: string) => api<Order>('GET', `/sales-orders/${id}`);
  const available = async (productId: string) => (await api<{ items: { available: number }[] }>('GET', `/stock?productId=${productId}&warehouseId=${ids.main}`)).items[0]?.available ?? 0;
  const orderId = (page: Page) => /\/sales-orders\/([^/]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
  const status = (page: Page) => page.getByTestId('order-status').first();

  /** The clerk's new order: customer by keyboard, each product scanned and its quantity typed, then 保存并确认. */
  const enterOrder = async (lines: [code: string, name: string, quantity: number][]) => {
    await desk.goto(server.base + '/sales-orders/new');
    await desk.getByRole('heading', { name: '新建销售订单' }).waitFor();
    await desk.keyboard.type('好邻居');
    await desk.locator('.ant-select-item-option', { hasText: '北京好邻居便利店' }).waitFor();
    await desk.keyboard.press('Enter');
    const scan = desk.getByTestId('scan-box');
    for (const [code, name, quantity] of lines) {
      await scan.fill(code);
      await scan.press('Enter');
      const qty = desk.getByTestId('order-line').filter({ hasText: name }).getByRole('spinbutton', { name: /数量/ });
      await qty.waitFor();
      await qty.fill(String(quantity));
    }
    await desk.getByRole('button', { name: label('保存并确认') }).click();
  };

  it('the administrator adds the rule on 销售 → 审核规则: orders over ¥100 are approved by finance', async () => {
    await signIn(boss, admin);
    await boss.getByRole('menuitem', { name: /(^|\s)审核规则$/ }).click();
    await boss.getByRole('heading', { name: '审核规则' }).waitFor();
    await boss.getByText('还没有审核规则').waitFor();
    await boss.getByRole('button', { name: '新增规则' }).click();
    const dialog = boss.getByRole('dialog');
    await dialog.getByLabel('规则名称').fill('大额订单');
    // 订单金额超限 is the first type; the amount is typed in yuan.
    await dialog.getByLabel('金额超过').fill('100');
    await dialog.getByLabel('审核角色').click();
    await boss.locator('.ant-select-item-option', { hasText: '财务' }).click();
    await dialog.getByRole('button', { name: label('保存') }).click();
    const row = boss.getByTestId('approval-rules').locator('tbody tr', { hasText: '大额订单' });
    await row.getByText('订单金额超过 ¥100.00').waitFor();
    expect(await row.innerText()).toContain('财务');
    const rules = await api<{ items: Rule[] }>('GET', '/approval-rules');
    expect(rules.items).toMatchObject([{ name: '大额订单', kind: 'total_over', threshold: 10000, approverRole: 'finance', status: 'active' }]);

    // Switched off and on again from the list.
    const toggle = row.getByRole('switch');
    await toggle.click();
    await expect.poll(async () => (await api<{ items: Rule[] }>('GET', '/approval-rules')).items[0].status).toBe('inactive');
    await toggle.click();
    await expect.poll(async () => (await api<{ items: Rule[] }>('GET', '/approval-rules')).items[0].status).toBe('active');
  });

  it('the clerk’s ¥140 order waits for approval, with the rule that tripped; nothing is reserved', async () => {
    await signIn(desk, clerk);
    // Only administrators manage rules.
    expect(await desk.getByRole('menuitem', { name: /审核规则$/ }).count()).toBe(0);
    await enterOrder([[codes.cola, '可乐 330ml', 40]]);
    await desk.waitForURL(/\/sales-orders\/(?!new)[^/]+$/);
    await status(desk).getByText('待审核').waitFor();
    await desk.getByTestId('approval-reasons').getByText('大额订单：订单金额 ¥140.00 超过 ¥100.00').waitFor();
    await desk.getByText('此订单需由财务审核，您的账号不能审核。').waitFor();
    expect(await desk.getByRole('button', { name: label('审核通过') }).count()).toBe(0);
    held.approved = await order(orderId(desk));
    expect(held.approved).toMatchObject({ status: 'pending_approval', total: 14000 });
    expect(held.approved.lines[0].reserved).toBe(0);
    expect(await available(ids.cola)).toBe(100);
  });

  it('the approver’s bell (on a phone) shows the approval alert and leads to the order; 审核通过 with a comment reserves the stock', async () => {
    await signIn(phone, approver);
    const bell = phone.getByTestId('alert-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息 1 条未读');
    await bell.click();
    const item = phone.getByTestId('alert-item').filter({ hasText: `待审核：${held.approved!.number}` });
    expect(await item.innerText()).toContain('订单金额 ¥140.00 超过 ¥100.00');
    await item.click();
    await phone.waitForURL(new RegExp(`/sales-orders/${held.approved!.id}$`));
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息');

    await phone.getByRole('button', { name: label('审核通过') }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByLabel('审核意见').fill('已核实付款');
    await dialog.getByRole('button', { name: label('审核通过') }).click();
    await status(phone).getByText('已确认').waitFor();
    await phone.getByTestId('approval-comment').getByText('已核实付款').waitFor();
    // The approval history (finance may read the audit log): sent, then approved by 王财务.
    const history = phone.getByTestId('approval-history');
    await history.getByText('审核通过').waitFor();
    expect(await history.innerText()).toMatch(/提交审核[\s\S]*李销售[\s\S]*审核通过[\s\S]*王财务[\s\S]*已核实付款/);

    const after = await order(held.approved!.id);
    expect(after).toMatchObject({ status: 'confirmed', approvalComment: '已核实付款', approvedBy: approver.name });
    expect(after.lines[0].reserved).toBe(40);
    expect(await available(ids.cola)).toBe(60);
    // The approval alert is resolved: nothing unread is left.
    expect(await api<{ count: number }>('GET', '/alerts/unread-count')).toMatchObject({ count: 0 });
  });

  it('a second big order is found under 待审核 and rejected: a reason is required, and the clerk sees it', async () => {
    await enterOrder([[codes.cola, '可乐 330ml', 35]]);
    await desk.waitForURL(/\/sales-orders\/(?!new)[^/]+$/);
    await status(desk).getByText('待审核').waitFor();
    held.rejected = await order(orderId(desk));

    await phone.goto(server.base + '/sales-orders');
    await phone.getByTestId('pending-count').getByText('1').waitFor();
    await phone.getByRole('tab', { name: /待审核/ }).click();
    await expect.poll(() => new URL(phone.url()).searchParams.get('status')).toBe('pending_approval');
    await phone.getByRole('link', { name: held.rejected.number }).click();
    await phone.getByRole('button', { name: label('驳回') }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByRole('button', { name: label('驳回') }).click();
    await dialog.getByText('请填写驳回原因').waitFor();
    expect((await order(held.rejected.id)).status).toBe('pending_approval');
    await dialog.getByLabel('驳回原因').fill('数量太大，请改为 20 瓶');
    await dialog.getByRole('button', { name: label('驳回') }).click();
    await status(phone).getByText('草稿').waitFor();
    expect(await order(held.rejected.id)).toMatchObject({ status: 'draft', approvalComment: '数量太大，请改为 20 瓶' });

    await desk.reload();
    await status(desk).getByText('草稿').waitFor();
    await desk.getByTestId('reject-reason').getByText('驳回原因：数量太大，请改为 20 瓶').waitFor();
  });

  it('the clerk edits the rejected order in the entry form (prefilled) and confirms it under the limit', async () => {
    await desk.getByRole('button', { name: label('修改') }).click();
    await desk.getByRole('heading', { name: new RegExp(`修改销售订单 ${held.rejected!.number}`) }).waitFor();
    const qty = desk.getByTestId('order-line').filter({ hasText: '可乐 330ml' }).getByRole('spinbutton', { name: /数量/ });
    expect(await qty.inputValue()).toBe('35');
    expect(await desk.locator('.ant-select', { has: desk.locator('#so-customer') }).innerText()).toContain('北京好邻居便利店');
    await qty.fill('20');
    await desk.getByRole('button', { name: label('保存并确认') }).click();
    await desk.waitForURL(new RegExp(`/sales-orders/${held.rejected!.id}$`));
    await status(desk).getByText('已确认').waitFor();
    const after = await order(held.rejected!.id);
    expect(after).toMatchObject({ status: 'confirmed', number: held.rejected!.number, total: 7000 });
    expect(after.lines[0]).toMatchObject({ quantity: 20, reserved: 20 });
    expect(await available(ids.cola)).toBe(40);
  });

  it('复制 makes a new draft with the same lines and opens it; an edit the server refuses says why', async () => {
    await desk.getByRole('button', { name: label('复制') }).click();
    await desk.getByText(/已复制为新草稿：SO-/).waitFor();
    await expect.poll(() => orderId(desk)).not.toBe(held.rejected!.id);
    await status(desk).getByText('草稿').waitFor();
    held.copy = await order(orderId(desk));
    expect(held.copy.number).not.toBe(held.rejected!.number);
    expect(held.copy.lines.map((l) => [l.productId, l.quantity])).toEqual([[ids.cola, 20]]);

    await desk.getByRole('button', { name: label('修改') }).click();
    await desk.getByRole('heading', { name: /修改销售订单/ }).waitFor();
    // Meanwhile someone cancels it.
    await api('POST', `/sales-orders/${held.copy.id}/cancel`);
    await desk.getByTestId('order-line').getByRole('spinbutton', { name: /数量/ }).fill('21');
    await desk.getByRole('button', { name: label('保存') }).click();
    const refusal = desk.getByTestId('order-problems');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/修改未保存[\s\S]*订单 SO-\S+ 当前为「已作废」，不能执行「修改」/);
    expect(await order(held.copy.id)).toMatchObject({ status: 'cancelled' });
  });

  it('a short product is replaced by the substitute offered in the shortage panel, and the order confirms', async () => {
    await enterOrder([[codes.juice, '橙汁 500ml', 5]]);
    const panel = desk.getByTestId('shortage-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('shortage-line').innerText()).toContain('橙汁 500ml');
    await panel.getByTestId('use-substitute').filter({ hasText: 'JUICE-1L 橙汁 1L' }).click();
    await desk.getByTestId('order-line').filter({ hasText: '橙汁 1L' }).waitFor();
    expect(await desk.getByTestId('order-line').filter({ hasText: '橙汁 500ml' }).count()).toBe(0);
    await desk.getByTestId('shortage-retry').click();
    await desk.waitForURL(/\/sales-orders\/(?!new)[^/]+$/);
    await status(desk).getByText('已确认').waitFor();
    const o = await order(orderId(desk));
    expect(o.lines.map((l) => [l.productId, l.quantity, l.reserved])).toEqual([[ids.juiceL, 5, 5]]);
  });

  it('from the entry form, 缺货部分转欠货 confirms with what is there reserved and the rest backordered', async () => {
    await enterOrder([[codes.water, '矿泉水 550ml', 8]]);
    const panel = desk.getByTestId('shortage-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('shortage-line').innerText()).toContain('需要 8 瓶，主仓库可用 5 瓶');
    await panel.getByTestId('shortage-backorder').click();
    await desk.waitForURL(/\/sales-orders\/(?!new)[^/]+$/);
    await status(desk).getByText('已确认').waitFor();
    await desk.getByTestId('backorder-note').getByText('本单有欠货：第 1 行 矿泉水 550ml 欠 3 瓶').waitFor();
    // The lines table (the 发货进度 card below repeats the backordered quantity).
    const lines = desk.getByTestId('order-lines');
    expect(await lines.getByTestId('line-backordered').innerText()).toBe('3 瓶');
    expect(await lines.getByTestId('line-reserved').innerText()).toBe('5 瓶');
    const o = await order(orderId(desk));
    expect(o.lines[0]).toMatchObject({ quantity: 8, reserved: 5, backordered: 3 });
    expect(await available(ids.water)).toBe(0);
  });

  it('an approval that finds the stock gone opens the shortage dialog; backordering there approves with what is left', async () => {
    await enterOrder([[codes.cola, '可乐 330ml', 50]]);
    await desk.waitForURL(/\/sales-orders\/(?!new)[^/]+$/);
    await status(desk).getByText('待审核').waitFor();
    const held50 = await order(orderId(desk));

    await phone.goto(`${server.base}/sales-orders/${held50.id}`);
    await phone.getByRole('button', { name: label('审核通过') }).click();
    await phone.getByRole('dialog').getByRole('button', { name: label('审核通过') }).click();
    const dialog = phone.getByTestId('shortage-dialog');
    await dialog.waitFor();
    expect(await phone.getByRole('dialog').innerText()).toMatch(/库存不足，未能审核通过[\s\S]*可乐 330ml[\s\S]*可用 40，需要 50[\s\S]*订单仍为待审核/);
    expect((await order(held50.id)).status).toBe('pending_approval');
    await phone.getByTestId('shortage-backorder').click();
    await status(phone).getByText('已确认').waitFor();
    await phone.getByTestId('backorder-note').getByText('本单有欠货：第 1 行 可乐 330ml 欠 10 瓶').waitFor();
    const o = await order(held50.id);
    expect(o).toMatchObject({ status: 'confirmed', approvedBy: approver.name });
    expect(o.lines[0]).toMatchObject({ reserved: 40, backordered: 10 });
    expect(await available(ids.cola)).toBe(0);
  });

  it('the alert list shows every alert; mark all read clears the bell', async () => {
    await boss.goto(server.base + '/alerts');
    await boss.getByRole('heading', { name: '消息中心' }).waitFor();
    // Shortages went to purchasing; the administrator sees every alert.
    await boss.locator('tbody tr', { hasText: '缺货：WATER-550 矿泉水 550ml' }).first().waitFor();
    await boss.locator('tbody tr', { hasText: `待审核：${held.approved!.number}` }).waitFor();
    const bell = boss.getByTestId('alert-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/^消息 \d+ 条未读$/);
    await boss.getByRole('button', { name: label('全部标为已读') }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('消息');
    await boss.locator('.ant-segmented-item', { hasText: '未读' }).click();
    await boss.getByText('暂无消息').or(boss.getByText('没有未读消息')).first().waitFor();
  });
});
