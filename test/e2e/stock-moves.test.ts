// Transfers and stock counts in a real browser against the real server. At the desk the admin makes
// a 调拨单 from 主仓库 to 门店仓 by scanning (a case barcode adds 12), asks for more chips than there
// are (refused on the chips line by the server), saves a draft and ships it (调出): stock leaves the
// source and is 在途. A storekeeper on a phone opens it from the 库存 menu and receives it by
// scanning in two parts: an unknown barcode and one bottle too many are refused with a buzz; the
// transfer ends 已入库 with the stock right on both sides. Then the storekeeper starts a 盘点单 on the
// phone and counts blind by scanning (no book quantity shown): an unknown barcode is refused on the
// spot, the chips are recounted one fewer. The admin's variance review shows the one 盘亏 with its
// value, approves it, and the stock, the count_loss movement at moving-average cost and verify-stock agree.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, buildWeb, label, launchBrowser, startServer, type ApiSession, type TestServer } from './support.js';

const admin = { email: 'boss@example.com', password: 'e2e-admin-2026' };
const keeper = { email: 'keeper@example.com', password: 'e2e-keeper-2026', name: '王仓管' };
const codes = { bottle: '6901234567892', colaCase: '6901234567908', chips: '6902222222225', unknown: '6909999999999' };

type Level = { onHand: number; available: number };
type Transfer = { id: string; number: string; status: string; inTransit: number; lines: { sku: string; shipped: number; received: number; inTransit: number }[] };
type Movement = { kind: string; quantity: number; unitCost: number; costAmount: number; sourceNumber: string | null };

