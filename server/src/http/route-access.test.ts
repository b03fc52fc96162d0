// Every route any feature registers: each /api route declares who may call it, and every protected
// route refuses a caller without a session (401) before doing anything.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../test/test-context';
import type * as AccessModule from './access';

const registered: RouteOptions[] = [];

vi.mock('./access', async (importOriginal) => {
  const original = await importOriginal<typeof AccessModule>();
  return {
    ...original,
    assertRouteDeclaresAccess: (route: RouteOptions) => {
      registered.push(route);
      original.assertRouteDeclaresAccess(route);
    },
  };
});

describe('route access', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  const apiRoutes = () =>
    registered
      .filter((route) => route.url.startsWith('/api/'))
      .flatMap((route) =>
        (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
          method: String(method),
          route,
        })),
      );

  it('sees the routes of every feature, each declaring public or a role list', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((r) => `${r.method} ${r.route.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/sign-in',
        'GET /api/v1/me/security/sessions',
        'GET /api/v1/dev/outbox',
      ]),
    );
    for (const { method, route } of routes) {
      const access = route.config?.access;
      const isValid = access === 'public' || (Array.isArray(access) && access.length > 0);
      expect(isValid, `${method} ${route.url}`).toBe(true);
    }
  });

  it('refuses an unauthenticated call to every protected route with 401', async () => {
    const isProtected = (access: unknown) => access !== 'public';
    const protectedRoutes = apiRoutes().filter(
      ({ method, route }) => method !== 'HEAD' && isProtected(route.config?.access),
    );
    expect(protectedRoutes.length).toBeGreaterThan(5);
    for (const { method, route } of protectedRoutes) {
      const url = route.url.replace(/:[A-Za-z]+/g, '1').replace(/\*$/, 'x');
      const response = await test.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${method} ${route.url}`).toBe(401);
      expect(response.json().code, `${method} ${route.url}`).toBe('unauthenticated');
    }
  });
});
