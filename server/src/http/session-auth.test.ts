import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app';
import { bearerFor } from '../test/sign-in';
import { createTestContext, type TestContext } from '../test/test-context';
import { csrfTokenFor } from '../identity/secrets';

describe('session authentication', () => {
  let test: TestContext;
  let app: App;
  beforeAll(async () => {
    test = await createTestContext();
    app = await buildApp(test.ctx);
    app.get('/api/v1/probe/me', { config: { access: ['member'] } }, (request) => ({
      personId: request.principal?.personId,
      via: request.principal?.via,
    }));
    app.post('/api/v1/probe/write', { config: { access: ['member', 'admin'] } }, () => ({ written: true }));
    app.get('/api/v1/probe/staff', { config: { access: ['admin'] } }, () => ({ staff: true }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.close();
  });

  it('resolves a member from a bearer token and from the cookie', async () => {
    const token = await bearerFor(test.ctx, { role: 'member', displayName: 'Siti' });
    const bearer = await app.inject({
      url: '/api/v1/probe/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toMatchObject({ via: 'bearer' });
    expect(typeof bearer.json().personId).toBe('number');
    const cookie = await app.inject({ url: '/api/v1/probe/me', cookies: { lumbung_session: token } });
    expect(cookie.json()).toMatchObject({ via: 'cookie', personId: bearer.json().personId });
  });

  it('refuses a wrong token, a wrong role, and an expired session', async () => {
    const bad = await app.inject({
      url: '/api/v1/probe/me',
      headers: { authorization: 'Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' },
    });
    expect(bad.statusCode).toBe(401);
    const member = await bearerFor(test.ctx, { role: 'member' });
    const forbidden = await app.inject({
      url: '/api/v1/probe/staff',
      headers: { authorization: `Bearer ${member}` },
    });
    expect(forbidden.statusCode).toBe(403);
    const admin = await bearerFor(test.ctx, { role: 'admin' });
    expect(
      (await app.inject({ url: '/api/v1/probe/staff', headers: { authorization: `Bearer ${admin}` } }))
        .statusCode,
    ).toBe(200);
    test.clock.advanceMs(3 * 3_600_000); // staff idle timeout is 2 hours
    expect(
      (await app.inject({ url: '/api/v1/probe/staff', headers: { authorization: `Bearer ${admin}` } }))
        .statusCode,
    ).toBe(401);
  });

  it('requires the CSRF header on cookie writes, not on bearer writes', async () => {
    const token = await bearerFor(test.ctx, { role: 'member' });
    const withoutHeader = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/write',
      cookies: { lumbung_session: token },
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().code).toBe('csrf_failed');
    const wrongHeader = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/write',
      cookies: { lumbung_session: token },
      headers: { 'x-csrf-token': csrfTokenFor('another-token-entirely-xxxxxxxx') },
    });
    expect(wrongHeader.statusCode).toBe(403);
    const withHeader = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/write',
      cookies: { lumbung_session: token },
      headers: { 'x-csrf-token': csrfTokenFor(token) },
    });
    expect(withHeader.statusCode).toBe(200);
    const bearer = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/write',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(200);
  });
});
