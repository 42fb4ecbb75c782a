// A return from the customer's request to the refund, in a real browser against the real server
// with a real SMTP server: a customer with an email has an order of cola and chips shipped with the
// simulator carrier and delivered; on the tracking page (no sign-in) they ask to return both lines;
// staff find it under 退货单 › 待审核 and approve it (a second return from the order's 退货 button,
// for more than is left, is refused on its line); a storekeeper on a phone receives it by
// scanning (a product not on the return is refused with a buzz); 质检 restocks the cola and scraps
// the chips; 退款 records the refund less a 手续费; the cola's stock is up, the chips' unchanged, the
// write-off is the chips' original cost, verify-stock is clean, and the customer's emails for the
// approval, the receipt and the refund arrive at the test SMTP server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const keeper = { email: 'keeper@example.com', password: 'e2e-keeper-2026', name: '王仓管' };
const codes = { cola: '6901234567892', chips: '6902222222225', water: '6903333333338' };
const customerEmail = 'wang@haolinju.example.com';

type Order = { id: string; number: string; status: string; lines: { id: string; productId: string }[] };
type Return = { id: string; number: string; status: string; writeOffAmount: number; refundAmount: number | null; restockingFee: number | null; refundable: number; lines: { sku: string; received: number; disposition: string | null; writeOffAmount: number }[] };
type Level = { onHand: number };

