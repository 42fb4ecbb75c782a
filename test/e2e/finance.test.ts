// Receivables and payables in a real browser against the real server: two shipped orders give a
// customer two invoices (¥35.00 and ¥7.00); on 财务 › 应收管理 the customer's balance is ¥42.00 and
// 收款 from its row opens the payment with the customer chosen; ¥40.00 allocated oldest due first
// fills the first invoice and ¥5.00 of the second; an allocation above the second's open amount
// is refused in the form (保存 off, the reason shown); saved, the payment is on 收款单 and ¥2.00 is
// still owed. The customer's 对账单 shows the period's lines and a closing balance of ¥2.00, and
// prints in Chinese and English. On 应付管理 a receipt's bill (¥11.30) is paid in full; a purchase
// return against that paid receipt leaves a credit of ¥1.13 open, applied by hand (核销冲减) to the
// next receipt. The payment's allocation to the second invoice is reversed (反核销) from its drawer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
type Item = { id: string; number: string; open: number; settled: number };

describe('receivables and payables: receive with allocation, statement, pay a supplier', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let desk: Page;
  let customer = '';
  let supplier = '';
  let cola = '';
  let wh = '';

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    wh = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true })).id;
    cola = (await api<{ id: string }>('POST', '/products', { sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', listPrice: 350, costPrice: 200, taxRate: 13 })).id;
    await api('POST', '/stock/opening', { warehouseId: wh, lines: [{ productId: cola, quantity: 50, unitCost: 200 }] });
    customer = (await api<{ id: string }>('POST', '/customers', { code: 'K-001', name: '北京好邻居便利店', paymentTermsDays: 30 })).id;
    supplier = (await api<{ id: string }>('POST', '/suppliers', { code: 'G-001', name: '广州饮料批发有限公司', paymentTermsDays: 15 })).id;
    const own = (await api<{ items: { id: string; code: string }[] }>('GET', '/carriers')).items.find((c) => c.code === 'OWN')!;
    for (const quantity of [10, 2]) {
      const order = await api<{ id: string }>('POST', '/sales-orders', { customerId: customer, confirm: true, lines: [{ productId: cola, quantity }] });
      await api('POST', '/shipments', { orderId: order.id, carrierId: own.id });
    }
    const po = await api<{ id: string; lines: { id: string }[] }>('POST', '/purchase-orders', { supplierId: supplier, warehouseId: wh, submit: true, lines: [{ productId: cola, quantity: 10, unitPrice: 113 }] });
    await api('POST', '/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 10 }] });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(() => {
      window.print = () => undefined;
    });
    desk = await context.newPage();
    await desk.goto(server.base + '/login');
    await desk.getByLabel('邮箱').fill(admin.email);
    await desk.getByLabel('密码').fill(admin.password);
    await desk.getByRole('button', { name: label('登录') }).click();
    await desk.getByRole('menuitem', { name: /首页$/ }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const invoices = () => api<{ items: Item[] }>('GET', `/finance/receivables/invoices?customerId=${customer}`).then((r) => r.items.reverse());

  it('receives ¥40.00 from 应收管理, allocated oldest due first; more than an invoice has open is refused in the form', async () => {
    await desk.getByRole('menuitem', { name: /(^|\s)应收管理$/ }).click();
    await desk.getByRole('heading', { name: '应收账款' }).waitFor();
    const row = desk.getByRole('row').filter({ hasText: '北京好邻居便利店' });
    expect(await row.getByTestId('fin-balance').innerText()).toBe('¥42.00');
    await row.getByRole('link', { name: '收款' }).click();
    await desk.getByRole('heading', { name: '收款' }).waitFor();
    await desk.getByText('K-001 北京好邻居便利店').first().waitFor();
    const [first, second] = await invoices();
    await desk.getByLabel('收款金额').fill('40');
    await desk.getByRole('button', { name: label('按到期日自动分配') }).click();
    await expect.poll(() => desk.getByTestId('fin-allocated-sum').innerText()).toBe('核销合计 ¥40.00，剩余 ¥0.00 留作预收款');
    expect(await desk.getByLabel(`本次核销 ${first.number}`).inputValue()).toBe('35.00');
    expect(await desk.getByLabel(`本次核销 ${second.number}`).inputValue()).toBe('5.00');
    const secondInput = desk.getByLabel(`本次核销 ${second.number}`);
    await secondInput.fill('8');
    await desk.getByText('核销合计超过收款金额').waitFor();
    await desk.getByText(`${second.number} 只有 ¥7.00 未核销，本次核销不能超过`).waitFor();
    expect(await desk.getByRole('button', { name: label('保存') }).isDisabled()).toBe(true);
    await secondInput.fill('5');
    await desk.getByLabel('流水号/票据号').fill('B-20261129');
    await desk.getByRole('button', { name: label('保存') }).click();
    await desk.getByText(/已保存 SK-\d{8}-\d{4}/).waitFor();
    await desk.getByRole('tab', { name: '收款单', selected: true }).waitFor();
    await desk.getByRole('row').filter({ hasText: 'B-20261129' }).waitFor();
    const after = await invoices();
    expect(after.map((i) => [i.number, i.settled, i.open])).toEqual([[first.number, 3500, 0], [second.number, 500, 200]]);
  });

  it('shows the customer’s statement for the period and prints it in Chinese and English', async () => {
    await desk.goto(`${server.base}/finance/statement/customer/${customer}`);
    await desk.getByRole('heading', { name: /客户对账单 · K-001 北京好邻居便利店/ }).waitFor();
    await expect.poll(() => desk.getByTestId('fin-closing').innerText()).toBe('¥2.00');
    const print = await desk.context().newPage();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await print.goto(`${server.base}/finance/statement/customer/${customer}/print?from=${today.slice(0, 8)}01&to=${today}`);
    const view = print.getByTestId('print-view');
    await view.getByRole('heading', { name: '客户对账单' }).waitFor();
    expect(await view.getByTestId('print-total').innerText()).toBe('期末余额：¥2.00');
    expect(await view.getByTestId('print-line').count()).toBe(3);
    await print.goto(`${server.base}/finance/statement/customer/${customer}/print?from=${today.slice(0, 8)}01&to=${today}&lang=en`);
    await view.getByRole('heading', { name: 'Customer statement' }).waitFor();
    expect(await view.getByTestId('print-total').innerText()).toBe('Closing balance: ¥2.00');
    await print.close();
  });

  it('pays the supplier’s bill in full from 应付管理', async () => {
    await desk.getByRole('menuitem', { name: /(^|\s)应付管理$/ }).click();
    await desk.getByRole('heading', { name: '应付账款' }).waitFor();
    const row = desk.getByRole('row').filter({ hasText: '广州饮料批发有限公司' });
    expect(await row.getByTestId('fin-balance').innerText()).toBe('¥11.30');
    await row.getByRole('link', { name: '付款' }).click();
    await desk.getByRole('heading', { name: '付款' }).waitFor();
    await desk.getByLabel('付款金额').fill('11.30');
    await desk.getByRole('button', { name: label('按到期日自动分配') }).click();
    await expect.poll(() => desk.getByTestId('fin-allocated-sum').innerText()).toBe('核销合计 ¥11.30，剩余 ¥0.00 留作预付款');
    await desk.getByRole('button', { name: label('保存') }).click();
    await desk.getByText(/已保存 FK-\d{8}-\d{4}/).waitFor();
    const balances = await api<{ items: { partyId: string; balance: number; open: number }[] }>('GET', '/finance/payables/balances');
    expect(balances.items.find((b) => b.partyId === supplier)).toMatchObject({ balance: 0, open: 0 });
  });

  it('applies a purchase return’s credit, left open because its receipt was paid, to the next receipt by hand', async () => {
    const receipts = await api<{ items: { id: string; number: string }[] }>('GET', `/purchase-receipts?supplierId=${supplier}`);
    const ret = await api<{ number: string; creditTotal: number }>('POST', '/purchase-returns', { supplierId: supplier, receiptId: receipts.items[0].id, lines: [{ productId: cola, quantity: 1 }] });
    expect(ret.creditTotal).toBe(113);
    const po = await api<{ id: string; lines: { id: string }[] }>('POST', '/purchase-orders', { supplierId: supplier, warehouseId: wh, submit: true, lines: [{ productId: cola, quantity: 5, unitPrice: 113 }] });
    const next = await api<{ number: string }>('POST', '/purchase-receipts', { orderId: po.id, lines: [{ orderLineId: po.lines[0].id, quantity: 5 }] });
    await desk.getByRole('tab', { name: '应付单' }).click();
    const row = desk.getByRole('row').filter({ hasText: ret.number });
    await row.getByRole('button', { name: label('核销冲减') }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByText('可核销 ¥1.13').waitFor();
    await dialog.getByLabel(`本次核销 ${next.number}`).fill('1.13');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const items = await api<{ items: { number: string; open: number }[] }>('GET', `/finance/payables/items?supplierId=${supplier}&status=open`);
    expect(items.items.map((i) => [i.number, i.open])).toEqual([[next.number, 565 - 113]]);
  });

  it('reverses an allocation of the payment received (反核销) from its drawer', async () => {
    await desk.getByRole('menuitem', { name: /(^|\s)应收管理$/ }).click();
    await desk.getByRole('tab', { name: '收款单' }).click();
    await desk.getByTestId('fin-payment-row').filter({ hasText: 'B-20261129' }).click();
    const drawer = desk.locator('.ant-drawer');
    await drawer.getByText(/收款单 SK-\d{8}-\d{4}/).waitFor();
    const [, second] = await invoices();
    await drawer.getByRole('row').filter({ hasText: second.number }).getByRole('button', { name: label('反核销') }).click();
    await desk.getByRole('tooltip').getByRole('button', { name: label('反核销') }).click();
    await desk.getByText('已反核销').waitFor();
    await expect.poll(() => drawer.getByTestId('fin-unallocated').innerText()).toBe('¥5.00');
    expect((await invoices()).map((i) => i.open)).toEqual([0, 700]);
  });
});
