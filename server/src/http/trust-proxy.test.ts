// X-Forwarded-For decides the client address only when LUMBUNG_TRUST_PROXY names the proxies: without
// it, a client that varies the header is still one address to the per-IP forgot-password limit.
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../identity/rate-limit';
import { createTestApp } from '../test/test-context';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

describe('trusted proxies', () => {
  let test: TestApp | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  /** Statuses of requests from one socket address, each claiming another client in X-Forwarded-For. */
  async function spoofedRequests(app: TestApp['app'], count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < count; attempt += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password/forgot',
        remoteAddress: '10.9.0.1',
        headers: { 'x-forwarded-for': `203.0.113.${attempt + 1}` },
        payload: { identifier: `orang${attempt}@contoh.id` },
      });
      statuses.push(response.statusCode);
    }
    return statuses;
  }

  it('ignores X-Forwarded-For by default, so the per-IP limit still trips', async () => {
    test = await createTestApp();
    const statuses = await spoofedRequests(test.app, LIMITS.forgotPerIp.max + 1);
    expect(statuses.at(-1)).toBe(429);
  });

  it.each(['10.9.0.0/16', '1'])('takes the client address from a proxy trusted as %s', async (trust) => {
    test = await createTestApp({ env: { LUMBUNG_TRUST_PROXY: trust } });
    const statuses = await spoofedRequests(test.app, LIMITS.forgotPerIp.max + 1);
    expect(statuses.every((status) => status === 202)).toBe(true);
  });
});