describe('a return from the tracking page to the refund', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let api: ApiSession;
  let browser: Browser;
  let order: Order;
  let token = '';
  let ret: Return;
  let wh = '';
  const ids = { cola: '', chips: '' };

  beforeAll(async () => {
    buildWeb();
    smtp = await startSmtpServer();
    server = await startServer({
      JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password, JXC_CARRIER_SECRET_SIM: 'sim-callback-secret-2026',
      JXC_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, JXC_SMTP_FROM: '鑫源商贸 <shop@example.com>',
    });
    api = await apiSession(server.base, admin.email, admin.password);
    wh = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    const customer = await api<{ id: string }>('POST', '/customers', {
      code: 'K-001', name: '北京好邻居便利店', email: customerEmail,
      addresses: [{ province: '北京市', city: '北京市', district: '朝阳区', address: '建国路 88 号', recipient: '王店长', phone: '13800000000', isDefault: true }],
    });
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, ...body });
    ids.cola = (await product({ sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, barcodes: [{ barcode: codes.cola }] })).id;
    ids.chips = (await product({ sku: 'CHIPS-70', name: '薯片 70g', baseUnit: '包', listPrice: 750, barcodes: [{ barcode: codes.chips }] })).id;
    await product({ sku: 'WATER-550', name: '矿泉水 550ml', baseUnit: '瓶', listPrice: 200, barcodes: [{ barcode: codes.water }] });
    await api('POST', '/stock/opening', { warehouseId: wh, lines: [{ productId: ids.cola, quantity: 48, unitCost: 200 }, { productId: ids.chips, quantity: 20, unitCost: 500 }] });
    // Every return waits for approval.
    await api('PATCH', '/sales-returns/settings', { autoApproveMax: 0 });
    order = await api<Order>('POST', '/sales-orders', { customerId: customer.id, confirm: true, lines: [{ productId: ids.cola, quantity: 3 }, { productId: ids.chips, quantity: 2 }] });
    const carriers = await api<{ items: { id: string; code: string }[] }>('GET', '/carriers');
    const sim = carriers.items.find((c) => c.code === 'SIM')!;
    const shipment = await api<{ id: string }>('POST', '/shipments', { orderId: order.id, carrierId: sim.id, issueWaybill: true });
    await api('POST', `/shipments/${shipment.id}/simulate-event`, { status: 'delivered', location: '北京' });
    token = (await api<{ token: string }>('POST', `/fulfillment/orders/${order.id}/tracking-link`, {})).token;
    await api('POST', '/users', { email: keeper.email, name: keeper.name, password: keeper.password, role: 'warehouse' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const level = async (productId: string) => (await api<{ items: Level[] }>('GET', `/stock?productId=${productId}&warehouseId=${wh}`)).items[0].onHand;
  const signIn = async (p: Page, who: { email: string; password: string }) => {
    await p.goto(server.base + '/login');
    await p.getByLabel('邮箱').fill(who.email);
    await p.getByLabel('密码').fill(who.password);
    await p.getByRole('button', { name: label('登录') }).click();
    await p.getByRole('button', { name: '菜单' }).or(p.getByRole('menuitem', { name: /首页$/ })).first().waitFor();
  };

  it('the customer asks to return both lines on the tracking page, without signing in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.base}/t/${token}`);
    await page.getByRole('heading', { name: '申请退货' }).waitFor();
    await page.getByLabel('可乐 330ml').fill('2');
    await page.getByLabel('薯片 70g').fill('2');
    await page.getByLabel('退货原因').selectOption('damaged');
    await page.getByLabel('补充说明').fill('外箱压坏');
    await page.getByRole('button', { name: '提交退货申请' }).click();
    const out = page.locator('#rf-out');
    await expect.poll(() => out.innerText(), { timeout: 10_000 }).toMatch(/已提交退货申请，退货单号：TH-\d{8}-\d{4}/);
    // More than was shipped is refused with the server's message, shown on the page.
    await page.getByLabel('可乐 330ml').fill('3');
    await page.getByRole('button', { name: '提交退货申请' }).click();
    await expect.poll(() => out.getAttribute('class'), { timeout: 10_000 }).toBe('err');
    expect(await out.innerText()).not.toBe('');
    // The page links nowhere into the app.
    expect(await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['?lang=zh', '?lang=en']);
    await context.close();
  });

  it('staff find it under 退货单 › 待审核 and approve it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const desk = await context.newPage();
    await signIn(desk, admin);
    await desk.getByRole('menuitem', { name: /(^|\s)退货单$/ }).click();
    await desk.getByRole('heading', { name: '退货单' }).waitFor();
    await desk.getByRole('tab', { name: '待审核' }).click();
    const row = desk.getByTestId('return-row').filter({ hasText: order.number });
    await row.waitFor();
    expect(await row.innerText()).toContain('客户申请');
    await row.click();
    await desk.getByRole('heading', { name: /TH-\d{8}-\d{4}/ }).waitFor();
    await desk.getByRole('button', { name: label('审核通过') }).click();
    await desk.getByRole('dialog').getByRole('button', { name: label('审核通过') }).click();
    await desk.getByTestId('return-status').getByText('待收货').waitFor();
    ret = await api<Return>('GET', `/sales-returns/${desk.url().split('/').pop()}`);
    expect(ret.status).toBe('approved');
    // 退货 from the order: 2 of the 3 colas are already asked back, so 2 more is refused on the line.
    await desk.goto(`${server.base}/sales-orders/${order.id}`);
    await desk.getByTestId('order-return').click();
    await desk.getByRole('heading', { name: `新建退货单（订单 ${order.number}）` }).waitFor();
    await desk.getByLabel('退货数量 COLA-330').fill('2');
    await desk.getByTestId('submit-return').click();
    await desk.getByTestId('line-error').getByText('超出可退数量：最多还可退 1 瓶，本次 2').waitFor();
    expect((await api<{ total: number }>('GET', `/sales-returns?orderId=${order.id}`)).total).toBe(1);
    await context.close();
  });

  it('a storekeeper on a phone receives it by scanning; a product not on the return is refused with a buzz', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
    await context.addInitScript(() => { (window as unknown as { jxcBeeps: string[] }).jxcBeeps = []; });
    const phone = await context.newPage();
    await signIn(phone, keeper);
    await phone.goto(`${server.base}/sales-returns/${ret.id}/receive`);
    await phone.getByRole('heading', { name: new RegExp(`退货收货 ${ret.number}`) }).waitFor();
    const box = phone.getByTestId('scan-box');
    const scan = async (code: string) => { await box.fill(code); await box.press('Enter'); };
    await scan(codes.water);
    await phone.getByTestId('scan-error').getByText(/不在退货单/).waitFor();
    await expect.poll(() => phone.evaluate(() => (window as unknown as { jxcBeeps: string[] }).jxcBeeps.length)).toBeGreaterThan(0);
    await scan(codes.cola);
    await phone.getByTestId('scan-ok').getByText('可乐 330ml +1，本次共 1').waitFor();
    await scan(codes.cola);
    await phone.getByTestId('scan-ok').getByText('本次共 2').waitFor();
    await scan(codes.cola);
    await phone.getByTestId('scan-error').getByText(/不能再收/).waitFor();
    await scan('CHIPS-70');
    await phone.getByTestId('scan-ok').getByText('薯片 70g +1，本次共 1').waitFor();
    await scan(codes.chips);
    await phone.getByTestId('scan-ok').getByText('薯片 70g +1，本次共 2').waitFor();
    await phone.getByTestId('post-receipt').click();
    await phone.waitForURL(new RegExp(`/sales-returns/${ret.id}$`));
    await phone.getByTestId('return-status').getByText('待质检').waitFor();
    await context.close();
  });

  it('质检: the cola back into stock, the chips scrapped; 退款 with a 手续费', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const desk = await context.newPage();
    await signIn(desk, admin);
    await desk.goto(`${server.base}/sales-returns/${ret.id}`);
    await desk.getByRole('button', { name: label('质检') }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '处理方式 CHIPS-70' }).click();
    await desk.locator('.ant-select-item-option', { hasText: '报废' }).click();
    await dialog.getByRole('button', { name: label('质检') }).click();
    await desk.getByTestId('return-status').getByText('待退款').waitFor();
    expect(await desk.getByTestId('write-off').innerText()).toBe('¥10.00');

    await desk.getByRole('button', { name: label('退款') }).click();
    const refund = desk.getByRole('dialog');
    await refund.getByLabel('手续费').fill('1');
    await refund.getByLabel('退款流水号').fill('WX-20261129-01');
    await refund.getByRole('button', { name: label('退款') }).click();
    await desk.getByTestId('return-status').getByText('已完成').waitFor();
    await desk.getByTestId('return-history').getByText('退款').first().waitFor();
    await context.close();
  });

  it('stock, value and verify-stock are right', async () => {
    const r = await api<Return>('GET', `/sales-returns/${ret.id}`);
    expect(r.status).toBe('refunded');
    expect(r.restockingFee).toBe(100);
    expect(r.refundAmount).toBe(r.refundable - 100);
    expect(r.lines.map((l) => [l.sku, l.received, l.disposition, l.writeOffAmount])).toEqual([['COLA-330', 2, 'restock', 0], ['CHIPS-70', 2, 'scrap', 1000]]);
    expect(r.writeOffAmount).toBe(1000);
    expect(await level(ids.cola)).toBe(48 - 3 + 2);
    expect(await level(ids.chips)).toBe(20 - 2);
    expect(await api('GET', '/admin/verify-stock')).toMatchObject({ ok: true });
  });

  it('the customer’s emails for the approval, the receipt and the refund arrive', async () => {
    const subjects = () => smtp.received.filter((m) => m.to.includes(customerEmail)).map((m) => m.subject);
    await expect.poll(() => subjects().filter((s) => s.includes(ret.number)).length, { timeout: 30_000, interval: 500 }).toBe(3);
    const mine = subjects().filter((s) => s.includes(ret.number));
    expect(mine.some((s) => s.includes('已通过'))).toBe(true);
    expect(mine.some((s) => s.includes('已收到退货'))).toBe(true);
    expect(mine.some((s) => s.includes('已退款'))).toBe(true);
  });
});
