import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalMember, type PortalMember } from '../portal/portal-fixtures';
import { createTestApp } from '../test/test-context';

let test: Awaited<ReturnType<typeof createTestApp>>;
let alice: PortalMember;
let bob: PortalMember;

beforeAll(async () => {
  test = await createTestApp();
  alice = await createPortalMember(test.ctx, { fullName: 'Alice Rahma', employerName: 'PT Maju Bersama' });
  bob = await createPortalMember(test.ctx, { fullName: 'Bob Wijaya' });
});
afterAll(async () => test?.close());

describe('e-statement', () => {
  let statement: { statementId: number; code: string; downloadUrl: string };
  let pdf: Buffer;

  it('creates a statement and serves the same bytes on every download', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/statements',
      headers: alice.headers,
      payload: { kpj: alice.kpj, fromPeriod: '2025-01', toPeriod: '2025-12' },
    });
    expect(created.statusCode).toBe(201);
    statement = created.json();
    expect(statement.code).toMatch(/^[0-9A-Z]{12}$/);
    expect(statement.downloadUrl).toBe(`/api/v1/me/statements/${statement.statementId}/pdf`);
    const first = await test.app.inject({
      method: 'GET',
      url: statement.downloadUrl,
      headers: alice.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    pdf = first.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const second = await test.app.inject({
      method: 'GET',
      url: statement.downloadUrl,
      headers: alice.headers,
    });
    expect(second.rawPayload.equals(pdf)).toBe(true);
  });

  it('verifies the code publicly with the KPJ masked and the hash of the served bytes', async () => {
    const check = await test.app.inject({
      method: 'GET',
      url: `/api/v1/statements/verify/${statement.code}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      valid: true,
      kpj: `••••••••${alice.kpj.slice(-3)}`,
      fromPeriod: '2025-01',
      toPeriod: '2025-12',
      generatedAt: '2026-11-22T03:00:00.000Z',
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const dashed = await test.app.inject({
      method: 'GET',
      url: `/api/v1/statements/verify/${statement.code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-')}`,
    });
    expect(dashed.json().valid).toBe(true);
    const unknown = await test.app.inject({ method: 'GET', url: '/api/v1/statements/verify/ZZZZZZZZZZZZ' });
    expect(unknown.json()).toEqual({ valid: false });
  });

  it('matches the exact PDF and rejects one with a single changed byte', async () => {
    const url = `/api/v1/statements/verify/${statement.code}`;
    const same = await test.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual({ matches: true });
    const changed = Buffer.from(pdf);
    const at = Math.floor(changed.length / 2);
    changed[at] = (changed[at]! + 1) % 256;
    const tampered = await test.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/pdf' },
      payload: changed,
    });
    expect(tampered.json()).toEqual({ matches: false });
    const wrongType = await test.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(wrongType.statusCode).toBe(415);
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/v1/statements/verify/ZZZZZZZZZZZZ',
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("never shows one member's statement or KPJ to another", async () => {
    const download = await test.app.inject({
      method: 'GET',
      url: statement.downloadUrl,
      headers: bob.headers,
    });
    expect(download.statusCode).toBe(404);
    const other = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/statements',
      headers: bob.headers,
      payload: { kpj: alice.kpj, fromPeriod: '2025-01', toPeriod: '2025-12' },
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
  });

  it.each([
    [{ fromPeriod: '2025-12', toPeriod: '2025-01' }, 422, 'statement_period_order'],
    [{ fromPeriod: '2010-01', toPeriod: '2025-12' }, 422, 'statement_range_too_long'],
    [{ fromPeriod: '2026-01', toPeriod: '2027-01' }, 422, 'statement_period_in_future'],
    [{ fromPeriod: '2026-13', toPeriod: '2026-12' }, 400, 'validation_failed'],
  ])('refuses %j', async (periods, status, code) => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/statements',
      headers: alice.headers,
      payload: { kpj: null, ...periods },
    });
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('rate-limits the public verify routes', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 32; index += 1) {
      statuses.push(
        (
          await test.app.inject({
            method: 'GET',
            url: '/api/v1/statements/verify/ZZZZZZZZZZZZ',
            remoteAddress: '10.9.8.7',
          })
        ).statusCode,
      );
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  });
});
