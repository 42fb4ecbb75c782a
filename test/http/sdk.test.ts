import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSdkSchema, SDK_SCHEMA_PATH } from '../../scripts/generate-sdk.js';
import { ApiError, createJxcClient, type JxcClient } from '../../sdk/client.js';
import { createTestApp, dialect, dialectLabel, type TestApp } from '../support/index.js';

// The document does not depend on the database: check the file once, in the SQLite run.
describe.skipIf(dialect !== 'sqlite')('sdk/schema.d.ts', { timeout: 120_000 }, () => {
  it('is what `npm run sdk` generates from the current API, byte for byte (run `npm run sdk` and commit when this fails)', async () => {
    const generated = await generateSdkSchema();
    const committed = readFileSync(SDK_SCHEMA_PATH, 'utf8');
    // Compare lengths and the first differing line before the whole text: a 900 kB diff helps nobody.
    const a = committed.split('\n');
    const b = generated.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    expect(at === -1 ? null : { line: at + 1, committed: a[at], generated: b[at] }).toBeNull();
    expect(generated === committed).toBe(true);
  });
});

describe(`sdk/client.ts against a running server ${dialectLabel}`, () => {
  let t: TestApp;
  let jxc: JxcClient;
  beforeAll(async () => {
    t = await createTestApp();
    const { apiKey } = await t.apiKeyClient('purchasing');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    jxc = createJxcClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: apiKey.key, lang: 'en' });
  });
  afterAll(() => t?.close());

  it('creates a product with an API key, lists it and reads it back, typed from the schema', async () => {
    const created = await jxc.post('/api/v1/products', { body: { sku: 'SDK-1', name: 'SDK 螺丝', listPrice: 150 } });
    expect(created).toMatchObject({ sku: 'SDK-1', name: 'SDK 螺丝', listPrice: 150, baseUnit: '个' });
    const page = await jxc.get('/api/v1/products', { query: { q: 'SDK' } });
    expect(page.total).toBe(1);
    expect(page.items.map((p) => p.sku)).toEqual(['SDK-1']);
    const one = await jxc.get('/api/v1/products/{id}', { path: { id: created.id } });
    expect(one.id).toBe(created.id);
  });

  it('throws ApiError with the code, the message in the asked language and the details', async () => {
    const duplicate = await jxc.post('/api/v1/products', { body: { sku: 'SDK-1', name: 'again' } }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ApiError);
    expect(duplicate).toMatchObject({ status: 409, code: 'DUPLICATE' });
    const invalid = await jxc.post('/api/v1/products', { body: { sku: '', name: 'x' } }).catch((e: unknown) => e as ApiError);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(JSON.stringify((invalid as ApiError).details)).toContain('sku');
    expect((invalid as ApiError).message).toMatch(/[a-z]/i);
    const anonymous = createJxcClient({ baseUrl: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}` });
    await expect(anonymous.get('/api/v1/products')).rejects.toMatchObject({ status: 401 });
  });
});
