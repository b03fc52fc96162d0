import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../identity/totp';
import { isCommonPassword } from '../identity/password-hashing';
import { lastCodeSentTo, registryMember } from '../identity/test-support';
import { createTestApp } from '../test/test-context';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoUsers } from './demo-users';

describe('demo users', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates members and one staff user per role who can sign in', async () => {
    expect(isCommonPassword(DEMO_PASSWORD)).toBe(false);
    const member = await registryMember(test.ctx);
    const employer = await test.ctx.db
      .insertInto('employers')
      .values({ npp: 'NPP0001', name: 'PT Demo', jkk_risk_class: 'low', address: null })
      .returning('employer_id')
      .executeTakeFirstOrThrow();
    const logins = await seedDemoUsers(
      test.ctx,
      [{ personId: member.personId, email: member.email, phone: member.phone }],
      employer.employer_id,
    );
    expect(logins).toHaveLength(1 + DEMO_STAFF.length);
    expect(logins[0]).toMatchObject({ signIn: member.email });

    const memberSignIn = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { identifier: member.kpj, password: DEMO_PASSWORD },
    });
    expect(memberSignIn.json().status).toBe('code_required');
    expect(await lastCodeSentTo(test.ctx, member.phone)).toMatch(/^\d{6}$/);

    for (const staff of DEMO_STAFF) {
      const first = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { identifier: staff.email, password: DEMO_PASSWORD },
      });
      expect(first.json().status, staff.role).toBe('totp_required');
      const code = currentTotp(staff.totpSecret, test.clock.now());
      const verified = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/verify',
        payload: { challengeId: first.json().challengeId, code },
      });
      expect(verified.json().user.role).toBe(staff.role);
    }
    const hr = await test.ctx.db
      .selectFrom('users')
      .select('employer_id')
      .where('role', '=', 'employer_admin')
      .executeTakeFirstOrThrow();
    expect(hr.employer_id).toBe(employer.employer_id);
  });
});
