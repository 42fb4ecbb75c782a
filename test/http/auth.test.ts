import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, dialectLabel, expectError, TEST_PASSWORD, type TestApp } from '../support/index.js';

describe(`auth: first-run setup ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('needs setup on an empty database, then not', async () => {
    const anon = t.client();
    expect((await anon.get('/api/v1/auth/setup')).body).toEqual({ setupNeeded: true });

    const admin = await t.setupAdmin();
    expect(admin.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    expect(admin.user.permissions).toContain('users:manage');
    expect(admin.csrfToken).toEqual(expect.any(String));
    expect((await admin.get('/api/v1/auth/me')).body.user.email).toBe(ADMIN_EMAIL);

    expect((await anon.get('/api/v1/auth/setup')).body).toEqual({ setupNeeded: false });
  });

  it('refuses a second setup with 409 SETUP_DONE and creates no user', async () => {
    await t.setupAdmin();
    const res = await t.client().post('/api/v1/auth/setup', { email: 'intruder@test.jxc', name: 'x', password: 'another-password' });
    expectError(res, 409, 'SETUP_DONE');
    const emails = (await t.db.selectFrom('users').select('email').execute()).map((u) => u.email);
    expect(emails).toEqual([ADMIN_EMAIL]);
  });
});

describe(`auth: racing setup requests ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets exactly one of several simultaneous setups win; the others get 409 SETUP_DONE', async () => {
    const replies = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((n) => t.client().post('/api/v1/auth/setup', { email: `${n}@test.jxc`, name: n, password: TEST_PASSWORD })),
    );
    expect(replies.map((r) => `${r.status} ${r.body.error?.code ?? ''}`).sort()).toEqual(['200 ', '409 SETUP_DONE', '409 SETUP_DONE', '409 SETUP_DONE', '409 SETUP_DONE']);
    const admins = await t.db.selectFrom('users').select('id').execute();
    expect(admins).toHaveLength(1);
  });
});

describe(`auth: login, session cookie, CSRF, logout ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.setupAdmin();
  });
  afterAll(() => t.close());

  it('signs in with the right password, case-insensitive email', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/login', { email: ADMIN_EMAIL.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.csrfToken.length).toBeGreaterThan(20);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const user = await t.db.selectFrom('users').select('lastLoginAt').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();
    expect(user.lastLoginAt).not.toBeNull();
  });

  it('sets an httpOnly, SameSite session cookie for the whole site', async () => {
    const res = await t.client().post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: TEST_PASSWORD });
    const cookie = res.cookies.find((k) => k.name === 'jxc_session');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/' });
    expect(String(cookie?.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
    expect(cookie?.maxAge).toBe(t.config.sessionTtlHours * 3600);
    // The session id is stored hashed: the cookie value is not a key in the sessions table.
    const stored = await t.db.selectFrom('sessions').select('id').where('id', '=', String(cookie?.value)).execute();
    expect(stored).toHaveLength(0);
  });

  it.each([
    ['zh-CN', '邮箱或密码错误'],
    ['en-US,en;q=0.9', 'Wrong email or password'],
    ['fr-FR, en;q=0.5, zh;q=0.8', '邮箱或密码错误'],
  ])('rejects a wrong password with 401 INVALID_CREDENTIALS (Accept-Language %s)', async (lang, message) => {
    const res = await t.client().post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: 'wrong-password' }, { headers: { 'accept-language': lang } });
    expectError(res, 401, 'INVALID_CREDENTIALS');
    expect(res.body.error.message).toBe(message);
    expect(res.cookies.find((k) => k.name === 'jxc_session')).toBeUndefined();
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await t.client().post('/api/v1/auth/login', { email: 'nobody@test.jxc', password: 'wrong-password' }, { headers: { 'accept-language': 'en' } });
    expectError(res, 401, 'INVALID_CREDENTIALS');
    expect(res.body.error.message).toBe('Wrong email or password');
  });

  it('requires a session for /auth/me (401 UNAUTHENTICATED)', async () => {
    expectError(await t.client().get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await t.client({ cookie: 'forged-session-token' }).get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without X-CSRF-Token (403 CSRF_INVALID) and writes nothing', async () => {
    const admin = await t.setupAdmin();
    const before = await t.db.selectFrom('users').select('id').execute();
    const auditBefore = await t.db.selectFrom('auditLog').select('id').execute();
    const body = { email: 'csrf-victim@test.jxc', name: 'x', password: TEST_PASSWORD, role: 'viewer' };

    expectError(await admin.post('/api/v1/users', body, { csrf: false }), 403, 'CSRF_INVALID');
    expectError(await admin.post('/api/v1/users', body, { csrf: false, headers: { 'x-csrf-token': 'not-the-token' } }), 403, 'CSRF_INVALID');
    expectError(await admin.post('/api/v1/api-keys', { name: 'k', role: 'viewer' }, { csrf: false }), 403, 'CSRF_INVALID');

    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    expect(await t.db.selectFrom('apiKeys').select('id').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('auditLog').select('id').execute()).toHaveLength(auditBefore.length);
  });

  it('does not accept the CSRF token of another session', async () => {
    const admin = await t.setupAdmin();
    const other = t.client();
    await other.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: TEST_PASSWORD });
    expect(other.csrfToken).not.toBe(admin.csrfToken);
    const mixed = t.client({ cookie: admin.cookie, csrfToken: other.csrfToken });
    expectError(await mixed.post('/api/v1/api-keys', { name: 'k', role: 'viewer' }), 403, 'CSRF_INVALID');
  });

  it('logout ends the session: the old cookie no longer works', async () => {
    const c = t.client();
    await c.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: TEST_PASSWORD });
    const stale = { cookie: c.cookie, csrfToken: c.csrfToken };
    expect(stale.cookie).toBeTruthy();

    const res = await c.post('/api/v1/auth/logout');
    expect(res.status).toBe(204);
    expect(c.cookie).toBeNull(); // the server cleared the cookie

    const replay = t.client(stale);
    expectError(await replay.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await replay.post('/api/v1/api-keys', { name: 'k', role: 'viewer' }), 401, 'UNAUTHENTICATED');
  });

  it('logout needs the CSRF token too', async () => {
    const c = t.client();
    await c.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: TEST_PASSWORD });
    expectError(await c.post('/api/v1/auth/logout', {}, { csrf: false }), 403, 'CSRF_INVALID');
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe(`auth: login rate limit ${dialectLabel}`, () => {
  const limit = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { JXC_LOGIN_RATE_LIMIT: String(limit) } });
    await t.setupAdmin();
  });
  afterAll(() => t.close());

  it(`answers 429 RATE_LIMITED after ${limit} attempts for one email, even with the right password`, async () => {
    for (let i = 0; i < limit; i++) {
      expectError(await t.client().post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: `wrong-${i}` }), 401, 'INVALID_CREDENTIALS');
    }
    const zh = await t.client().post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: TEST_PASSWORD });
    expectError(zh, 429, 'RATE_LIMITED');
    expect(zh.body.error.message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/);
    expect(Number(zh.headers['retry-after'])).toBeGreaterThan(0);
    const en = await t.client().post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: TEST_PASSWORD }, { headers: { 'accept-language': 'en' } });
    expectError(en, 429, 'RATE_LIMITED');
    expect(en.body.error.message).toMatch(/^Too many attempts; try again in \d+ s$/);
  });

  it('counts attempts per email, so one locked-out address does not lock out the rest', async () => {
    const res = await t.client().post('/api/v1/auth/login', { email: 'someone-else@test.jxc', password: 'wrong-password' });
    expectError(res, 401, 'INVALID_CREDENTIALS');
  });
});
