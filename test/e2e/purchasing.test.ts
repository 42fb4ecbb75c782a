// Purchasing in a real browser against the real server: the admin sets approval for orders over
// ¥50 on 采购设置; enters a purchase order by keyboard and scanner (a case barcode adds 箱 at the
// supplier's price × 12, the chips at their cost price), 保存并提交 with Ctrl+Enter makes it 待审核,
// and approves it (已下单, with the history); the print view reads in Chinese and English. A
// storekeeper on a phone picks the order on 采购入库, scans two cases and a third one too many
// (refused on the spot with the limit and a buzz, nothing added), scans chips by barcode and by SKU,
// sees the suggested bins and posts: 部分入库; then receives the rest: 已入库. The stock screen shows
// the new on-hand, the order shows 已入库, and verify-stock is clean.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const keeper = { email: 'keeper@example.com', password: 'e2e-keeper-2026', name: '王仓管' };
const codes = { cola: '6901234567892', colaCase: '6901234567908', chips: '6902222222225' };

type Order = { id: string; number: string; status: string; total: number; lines: { sku: string; received: number; open: number }[] };

describe('purchase, approve and receive by scanning', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let desk: Page;
  let phone: Page;
  let order: Order;

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    const wh = await api<{ id: string; bins: { id: string; code: string }[] }>('POST', '/warehouses', {
      code: 'WH01', name: '主仓库', isDefault: true, bins: [{ code: 'A-01', zone: 'A', sortOrder: 1 }, { code: 'B-02', zone: 'B', sortOrder: 2 }],
    });
    const bin = (code: string) => wh.bins.find((b) => b.code === code)!.id;
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, ...body });
    const cola = await product({ sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', units: [{ name: '箱', factor: 12 }], listPrice: 350, costPrice: 150, barcodes: [{ barcode: codes.cola }, { barcode: codes.colaCase, unit: '箱' }] });
    const chips = await product({ sku: 'CHIPS-70', name: '薯片 70g', baseUnit: '包', listPrice: 750, costPrice: 500, barcodes: [{ barcode: codes.chips }] });
    // Where each last came in: the receiving screen suggests those bins.
    await api('POST', '/stock/opening', { warehouseId: wh.id, lines: [{ productId: cola.id, quantity: 6, unitCost: 150, binId: bin('A-01') }, { productId: chips.id, quantity: 2, unitCost: 500, binId: bin('B-02') }] });
    await api('POST', '/suppliers', { code: 'G-001', name: '广州饮料批发有限公司', products: [{ productId: cola.id, price: 180 }] });
    await api('POST', '/users', { email: keeper.email, name: keeper.name, password: keeper.password, role: 'warehouse' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (p: Page, who: { email: string; password: string }) => {
    await p.goto(server.base + '/login');
    await p.getByLabel('邮箱').fill(who.email);
    await p.getByLabel('密码').fill(who.password);
    await p.getByRole('button', { name: label('登录') }).click();
    await p.getByRole('button', { name: '菜单' }).or(p.getByRole('menuitem', { name: /首页$/ })).first().waitFor();
  };
  const focused = () => desk.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
  const getOrder = () => api<Order>('GET', `/purchase-orders/${order.id}`);

  it('the admin turns on approval for orders over ¥50 on 采购设置', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(() => {
      window.print = () => undefined;
    });
    desk = await context.newPage();
    await signIn(desk, admin);
    await desk.getByRole('menuitem', { name: /(^|\s)采购设置$/ }).click();
    await desk.getByRole('heading', { name: '采购设置' }).waitFor();
    await desk.getByRole('switch', { name: '采购订单需要审核' }).click();
    await desk.getByLabel('审核金额').fill('50');
    await desk.getByRole('button', { name: label('保存') }).click();
    await desk.getByText('采购设置已保存').waitFor();
    expect(await api('GET', '/purchasing/settings')).toMatchObject({ approvalThreshold: 5000, approverRole: 'admin', overReceiptPercent: 0 });
  });

  it('enters a purchase order by keyboard and scanner: case barcode at the supplier price × 12, chips at cost; Ctrl+Enter submits it for approval', async () => {
    await desk.getByRole('menuitem', { name: /(^|\s)采购订单$/ }).click();
    await desk.getByRole('heading', { name: '采购订单' }).waitFor();
    await desk.getByRole('button', { name: '新建采购订单' }).click();
    await desk.getByRole('heading', { name: '新建采购订单' }).waitFor();
    expect(await focused()).toBe('po-supplier');
    await desk.keyboard.type('饮料');
    await desk.locator('.ant-select-item-option', { hasText: '广州饮料批发有限公司' }).waitFor();
    await desk.keyboard.press('Enter');
    await expect.poll(focused).toBe('扫码');
    const scan = desk.getByTestId('scan-box');
    for (const code of [codes.colaCase, codes.chips, codes.colaCase]) {
      await scan.pressSequentially(code, { delay: 10 });
      await scan.press('Enter');
    }
    const line = (name: string) => desk.getByTestId('po-line').filter({ hasText: name });
    await expect.poll(() => desk.getByTestId('po-line').count()).toBe(2);
    await expect.poll(() => line('可乐 330ml').getByRole('spinbutton', { name: /数量/ }).inputValue()).toBe('2');
    expect(await line('可乐 330ml').locator('.ant-select').first().innerText()).toContain('箱');
    expect(await line('可乐 330ml').getByRole('spinbutton', { name: /单价/ }).inputValue()).toBe('21.60');
    expect(await line('薯片 70g').getByRole('spinbutton', { name: /单价/ }).inputValue()).toBe('5.00');
    // What is there and on the way, where a purchaser decides how much to order.
    expect(await line('可乐 330ml').getByTestId('line-stock').innerText()).toBe('库存 6 瓶 · 可用 6 · 在途 0');
    await line('薯片 70g').getByRole('spinbutton', { name: /数量/ }).fill('10');
    // 2 箱 × 21.60 + 10 包 × 5.00, prices including VAT.
    await expect.poll(() => desk.getByTestId('order-total').innerText()).toBe('¥93.20');
    await desk.keyboard.press('Control+Enter');
    await desk.waitForURL(/\/purchase-orders\/[^/]+$/);
    await desk.getByTestId('po-status').getByText('待审核').waitFor();
    await desk.getByTestId('po-approval').waitFor();
    const number = (await desk.getByRole('heading', { level: 4 }).innerText()).match(/PO-\d{8}-\d{4}/)![0];
    const list = await api<{ items: Order[] }>('GET', '/purchase-orders');
    order = list.items.find((o) => o.number === number)!;
    expect(order).toMatchObject({ status: 'pending_approval', total: 9320 });
  });

  it('待审核 lists it; the admin approves with a comment: 已下单, and the history tells the story', async () => {
    await desk.goto(server.base + '/purchase-orders');
    await desk.getByRole('tab', { name: /待审核/ }).click();
    await desk.getByTestId('po-row').filter({ hasText: order.number }).click();
    await desk.getByRole('button', { name: label('审核通过') }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('审核意见（可选）').fill('价格已核对');
    await dialog.getByRole('button', { name: label('审核通过') }).click();
    await desk.getByTestId('po-status').getByText('已下单').waitFor();
    await expect.poll(() => desk.getByTestId('po-history-entry').count()).toBe(3);
    const history = await desk.getByTestId('po-history').innerText();
    for (const words of ['创建', '提交', '待审核', '审核通过', '已下单', '价格已核对']) expect(history).toContain(words);
    // What is on the way shows on the lines (在途).
    expect(await desk.getByTestId('po-line').filter({ hasText: 'COLA-330' }).getByTestId('line-incoming').innerText()).toBe('2 箱');
  });

  it('the stock screen shows the cola 在途, with the order behind it on hover', async () => {
    await desk.goto(`${server.base}/stock`);
    const cola = desk.getByRole('row').filter({ hasText: 'COLA-330' });
    await cola.getByTestId('incoming').getByText('24', { exact: true }).waitFor();
    await cola.getByTestId('incoming').hover();
    const orders = desk.getByTestId('incoming-orders');
    await orders.getByRole('link', { name: order.number }).waitFor();
    expect(await orders.innerText()).toContain('广州饮料批发有限公司');
  });

  it('prints the order in Chinese and in English', async () => {
    const print = await desk.context().newPage();
    await print.goto(`${server.base}/purchase-orders/${order.id}/print`);
    const view = print.getByTestId('print-view');
    await view.getByRole('heading', { name: '采购订单' }).waitFor();
    expect(await view.getByTestId('print-total').innerText()).toBe('价税合计：¥93.20');
    expect(await view.innerText()).toContain('玖拾叁元贰角整');
    expect(await view.getByTestId('print-line').count()).toBe(2);
    await print.goto(`${server.base}/purchase-orders/${order.id}/print?lang=en`);
    await view.getByRole('heading', { name: 'Purchase Order' }).waitFor();
    expect(await view.getByTestId('print-total').innerText()).toBe('Total: ¥93.20');
    expect(await view.innerText()).toContain('Expected delivery');
    await print.close();
  });

  it('a storekeeper on a phone picks the order and scans: a third case is refused on the spot with a buzz', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
    await context.addInitScript(() => {
      (window as unknown as { jxcBeeps: string[] }).jxcBeeps = [];
    });
    phone = await context.newPage();
    await signIn(phone, keeper);
    await phone.getByRole('button', { name: '菜单' }).click();
    await phone.getByRole('menuitem', { name: /(^|\s)采购入库$/ }).click();
    await phone.getByRole('heading', { name: '采购入库' }).waitFor();
    await phone.getByTestId('receivable-order').filter({ hasText: order.number }).click();
    await phone.getByRole('heading', { name: new RegExp(`入库 ${order.number}`) }).waitFor();
    const line = (sku: string) => phone.getByTestId('receive-line').filter({ hasText: sku });
    expect(await line('COLA-330').getByTestId('suggested-bin').innerText()).toContain('A-01');
    expect(await line('CHIPS-70').getByTestId('suggested-bin').innerText()).toContain('B-02');
    const box = phone.getByTestId('scan-box');
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 }).toBe('scan-box');
    const scan = async (code: string) => {
      await box.fill(code);
      await box.press('Enter');
    };
    await scan(codes.colaCase);
    await phone.getByTestId('scan-ok').getByText('可乐 330ml +12 瓶，本次共 12 瓶').waitFor();
    await scan(codes.colaCase);
    await phone.getByTestId('scan-ok').getByText('本次共 24 瓶').waitFor();
    await scan(codes.colaCase);
    const refused = phone.getByTestId('scan-error');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('COLA-330 可乐 330ml 入库数量超出：订购 24，已入库 0，允许超收 0%，最多还可入库 24，本次 36');
    expect(await line('COLA-330').getByTestId('receive-count').innerText()).toBe('24/24');
    await scan(codes.chips);
    await scan(codes.chips);
    await scan('CHIPS-70');
    await phone.getByTestId('scan-ok').getByText('本次共 3 包').waitFor();
    expect(await phone.evaluate(() => (window as unknown as { jxcBeeps: string[] }).jxcBeeps.join(','))).toBe('ok,ok,error,ok,ok,ok');
  });

  it('posts the first receipt: 部分入库, stock in at the suggested bins', async () => {
    await phone.getByTestId('post-receipt').click();
    await phone.getByTestId('receipt-posted').getByText(/RK-\d{8}-\d{4}/).waitFor();
    await phone.getByTestId('po-status').getByText('部分入库').waitFor();
    const o = await getOrder();
    expect(o.status).toBe('partially_received');
    expect(o.lines.map((l) => [l.sku, l.received, l.open])).toEqual([['COLA-330', 24, 0], ['CHIPS-70', 3, 7]]);
    const { items } = await api<{ items: { id: string }[] }>('GET', `/purchase-receipts?orderId=${order.id}`);
    const receipt = await api<{ lines: { sku: string; binCode: string; baseQuantity: number }[] }>('GET', `/purchase-receipts/${items[0].id}`);
    expect(receipt.lines.map((l) => [l.sku, l.baseQuantity, l.binCode])).toEqual([['COLA-330', 24, 'A-01'], ['CHIPS-70', 3, 'B-02']]);
  });

  it('receives the rest: 已入库', async () => {
    const box = phone.getByTestId('scan-box');
    for (let i = 0; i < 7; i++) {
      await box.fill(codes.chips);
      await box.press('Enter');
    }
    await phone.getByTestId('scan-ok').getByText('本次共 7 包').waitFor();
    expect(await phone.getByTestId('receive-line').filter({ hasText: 'CHIPS-70' }).getByTestId('receive-count').innerText()).toBe('10/10');
    await phone.getByTestId('post-receipt').click();
    await phone.getByTestId('po-status').getByText('已入库').waitFor();
    expect((await getOrder()).status).toBe('received');
    // The receipt lists it, with the order and its cost.
    await phone.getByTestId('receipt-posted').getByRole('link').click();
    await phone.getByRole('heading', { name: /RK-\d{8}-\d{4}/ }).waitFor();
    expect(await phone.getByText('已入库', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('the order shows 已入库 with the receipts in its history; the stock screen shows the new on-hand; verify-stock is clean', async () => {
    await desk.goto(`${server.base}/purchase-orders/${order.id}`);
    await desk.getByTestId('po-status').getByText('已入库').waitFor();
    // The history loads after the order: wait for both receipts in it.
    await expect.poll(async () => (await desk.getByTestId('po-history').innerText()).match(/入库单 RK-/g)?.length ?? 0).toBe(2);
    expect(await desk.getByTestId('po-line').filter({ hasText: 'CHIPS-70' }).getByTestId('line-received').innerText()).toBe('10 包');

    await desk.goto(`${server.base}/stock`);
    const row = (sku: string) => desk.getByRole('row').filter({ hasText: sku });
    await row('COLA-330').waitFor();
    expect((await row('COLA-330').innerText()).split('\t').map((s) => s.trim())).toContain('30');
    expect((await row('CHIPS-70').innerText()).split('\t').map((s) => s.trim())).toContain('12');
    expect(await api('GET', '/admin/verify-stock')).toMatchObject({ ok: true });
  });
});
