import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, type Json, type Reply, type TestApp, type TestClient } from '../support/index.js';

let n = 0;
const customer = (over: Record<string, unknown> = {}) => ({ code: `C-${++n}`, name: `测试客户${n}`, ...over });
const fields = (res: Reply) => (res.body.error.details as Json[]).map((d) => d.field);
const addr = (address: string, isDefault?: boolean) => ({ province: '浙江省', city: '杭州市', district: '西湖区', address, ...(isDefault === undefined ? {} : { isDefault }) });

describe(`customers ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/customers', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('creates a customer with defaults for tier, credit and terms', async () => {
    const c = await create(customer({ code: 'C0001', name: '杭州万家福超市', phone: '13800000001', contacts: [{ name: '王芳', title: '采购', phone: '13800000002' }] }));
    expect(c).toMatchObject({
      code: 'C0001', priceTier: 'retail', creditLimit: 0, paymentTermsDays: 0, tags: [], addresses: [], email: null, status: 'active',
      contacts: [{ name: '王芳', title: '采购', phone: '13800000002' }],
    });
    const dup = await admin.post('/api/v1/customers', customer({ code: 'C0001' }));
    expectError(dup, 409, 'DUPLICATE');
    expect(fields(dup)).toEqual(['code']);
  });

  it('keeps exactly one default address: the first marked, else the first', async () => {
    const none = await create(customer({ addresses: [addr('文一路1号'), addr('文二路2号')] }));
    expect(none.addresses.map((a: Json) => a.isDefault)).toEqual([true, false]);
    const second = await create(customer({ addresses: [addr('文一路1号', false), addr('文二路2号', true), addr('文三路3号', true)] }));
    expect(second.addresses.map((a: Json) => a.isDefault)).toEqual([false, true, false]);
    expect(second.addresses[1]).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区', address: '文二路2号' });
    const patched = await admin.patch(`/api/v1/customers/${second.id}`, { addresses: [addr('新地址9号')] });
    expect(patched.body.addresses).toMatchObject([{ address: '新地址9号', isDefault: true }]);
    expect(fields(await admin.post('/api/v1/customers', customer({ addresses: [{ city: '杭州市' }] })))).toEqual(['addresses.0.address']);
  });

  it('filters by whole tag, price tier and search text (contacts too)', async () => {
    const a = await create(customer({ name: '标签甲', tags: ['超市', '重点客户', '超市'], priceTier: 'vip' }));
    const b = await create(customer({ name: '标签乙', tags: ['超市重点'], contacts: [{ name: '赵联系' }] }));
    expect(a.tags).toEqual(['超市', '重点客户']);
    const ids = async (query: Record<string, string>) => (await admin.get('/api/v1/customers', { query: { pageSize: 100, ...query } })).body.items.map((c: Json) => c.id);
    expect(await ids({ tag: '超市' })).toEqual([a.id]);
    expect(await ids({ tag: '重点' })).toEqual([]);
    expect(await ids({ tag: '超市重点' })).toEqual([b.id]);
    expect(await ids({ priceTier: 'vip' })).toEqual([a.id]);
    expect(await ids({ q: '赵联系' })).toEqual([b.id]);
    expectError(await admin.get('/api/v1/customers', { query: { priceTier: 'gold' } }), 400, 'VALIDATION_FAILED');
  });

  it('validates price tier, email, credit limit and terms, naming the field', async () => {
    const tier = await admin.post('/api/v1/customers', customer({ priceTier: 'gold' }));
    expectError(tier, 400, 'VALIDATION_FAILED');
    expect(fields(tier)).toEqual(['priceTier']);
    const email = await admin.post('/api/v1/customers', customer({ email: 'not-an-email' }));
    expect(fields(email)).toEqual(['email']);
    expect(email.body.error.details[0].message).toBe('请输入有效的邮箱');
    expect(fields(await admin.post('/api/v1/customers', customer({ contacts: [{ name: '甲', email: 'bad@' }] })))).toEqual(['contacts.0.email']);
    expect(fields(await admin.post('/api/v1/customers', customer({ creditLimit: -100 })))).toEqual(['creditLimit']);
    expect(fields(await admin.post('/api/v1/customers', customer({ paymentTermsDays: 400 })))).toEqual(['paymentTermsDays']);
    expect((await create(customer({ email: '' }))).email).toBeNull();
    expect((await create(customer({ email: 'Buyer@Example.com' }))).email).toBe('Buyer@Example.com');
  });

  it('PATCH changes only the fields given', async () => {
    const c = await create(customer({
      priceTier: 'wholesale', creditLimit: 500_000, paymentTermsDays: 30, tags: ['批发商'], email: 'a@example.com',
      contacts: [{ name: '李强' }], addresses: [addr('中山路1号')], notes: '周末不收货',
    }));
    const res = await admin.patch(`/api/v1/customers/${c.id}`, { name: '改名后的客户' });
    expect(res.status).toBe(200);
    const { updatedAt: _u, ...rest } = c;
    expect(res.body).toMatchObject({ ...rest, name: '改名后的客户' });
    const cleared = await admin.patch(`/api/v1/customers/${c.id}`, { email: null, tags: [] });
    expect(cleared.body).toMatchObject({ email: null, tags: [], priceTier: 'wholesale' });
  });

  it('deletes an unreferenced customer and deactivates/activates', async () => {
    const c = await create(customer());
    expect((await admin.post(`/api/v1/customers/${c.id}/deactivate`)).body.status).toBe('inactive');
    expect((await admin.post(`/api/v1/customers/${c.id}/activate`)).body.status).toBe('active');
    expect((await admin.delete(`/api/v1/customers/${c.id}`)).status).toBe(204);
    expectError(await admin.get(`/api/v1/customers/${c.id}`), 404, 'NOT_FOUND');
  });

  it('exports as csv with the default address', async () => {
    await create(customer({ code: 'EXP-1', name: '导出客户', addresses: [addr('导出路1号')], tags: ['餐饮'] }));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/customers/export?format=csv&q=EXP-1', headers: { cookie: `jxc_session=${admin.cookie}` } });
    expect(res.statusCode).toBe(200);
    const [head, row] = res.body.slice(1).trim().split('\r\n');
    expect(head.split(',').slice(0, 2)).toEqual(['客户编号', '客户名称']);
    expect(row).toContain('EXP-1,导出客户');
    expect(row).toContain('浙江省 杭州市 西湖区 导出路1号');
  });
});
