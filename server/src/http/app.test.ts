import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext } from '../test/test-context';
import { testBackend } from '../test/test-database';
import { buildApp } from './app';

describe('HTTP foundation', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  it('answers /healthz and /readyz naming the backend', async () => {
    expect((await test.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await test.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', backend: testBackend, pendingMigrations: [] });
  });

  it('answers an unknown API path with an RFC 9457 problem in the asked language', async () => {
    const response = await test.app.inject({
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en-US' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found', status: 404, title: 'Not found.' });
    expect(response.json().message).toEqual({ id: 'Data tidak ditemukan.', en: 'Not found.' });
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const response = await test.app.inject('/api/v1/openapi.json');
    expect(response.json().openapi).toBe('3.1.0');
  });

  it('sets security headers', async () => {
    const response = await test.app.inject('/healthz');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});

describe('route access declarations', () => {
  it('refuses to build an app with an API route that declares no access', async () => {
    const test = await createTestContext();
    const app = await buildApp(test.ctx);
    expect(() => app.get('/api/v1/undeclared', () => 'x')).toThrow(/does not declare config.access/);
    await app.close();
    await test.close();
  });

  it('refuses a protected route without a session and maps schema errors to validation_failed', async () => {
    const test = await createTestContext();
    const app = await buildApp(test.ctx);
    app.get('/api/v1/probe/protected', { config: { access: ['admin'] } }, () => ({ secret: 1 }));
    app.post(
      '/api/v1/probe/public',
      {
        config: { access: 'public' },
        schema: { body: Type.Object({ wageRupiah: Type.Integer({ minimum: 0 }) }) },
      },
      () => ({ ok: true }),
    );
    const protectedResponse = await app.inject('/api/v1/probe/protected');
    expect(protectedResponse.statusCode).toBe(401);
    expect(protectedResponse.json().code).toBe('unauthenticated');
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/public',
      payload: { wageRupiah: -5 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'wageRupiah' }] });
    await app.close();
    await test.close();
  });
});
