import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialectLabel, expectError, TEST_PASSWORD, type Json, type TestApp, type TestClient } from '../support/index.js';

describe(`audit log ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let userId: string;
  let key: { id: string; key: string };
  let botUserId: string;
  const audit = (query: Record<string, string | number> = {}) => admin.get('/api/v1/audit-log', { query: { pageSize: 100, ...query } });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    userId = (await admin.post('/api/v1/users', { email: 'wang@test.jxc', name: '王芳', password: TEST_PASSWORD, role: 'sales' })).body.id;
    await admin.patch(`/api/v1/users/${userId}`, { role: 'finance', password: 'changed-password-1' });
    const created = await admin.post('/api/v1/api-keys', { name: '对接机器人', role: 'admin' });
    key = { id: created.body.id, key: created.body.key };
    botUserId = (await t.client({ bearer: key.key }).post('/api/v1/users', { email: 'bot-made@test.jxc', name: 'bot', password: TEST_PASSWORD, role: 'viewer' })).body.id;
  });
  afterAll(() => t.close());

  it('records the first setup', async () => {
    const first = (await audit({ entity: 'user', action: 'create' })).body.items.find((e: Json) => e.summary === 'first administrator');
    expect(first).toMatchObject({ actorType: 'user', actorId: admin.user.id, entityId: admin.user.id });
  });

  it('records user creation with actor, entity and after, without the password hash', async () => {
    const res = await audit({ entity: 'user', entityId: userId });
    expect(res.status).toBe(200);
    const create = res.body.items.find((e: Json) => e.action === 'create');
    expect(create).toMatchObject({
      actorType: 'user', actorId: admin.user.id, actorName: '管理员', entity: 'user', entityId: userId, before: null,
      after: { id: userId, email: 'wang@test.jxc', name: '王芳', role: 'sales', status: 'active', passwordHash: '[redacted]' },
    });
    expect(create.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('records the change with before and after', async () => {
    const update = (await audit({ entity: 'user', entityId: userId, action: 'update' })).body.items[0];
    expect(update.before).toMatchObject({ role: 'sales', passwordHash: '[redacted]' });
    expect(update.after).toMatchObject({ role: 'finance', passwordHash: '[redacted]' });
  });

  it('records API-key creation and revocation without the key or its hash', async () => {
    await admin.delete(`/api/v1/api-keys/${key.id}`);
    const res = await audit({ entity: 'apiKey', entityId: key.id });
    expect(res.body.items.map((e: Json) => e.action)).toEqual(['revoke', 'create']);
    const [revoke, create] = res.body.items;
    expect(create).toMatchObject({ actorType: 'user', actorId: admin.user.id, before: null, after: { id: key.id, name: '对接机器人', role: 'admin', keyHash: '[redacted]' } });
    expect(revoke).toMatchObject({ before: { status: 'active' }, after: { status: 'revoked', revokedAt: expect.any(String) } });
  });

  it('keeps secrets out of every stored audit row', async () => {
    const rows = JSON.stringify(await t.db.selectFrom('auditLog').selectAll().execute());
    const secrets = [
      key.key,
      ...(await t.db.selectFrom('apiKeys').select('keyHash').execute()).map((r) => r.keyHash),
      ...(await t.db.selectFrom('users').select('passwordHash').execute()).map((r) => r.passwordHash),
      TEST_PASSWORD,
      'changed-password-1',
    ];
    for (const s of secrets) expect(rows).not.toContain(s);
    expect(rows).not.toContain('$argon2');
  });

  it('names the API key as the actor of what it did', async () => {
    const res = await audit({ actorType: 'api_key' });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ actorType: 'api_key', actorId: key.id, actorName: '对接机器人', entity: 'user', entityId: botUserId, action: 'create' });
  });

  it('filters by entity, actor type and actor', async () => {
    const all = (await audit()).body;
    const byEntity = (await audit({ entity: 'apiKey' })).body;
    expect(byEntity.items.length).toBeGreaterThan(0);
    expect(byEntity.items.every((e: Json) => e.entity === 'apiKey')).toBe(true);
    const byUsers = (await audit({ actorType: 'user' })).body;
    expect(byUsers.items.every((e: Json) => e.actorType === 'user')).toBe(true);
    expect(byUsers.total + 1).toBe(all.total); // everything but the API key's one action
    const byActor = (await audit({ actorId: key.id })).body;
    expect(byActor.total).toBe(1);
    // q searches actor name, entity, entity id and summary.
    expect((await audit({ q: '对接机器' })).body.items.map((e: Json) => e.actorId)).toEqual([key.id]);
    expect((await audit({ q: 'FIRST admin' })).body.total).toBe(1);
  });

  it('lists newest first and pages', async () => {
    const all = (await audit()).body;
    const ats = all.items.map((e: Json) => e.at as string);
    expect([...ats].sort().reverse()).toEqual(ats);
    const page2 = (await audit({ pageSize: 2, page: 2 })).body;
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page2.items.map((e: Json) => e.id)).toEqual(all.items.slice(2, 4).map((e: Json) => e.id));
  });

  it('filters by time: from/to as timestamps or whole days', async () => {
    const all = (await audit()).body;
    const oldest = all.items[all.items.length - 1].at as string;
    const newest = all.items[0].at as string;
    const day = oldest.slice(0, 10);
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.parse(newest) + 1000).toISOString();

    expect((await audit({ from: oldest })).body.total).toBe(all.total);
    expect((await audit({ from: later })).body.total).toBe(0);
    expect((await audit({ to: dayBefore })).body.total).toBe(0);
    expect((await audit({ from: dayBefore, to: newest.slice(0, 10) })).body.total).toBe(all.total);
    expect((await audit({ to: newest })).body.total).toBe(all.total);
    // Offsets are honoured: 08:00 in Beijing is 00:00 UTC.
    expect((await audit({ from: `${dayBefore}T08:00:00+08:00` })).body.total).toBe(all.total);
  });

  it('rejects from after to, and malformed times (400 VALIDATION_FAILED)', async () => {
    expectError(await audit({ from: '2030-01-02', to: '2030-01-01' }), 400, 'VALIDATION_FAILED');
    expectError(await audit({ from: 'yesterday' }), 400, 'VALIDATION_FAILED');
    expectError(await audit({ actorType: 'robot' }), 400, 'VALIDATION_FAILED');
  });

  it('is readable by admin and finance only', async () => {
    expect((await (await t.loginAs('finance')).get('/api/v1/audit-log')).status).toBe(200);
    for (const role of ['sales', 'warehouse', 'purchasing', 'viewer'] as const) {
      expectError(await (await t.apiKeyClient(role)).get('/api/v1/audit-log'), 403, 'FORBIDDEN');
    }
    expectError(await t.client().get('/api/v1/audit-log'), 401, 'UNAUTHENTICATED');
  });
});

describe(`sign-ins in the audit log ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records a failed sign-in (who tried, why, from where), a sign-in and a sign-out', async () => {
    const admin = await t.setupAdmin();
    await admin.post('/api/v1/users', { email: 'li@test.jxc', name: '李会计', password: TEST_PASSWORD, role: 'finance' });
    const c = t.client();
    expectError(await c.post('/api/v1/auth/login', { email: 'li@test.jxc', password: 'not-the-password' }), 401, 'INVALID_CREDENTIALS');
    expectError(await c.post('/api/v1/auth/login', { email: 'nobody@test.jxc', password: 'whatever-123' }), 401, 'INVALID_CREDENTIALS');
    expect((await c.post('/api/v1/auth/login', { email: 'li@test.jxc', password: TEST_PASSWORD })).status).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    const rows = (await admin.get('/api/v1/audit-log', { query: { entity: 'user', pageSize: 100 } })).body.items
      .filter((e: Json) => e.action === 'login' || e.action === 'logout').reverse();
    expect(rows.map((e: Json) => [e.action, e.actorType, e.actorName, e.summary])).toEqual([
      ['login', 'system', 'login', expect.stringMatching(/^failed: li@test\.jxc from .+ \(wrong password\)$/)],
      ['login', 'system', 'login', expect.stringMatching(/^failed: nobody@test\.jxc from .+ \(no such user\)$/)],
      ['login', 'user', '李会计', expect.stringContaining('li@test.jxc')],
      ['logout', 'user', '李会计', '李会计'],
    ]);
  });
});
