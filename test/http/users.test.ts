import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, dialectLabel, expectError, TEST_PASSWORD, type TestApp, type TestClient } from '../support/index.js';

describe(`users ${dialectLabel}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.setupAdmin();
    adminId = admin.user.id;
  });
  afterAll(() => t.close());

  it('creates, reads, lists and changes a user; never returns the password hash', async () => {
    const created = await admin.post('/api/v1/users', { email: 'Li.Lei@Test.JXC', name: '李雷', password: TEST_PASSWORD, role: 'sales' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'li.lei@test.jxc', name: '李雷', role: 'sales', status: 'active', locale: null, lastLoginAt: null });
    expect(JSON.stringify(created.body)).not.toMatch(/password|argon2/i);

    const got = await admin.get(`/api/v1/users/${created.body.id}`);
    expect(got.body).toEqual(created.body);

    const list = await admin.get('/api/v1/users', { query: { q: '李', pageSize: 5 } });
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(list.body.items[0].id).toBe(created.body.id);
    expect((await admin.get('/api/v1/users', { query: { role: 'admin' } })).body.items.map((u: { email: string }) => u.email)).toEqual([ADMIN_EMAIL]);

    const patched = await admin.patch(`/api/v1/users/${created.body.id}`, { name: '李雷雷', role: 'finance', locale: 'en' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: '李雷雷', role: 'finance', locale: 'en' });
    expect(patched.body.updatedAt >= created.body.updatedAt).toBe(true);
  });

  it('answers 404 NOT_FOUND for an unknown user id', async () => {
    expectError(await admin.get('/api/v1/users/nope'), 404, 'NOT_FOUND');
    expectError(await admin.patch('/api/v1/users/nope', { name: 'x' }), 404, 'NOT_FOUND');
  });

  it('refuses a duplicate email (any case) with 409 DUPLICATE naming the field', async () => {
    await admin.post('/api/v1/users', { email: 'dup@test.jxc', name: 'a', password: TEST_PASSWORD, role: 'viewer' });
    const res = await admin.post('/api/v1/users', { email: 'DUP@test.jxc', name: 'b', password: TEST_PASSWORD, role: 'viewer' }, { headers: { 'accept-language': 'en' } });
    expectError(res, 409, 'DUPLICATE');
    expect(res.body.error.details).toEqual([{ field: 'email', message: 'A user with this email exists' }]);
    expect(res.body.error.message).toContain('dup@test.jxc');
  });

  it('validates input: short password, unknown role, bad email', async () => {
    const res = await admin.post('/api/v1/users', { email: 'not-an-email', name: 'x', password: 'short', role: 'boss' }, { headers: { 'accept-language': 'en' } });
    expectError(res, 400, 'VALIDATION_FAILED');
    const fields = (res.body.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'password', 'role']);
    const zh = await admin.post('/api/v1/users', { email: 'ok@test.jxc', name: 'x', password: 'short', role: 'viewer' });
    expect(zh.body.error.details[0].message).toBe('密码至少 8 位');
  });

  it('keeps the last active admin: no self-disable, no demotion (409 LAST_ADMIN)', async () => {
    expectError(await admin.patch(`/api/v1/users/${adminId}`, { status: 'disabled' }), 409, 'LAST_ADMIN');
    const en = await admin.patch(`/api/v1/users/${adminId}`, { role: 'viewer' }, { headers: { 'accept-language': 'en' } });
    expectError(en, 409, 'LAST_ADMIN');
    expect(en.body.error.message).toBe('The last active administrator cannot be disabled or demoted');
    const me = await admin.get(`/api/v1/users/${adminId}`);
    expect(me.body).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('allows demoting an admin once another active admin exists', async () => {
    const second = await t.loginAs('admin');
    const res = await admin.patch(`/api/v1/users/${second.user.id}`, { role: 'viewer' });
    expect(res.status).toBe(200);
    // Back to one admin: the rule applies again.
    expectError(await admin.patch(`/api/v1/users/${adminId}`, { role: 'sales' }), 409, 'LAST_ADMIN');
  });

  it('a disabled user cannot sign in, and their open sessions end', async () => {
    const user = await t.loginAs('warehouse');
    expect((await user.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${user.user.id}`, { status: 'disabled' })).body.status).toBe('disabled');

    expectError(await user.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    const login = await t.client().post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expectError(login, 401, 'INVALID_CREDENTIALS');

    await admin.patch(`/api/v1/users/${user.user.id}`, { status: 'active' });
    expect((await t.client().post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('a new password signs the user out everywhere and only the new one works', async () => {
    const user = await t.loginAs('viewer');
    await admin.patch(`/api/v1/users/${user.user.id}`, { password: 'a-brand-new-password' });
    expectError(await user.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD }), 401, 'INVALID_CREDENTIALS');
    expect((await t.client().post('/api/v1/auth/login', { email: user.email, password: 'a-brand-new-password' })).status).toBe(200);
  });
});

describe(`users: racing admin changes ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('two admins disabling each other at once leave at least one active admin', async () => {
    const a = await t.setupAdmin();
    const others = await Promise.all([t.loginAs('admin'), t.loginAs('admin')]);
    const admins = [a, ...others];
    // Each admin disables the next one, all at the same moment.
    const replies = await Promise.all(admins.map((c, i) => c.patch(`/api/v1/users/${admins[(i + 1) % admins.length].user.id}`, { status: 'disabled' })));
    const active = await t.db.selectFrom('users').select('id').where('role', '=', 'admin').where('status', '=', 'active').execute();
    expect(active.length).toBeGreaterThanOrEqual(1);
    // Losers get LAST_ADMIN, CONFLICT (PostgreSQL aborted the racing transaction) or 401 (already disabled).
    for (const r of replies) expect(['200', '401 UNAUTHENTICATED', '409 LAST_ADMIN', '409 CONFLICT']).toContain(`${r.status}${r.body.error ? ' ' + r.body.error.code : ''}`);
  });
});
