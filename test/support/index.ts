// Test support for HTTP and service tests against a real database.
//
//   const t = await createTestApp();            // fresh migrated DB (SQLite file or PG database) + app
//   afterAll(() => t.close());                  // closes the app, drops the database
//   const admin = await t.setupAdmin();         // first admin via POST /auth/setup (cached per app)
//   const clerk = await t.loginAs('sales');     // new user with that role, signed in (cookie + CSRF)
//   const bot = await t.apiKeyClient('viewer'); // new API key, sent as Bearer
//   const res = await admin.post('/api/v1/users', {...});  // -> { status, body, headers, cookies }
//   expectError(res, 409, 'DUPLICATE');
//   await admin.upload('/api/v1/imports/products/preview', { name: 'p.csv', content: csv }, { mode: 'upsert' }, { lang: 'en' });  // multipart
//
// The database comes from JXC_TEST_DB (set per vitest project); put dialectLabel in describe names.
export { createClient, type Json, type Reply, type RequestOptions, type SessionState, type TestClient, type UploadFile, type UploadOptions } from './client.js';
export { expectError } from './expect.js';
export { ADMIN_EMAIL, createTestApp, TEST_PASSWORD, type TestApp } from './test-app.js';
export { createTestDatabase, dialect, dialectLabel, type TestDatabase } from './test-db.js';
