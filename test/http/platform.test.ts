import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccessControl } from '../../src/server/platform/access.js';
import { createTestApp, dialect, dialectLabel, expectError, type TestApp } from '../support/index.js';

describe(`platform: health, OpenAPI, errors ${dialectLabel}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health reports status, database and version without signing in', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: dialect, version: 'test' });
  });

  it('serves an OpenAPI 3.1.0 document with the auth paths and security schemes', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.version).toBe('test');
    expect(Object.keys(res.body.paths['/api/v1/auth/login'])).toContain('post');
    expect(res.body.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    for (const p of ['/api/v1/users', '/api/v1/users/{id}', '/api/v1/api-keys', '/api/v1/audit-log', '/api/health']) expect(res.body.paths).toHaveProperty([p]);
    expect(res.body.paths).not.toHaveProperty(['/api/openapi.json']);
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  });

  it('serves the API docs page at /api/docs', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 5; hops++) {
      res = await t.app.inject({ method: 'GET', url: new URL(String(res.headers.location), 'http://localhost/api/docs').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });

  it.each([
    ['GET', '/api/v1/xyz'],
    ['POST', '/api/v1/xyz'],
    ['DELETE', '/api/v1/users'],
    ['GET', '/api/nothing-here?x=1'],
  ] as const)('%s %s → 404 ROUTE_NOT_FOUND as JSON', async (method, url) => {
    const res = await t.client().request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {}, { headers: { 'accept-language': 'en' } });
    expectError(res, 404, 'ROUTE_NOT_FOUND');
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.error.message).toBe(`No such endpoint: ${method} ${url.split('?')[0]}`);
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.c",' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body' }] });
  });

  it('names an unknown body field in a 400', async () => {
    const res = await t.client().post('/api/v1/auth/login', { email: 'a@test.jxc', password: 'x', rememberMe: true });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'rememberMe', in: 'body' })]);
    expect(res.body.error.message).toContain('rememberMe');
  });

  it('names unknown query parameters too', async () => {
    const admin = await t.setupAdmin();
    const res = await admin.get('/api/v1/users', { query: { colour: 'red' } });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details[0]).toMatchObject({ field: 'colour', in: 'querystring' });
  });

  it('localizes validation messages by Accept-Language', async () => {
    const body = { email: 'not-an-email', password: 'x' };
    const zh = await t.client().post('/api/v1/auth/login', body);
    const en = await t.client().post('/api/v1/auth/login', body, { headers: { 'accept-language': 'en' } });
    expect(zh.body.error.details[0]).toMatchObject({ field: 'email', message: '请输入有效的邮箱' });
    expect(en.body.error.details[0]).toMatchObject({ field: 'email', message: 'Enter a valid email' });
    expect(zh.body.error.message).toMatch(/^提交的数据有误/);
    expect(en.body.error.message).toMatch(/^Invalid input/);
  });

  it('refuses a body type it cannot parse with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('platform: access rules fail closed', () => {
  it('refuses to register an /api/v1 route that declares no access rule', async () => {
    const app = Fastify();
    registerAccessControl(app, { fromSession: async () => null, fromApiKey: async () => null });
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no access rule/);
    await app.close();
  });
});