describe('transfers and stock counts through the screens', () => {
  let server: TestServer;
  let api: ApiSession;
  let browser: Browser;
  let desk: Page;
  let phone: Page;
  const ids = { a: '', b: '', cola: '', chips: '' };
  let transfer: Transfer;
  let countId = '';

  beforeAll(async () => {
    buildWeb();
    server = await startServer({ JXC_ADMIN_EMAIL: admin.email, JXC_ADMIN_PASSWORD: admin.password });
    api = await apiSession(server.base, admin.email, admin.password);
    ids.a = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH01', name: '主仓库', isDefault: true, bins: [{ code: 'A-01', zone: 'A', sortOrder: 1 }] })).id;
    ids.b = (await api<{ id: string }>('POST', '/warehouses', { code: 'WH02', name: '门店仓' })).id;
    const product = (body: object) => api<{ id: string }>('POST', '/products', { taxRate: 13, ...body });
    ids.cola = (await product({ sku: 'COLA-330', name: '可乐 330ml', baseUnit: '瓶', units: [{ name: '箱', factor: 12 }], listPrice: 350, costPrice: 150, barcodes: [{ barcode: codes.bottle }, { barcode: codes.colaCase, unit: '箱' }] })).id;
    ids.chips = (await product({ sku: 'CHIPS-70', name: '薯片 70g', baseUnit: '包', listPrice: 750, costPrice: 500, barcodes: [{ barcode: codes.chips }] })).id;
    await api('POST', '/stock/opening', { warehouseId: ids.a, lines: [{ productId: ids.cola, quantity: 30, unitCost: 150 }, { productId: ids.chips, quantity: 10, unitCost: 500 }] });
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
  const level = async (productId: string, warehouseId: string): Promise<Level> =>
    (await api<{ items: Level[] }>('GET', `/stock?productId=${productId}&warehouseId=${warehouseId}`)).items[0] ?? { onHand: 0, available: 0 };
  const scanOn = async (p: Page, code: string) => {
    const box = p.getByTestId('scan-box');
    await box.fill(code);
    await box.press('Enter');
  };
  const beeps = (p: Page) => p.evaluate(() => (window as unknown as { jxcBeeps: string[] }).jxcBeeps.splice(0).join(','));
  const pickOption = async (p: Page, selectId: string, text: string) => {
    await p.locator(`#${selectId}`).click();
    await p.locator('.ant-select-item-option:visible', { hasText: text }).click();
  };

  it('the admin enters a transfer by scanning; too many chips are refused on the chips line', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    desk = await context.newPage();
    await signIn(desk, admin);
    await desk.getByRole('menuitem', { name: /(^|\s)调拨单$/ }).click();
    await desk.getByRole('heading', { name: '调拨单' }).waitFor();
    await desk.getByRole('button', { name: '新建调拨单' }).click();
    await desk.getByRole('heading', { name: '新建调拨单' }).waitFor();
    expect(await desk.locator('.ant-select', { has: desk.locator('#xfer-from') }).innerText()).toContain('主仓库');
    await pickOption(desk, 'xfer-to', '门店仓');

    await scanOn(desk, codes.colaCase);
    await desk.getByTestId('scan-feedback').getByText('已添加 可乐 330ml：1 箱 = 12 瓶').waitFor();
    await scanOn(desk, codes.chips);
    const line = (sku: string) => desk.getByTestId('entry-line').filter({ hasText: sku });
    await line('CHIPS-70').waitFor();
    expect(await line('COLA-330').getByRole('spinbutton', { name: '数量 1' }).inputValue()).toBe('12');
    await line('COLA-330').getByTestId('line-stock').getByText('现存 30，可用 30 瓶 · 调整后现存 18').waitFor();
    await line('CHIPS-70').getByRole('spinbutton', { name: '数量 2' }).fill('20');
    await line('CHIPS-70').getByTestId('line-stock').getByText(/超出可用量/).waitFor();

    await desk.getByTestId('save-and-ship').click();
    await line('CHIPS-70').getByTestId('line-error').getByText('可用 10，需要 20').waitFor();
    expect(await line('COLA-330').getByTestId('line-error').count()).toBe(0);
    expect((await api<{ total: number }>('GET', '/stock-transfers')).total).toBe(0);
    expect(await level(ids.chips, ids.a)).toMatchObject({ onHand: 10 });
  });

  it('saves the draft and ships it from the detail page: 在途, stock out of 主仓库 and not yet in 门店仓', async () => {
    const line = desk.getByTestId('entry-line').filter({ hasText: 'CHIPS-70' });
    await line.getByRole('spinbutton', { name: '数量 2' }).fill('4');
    await desk.getByTestId('save-draft').click();
    await desk.waitForURL(/\/stock\/transfers\/[^/]+$/);
    await desk.getByTestId('transfer-status').getByText('草稿').waitFor();
    const number = (await desk.getByRole('heading', { level: 4 }).innerText()).match(/DB-\d{8}-\d{4}/)![0];
    transfer = (await api<{ items: Transfer[] }>('GET', `/stock-transfers?q=${number}`)).items[0];
    expect(transfer).toMatchObject({ number, status: 'draft' });

    await desk.getByTestId('ship').click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByText('从「主仓库」出库').waitFor();
    await dialog.getByRole('button', { name: label('调出') }).click();
    await desk.getByTestId('transfer-status').getByText('在途').waitFor();
    expect(await desk.getByTestId('transfer-in-transit').innerText()).toBe('16');
    expect(await desk.getByTestId('transfer-line').filter({ hasText: 'CHIPS-70' }).getByTestId('line-in-transit').innerText()).toBe('4');
    expect(await desk.getByTestId('transfer-history').innerText()).toContain('调出 · 主仓库');
    expect(await level(ids.cola, ids.a)).toMatchObject({ onHand: 18 });
    expect(await level(ids.chips, ids.a)).toMatchObject({ onHand: 6 });
    expect(await level(ids.cola, ids.b)).toMatchObject({ onHand: 0 });
    const inTransit = await api<{ items: { productId: string; warehouseId: string; inTransit: number }[] }>('GET', '/stock-transfers/in-transit');
    expect(inTransit.items.map((i) => [i.productId, i.warehouseId, i.inTransit]).sort()).toEqual([[ids.cola, ids.b, 12], [ids.chips, ids.b, 4]].sort());

    // The 在途 tab lists it.
    await desk.goto(server.base + '/stock/transfers');
    await desk.getByRole('tab', { name: '在途' }).click();
    await desk.getByTestId('transfer-row').filter({ hasText: number }).waitFor();
  });

  it('a storekeeper on a phone receives it by scanning, in two parts; unknown and one-too-many scans are refused with a buzz', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
    await context.addInitScript(() => {
      (window as unknown as { jxcBeeps: string[] }).jxcBeeps = [];
    });
    phone = await context.newPage();
    await signIn(phone, keeper);
    await phone.getByRole('button', { name: '菜单' }).click();
    await phone.getByRole('menuitem', { name: /(^|\s)调拨单$/ }).click();
    await phone.getByRole('heading', { name: '调拨单' }).waitFor();
    await phone.getByTestId('transfer-row').filter({ hasText: transfer.number }).click();
    await phone.getByTestId('receive-scan').click();
    await phone.getByRole('heading', { name: new RegExp(`调入 ${transfer.number}`) }).waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 }).toBe('scan-box');

    await scanOn(phone, codes.colaCase);
    await phone.getByTestId('scan-ok').getByText('可乐 330ml +12 瓶，本次共 12 瓶').waitFor();
    await scanOn(phone, codes.unknown);
    await phone.getByTestId('scan-error').getByText(`未找到条码「${codes.unknown}」对应的商品`).waitFor();
    await scanOn(phone, codes.bottle);
    await phone.getByTestId('scan-error').getByText('COLA-330 可乐 330ml 在途只有 12，本次已扫 12，不能再多').waitFor();
    await scanOn(phone, codes.chips);
    await scanOn(phone, codes.chips);
    await phone.getByTestId('scan-ok').getByText('薯片 70g +1 包，本次共 2 包').waitFor();
    expect(await beeps(phone)).toBe('ok,error,error,ok,ok');
    const line = (sku: string) => phone.getByTestId('receive-line').filter({ hasText: sku });
    expect(await line('COLA-330').getByTestId('receive-count').innerText()).toBe('12/12');
    expect(await line('CHIPS-70').getByTestId('receive-count').innerText()).toBe('2/4');

    await phone.getByTestId('post-receive').click();
    await phone.getByTestId('receive-posted').waitFor();
    await phone.getByTestId('transfer-status').getByText('部分入库').waitFor();
    expect(await level(ids.cola, ids.b)).toMatchObject({ onHand: 12 });
    expect(await level(ids.chips, ids.b)).toMatchObject({ onHand: 2 });

    await scanOn(phone, codes.chips);
    await scanOn(phone, 'CHIPS-70');
    await phone.getByTestId('scan-ok').getByText('本次共 2 包').waitFor();
    await phone.getByTestId('post-receive').click();
    await phone.getByTestId('transfer-status').getByText('已入库').waitFor();
    const after = await api<Transfer>('GET', `/stock-transfers/${transfer.id}`);
    expect(after).toMatchObject({ status: 'received', inTransit: 0 });
    expect(after.lines.map((l) => [l.sku, l.shipped, l.received])).toEqual([['COLA-330', 12, 12], ['CHIPS-70', 4, 4]]);
    expect([await level(ids.cola, ids.a), await level(ids.chips, ids.a), await level(ids.cola, ids.b), await level(ids.chips, ids.b)].map((l) => l.onHand)).toEqual([18, 6, 12, 4]);
    expect(await api('GET', '/admin/verify-stock')).toMatchObject({ ok: true });
  });

  it('the storekeeper starts a count of 主仓库 on the phone and counts blind: an unknown barcode is refused, the chips recounted', async () => {
    await phone.getByRole('button', { name: '菜单' }).click();
    await phone.getByRole('menuitem', { name: /(^|\s)盘点单$/ }).click();
    await phone.getByRole('heading', { name: '盘点单' }).waitFor();
    await phone.getByRole('button', { name: '新建盘点' }).click();
    await phone.getByRole('heading', { name: '新建盘点单' }).waitFor();
    expect(await phone.locator('.ant-select', { has: phone.locator('#count-warehouse') }).innerText()).toContain('主仓库');
    await phone.getByTestId('start-count').click();
    await phone.waitForURL(/\/stock\/counts\/[^/]+\/scan$/);
    countId = phone.url().split('/').at(-2)!;
    await phone.getByRole('heading', { name: /盘点 PD-\d{8}-\d{4}/ }).waitFor();
    await phone.getByTestId('count-progress').getByText('已盘 0 / 2 行').waitFor();
    await beeps(phone);

    await scanOn(phone, codes.colaCase);
    await phone.getByTestId('scan-ok').getByText('可乐 330ml +12 瓶，已盘 12 瓶').waitFor();
    for (let i = 0; i < 6; i++) await scanOn(phone, codes.bottle);
    await phone.getByTestId('scan-ok').getByText('可乐 330ml +1 瓶，已盘 18 瓶').waitFor();
    await scanOn(phone, codes.unknown);
    await phone.getByTestId('scan-error').getByText(`没有条码或编码为「${codes.unknown}」的商品`).waitFor();
    for (let i = 0; i < 6; i++) await scanOn(phone, codes.chips);
    await phone.getByTestId('scan-ok').getByText('薯片 70g +1 包，已盘 6 包').waitFor();
    expect(await beeps(phone)).toBe(['ok', ...Array(6).fill('ok'), 'error', ...Array(6).fill('ok')].join(','));

    // One bag was counted twice: the storekeeper recounts it.
    const chips = phone.getByTestId('counted-line').filter({ hasText: 'CHIPS-70' });
    await chips.getByTestId('counted-qty').getByText('6').waitFor();
    await chips.getByRole('button', { name: /重盘/ }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: '已盘数量' }).fill('5');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await chips.getByTestId('counted-qty').getByText('5').waitFor();
    await phone.getByTestId('count-progress').getByText('已盘 2 / 2 行').waitFor();
    // Blind: the counter never sees the book.
    expect(await phone.locator('body').innerText()).not.toContain('账面');
  });

  it('the admin reviews the variance with its value and approves it: stock, the count_loss movement and verify-stock agree', async () => {
    await desk.goto(`${server.base}/stock/counts/${countId}`);
    await desk.getByTestId('count-status').getByText('盘点中').waitFor();
    const variance = desk.getByTestId('variance-line');
    await expect.poll(() => variance.count()).toBe(1);
    expect(await variance.innerText()).toContain('CHIPS-70');
    expect(await variance.getByTestId('book').innerText()).toBe('6');
    expect(await variance.getByTestId('actual').innerText()).toBe('5');
    expect(await variance.getByTestId('signed-quantity').innerText()).toBe('−1 包');
    expect(await variance.getByTestId('variance-value').innerText()).toBe('-¥5.00');
    expect(await variance.innerText()).toContain('盘亏');
    const totals = await desk.getByTestId('variance-totals').innerText();
    expect(totals).toContain('-¥5.00');
    expect(totals).toContain('1 件，1 行');
    // All lines: the cola matches.
    await desk.getByRole('switch', { name: '只看差异' }).click();
    await expect.poll(() => variance.count()).toBe(2);
    expect(await variance.filter({ hasText: 'COLA-330' }).innerText()).toContain('相符');

    await desk.getByTestId('count-approve').click();
    const dialog = desk.getByRole('dialog');
    expect(await dialog.getByTestId('approve-summary').innerText()).toContain('盘亏 ¥5.00（1 件）');
    await dialog.getByRole('button', { name: label('审核过账') }).click();
    await desk.getByTestId('count-approved').waitFor();
    await desk.getByTestId('count-status').getByText('已审核').waitFor();
    expect(await desk.getByTestId('count-approve').count()).toBe(0);

    const count = await api<{ number: string; status: string; lossQuantity: number; lossAmount: number }>('GET', `/stock-counts/${countId}`);
    expect(count).toMatchObject({ status: 'approved', lossQuantity: 1, lossAmount: 500 });
    expect(await level(ids.chips, ids.a)).toMatchObject({ onHand: 5 });
    expect(await level(ids.cola, ids.a)).toMatchObject({ onHand: 18 });
    const moves = await api<{ items: Movement[] }>('GET', `/stock/movements?productId=${ids.chips}&warehouseId=${ids.a}`);
    const loss = moves.items.find((m) => m.kind === 'count_loss')!;
    expect(loss).toMatchObject({ quantity: -1, unitCost: 500, sourceNumber: count.number });
    expect(Math.abs(loss.costAmount)).toBe(500);
    expect(moves.items.filter((m) => m.kind === 'count_gain' || m.kind === 'count_loss')).toHaveLength(1);
    expect(await api('GET', '/admin/verify-stock')).toMatchObject({ ok: true });
  });
});
