// Every entry of LIMITS trips on the path it guards: the Record below is typed over LIMITS, so a new
// limit without a test here does not compile. Each case drives the real service one call past the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../delivery/outbox-adapter';
import { flushDeliveries } from '../delivery/delivery-port';
import { createTestContext, type TestContext } from '../test/test-context';
import { changePassword, enableTotp, setupTotp } from './account-security-service';
import { completeContactChange, startContactChange } from './contact-change-service';
import { startAssistedPasswordReset, startPasswordReset } from './password-reset-service';
import { LIMITS, lockDurationMs } from './rate-limit';
import { startRegistration } from './registration-service';
import { signIn, verifySignIn } from './sign-in-service';
import { registryMember, type RegistryMember } from './test-support';
import { createMemberUser } from './user-store';

const PASSWORD = 'kebun-kopi-di-lembang';

describe('rate limits', () => {
  let test: TestContext;
  let ipSerial = 0;
  const freshIp = () => `10.7.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}`;
  const origin = (ip = freshIp()) => ({ ip, deviceLabel: 'test' });

  beforeAll(async () => {
    test = await createTestContext();
  });
  afterAll(async () => {
    await test.close();
  });

  /** A registry member with an active account whose contacts are the registry's. */
  async function memberWithAccount(): Promise<RegistryMember & { userId: number }> {
    const member = await registryMember(test.ctx);
    const user = await createMemberUser(test.ctx, {
      personId: member.personId,
      password: PASSWORD,
      phone: member.phone,
      email: member.email,
    });
    await test.ctx.db
      .updateTable('persons')
      .set({
        phone_cipher: test.ctx.pii.encrypt(member.phone),
        phone_index: test.ctx.pii.blindIndex('phone', member.phone),
      })
      .where('person_id', '=', member.personId)
      .execute();
    return { ...member, userId: user.user_id };
  }

  /** Codes of one outbox address sent so far. */
  const messagesTo = async (to: string) => {
    await flushDeliveries();
    return (await readOutbox(test.ctx, to)).length;
  };

  const registration = (member: RegistryMember, overrides: Partial<RegistryMember> = {}) => ({
    nik: member.nik,
    kpj: member.kpj,
    fullName: member.fullName,
    birthDate: member.birthDate,
    phone: member.phone,
    email: member.email,
    password: PASSWORD,
    channel: 'sms' as const,
    ...overrides,
  });

  /** Runs `count` calls and returns the code (or 'ok') of each. */
  async function outcomes(count: number, call: (index: number) => Promise<{ ok: boolean; code?: string }>) {
    const results: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const result = await call(index);
      results.push(result.ok ? 'ok' : (result.code ?? 'failed'));
    }
    return results;
  }

  const trips: Record<keyof typeof LIMITS, () => Promise<void>> = {
    signInPerIp: async () => {
      const ip = freshIp();
      const results = await outcomes(LIMITS.signInPerIp.max + 1, (index) =>
        signIn(test.ctx, { identifier: `ip${index}@contoh.id`, password: 'salah-salah-salah' }, origin(ip)),
      );
      expect(results.slice(0, -1).every((code) => code === 'invalid_credentials')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    signInCodePerDestination: async () => {
      const member = await memberWithAccount();
      const results = await outcomes(LIMITS.signInCodePerDestination.max + 1, () =>
        signIn(test.ctx, { identifier: member.email, password: PASSWORD }, origin()),
      );
      expect(results).toEqual([
        ...Array.from({ length: LIMITS.signInCodePerDestination.max }, () => 'ok'),
        'rate_limited',
      ]);
      expect(await messagesTo(member.phone)).toBe(LIMITS.signInCodePerDestination.max);
    },

    registerPerIp: async () => {
      const ip = freshIp();
      const results = await outcomes(LIMITS.registerPerIp.max + 1, async () =>
        startRegistration(test.ctx, registration(await registryMember(test.ctx)), { ip }),
      );
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    registerPerDestination: async () => {
      const phone = '+6281377770001';
      const results = await outcomes(LIMITS.registerPerDestination.max + 1, async () =>
        startRegistration(test.ctx, registration(await registryMember(test.ctx), { phone }), origin()),
      );
      expect(results.at(-1)).toBe('rate_limited');
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
    },

    registerPerNik: async () => {
      const member = await registryMember(test.ctx);
      const results = await outcomes(LIMITS.registerPerNik.max + 1, (index) =>
        startRegistration(
          test.ctx,
          registration(member, { phone: `+628137777${String(100 + index)}`, email: `nik${index}@contoh.id` }),
          origin(),
        ),
      );
      expect(results.at(-1)).toBe('rate_limited');
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
    },

    codePerIp: async () => {
      const ip = freshIp();
      const results = await outcomes(LIMITS.codePerIp.max + 1, (index) =>
        verifySignIn(
          test.ctx,
          { challengeId: `unknown-${index}`, code: '123456', rememberDevice: false },
          origin(ip),
        ),
      );
      expect(results.slice(0, -1).every((code) => code === 'otp_expired')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    forgotPerIp: async () => {
      const ip = freshIp();
      const results = await outcomes(LIMITS.forgotPerIp.max + 1, (index) =>
        startPasswordReset(test.ctx, { identifier: `lupa${index}@contoh.id` }, { ip }),
      );
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    forgotPerIdentifier: async () => {
      const results = await outcomes(LIMITS.forgotPerIdentifier.max + 1, () =>
        startPasswordReset(test.ctx, { identifier: 'sama.saja@contoh.id' }, { ip: freshIp() }),
      );
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    forgotPerDestination: async () => {
      // Two KPJ of one member reach the same phone: the phone gets five codes, then answers go on
      // looking the same but carry none.
      const member = await memberWithAccount();
      const secondKpj = `${member.kpj.slice(0, 7)}9${member.kpj.slice(8)}`;
      await test.ctx.db
        .insertInto('member_accounts')
        .values({ person_id: member.personId, kpj: secondKpj, segment: 'PU', joined_on: '2010-01-01' })
        .execute();
      const typed = [member.kpj, member.kpj, member.kpj, member.phone, member.phone, secondKpj, secondKpj];
      const results = await outcomes(typed.length, (index) =>
        startPasswordReset(test.ctx, { identifier: typed[index]! }, { ip: freshIp() }),
      );
      expect(results.every((code) => code === 'ok')).toBe(true);
      expect(await messagesTo(member.phone)).toBe(LIMITS.forgotPerDestination.max);
      const challenges = await test.ctx.db
        .selectFrom('challenges')
        .select('code_hash')
        .where('purpose', '=', 'password_reset')
        .where('person_id', '=', member.personId)
        .orderBy('created_at')
        .execute();
      expect(challenges.map((row) => row.code_hash !== null)).toEqual([
        true,
        true,
        true,
        true,
        true,
        false,
        false,
      ]);
    },

    staffResetPerStaff: async () => {
      const staff = { staffUserId: 987_654 };
      const members = await Promise.all(Array.from({ length: 5 }, () => memberWithAccount()));
      const audit = () => Promise.resolve();
      const results = await outcomes(LIMITS.staffResetPerStaff.max + 1, (index) =>
        startAssistedPasswordReset(test.ctx, members[index % members.length]!.personId, staff, audit),
      );
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
      // Another staff member is not held back by the first one's bucket.
      const other = await startAssistedPasswordReset(
        test.ctx,
        (await memberWithAccount()).personId,
        { staffUserId: 987_655 },
        audit,
      );
      expect(other.ok).toBe(true);
    },

    contactPerUser: async () => {
      const member = await memberWithAccount();
      const results = await outcomes(LIMITS.contactPerUser.max + 1, (index) =>
        startContactChange(test.ctx, member.userId, { kind: 'email', newValue: `baru${index}@contoh.id` }),
      );
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    contactPerDestination: async () => {
      const results = await outcomes(LIMITS.contactPerDestination.max + 1, async () =>
        startContactChange(test.ctx, (await memberWithAccount()).userId, {
          kind: 'email',
          newValue: 'incaran@contoh.id',
        }),
      );
      expect(results.slice(0, -1).every((code) => code === 'ok')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    contactVerifyPerIp: async () => {
      const member = await memberWithAccount();
      const ip = freshIp();
      const results = await outcomes(LIMITS.contactVerifyPerIp.max + 1, (index) =>
        completeContactChange(
          test.ctx,
          member.userId,
          { changeId: `unknown-${index}`, oldCode: '123456', newCode: '654321' },
          { ip },
        ),
      );
      expect(results.slice(0, -1).every((code) => code === 'otp_expired')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    passwordChangePerUser: async () => {
      const member = await memberWithAccount();
      const results = await outcomes(LIMITS.passwordChangePerUser.max + 1, () =>
        changePassword(
          test.ctx,
          member.userId,
          0,
          { currentPassword: 'bukan-yang-ini', newPassword: 'sawah-hijau-di-ubud' },
          origin(),
        ),
      );
      expect(results.slice(0, -1).every((code) => code === 'current_password_incorrect')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },

    totpPerUser: async () => {
      const member = await memberWithAccount();
      expect((await setupTotp(test.ctx, member.userId)).ok).toBe(true);
      const results = await outcomes(LIMITS.totpPerUser.max + 1, () =>
        enableTotp(test.ctx, member.userId, '000000'),
      );
      expect(results.slice(0, -1).every((code) => code === 'totp_invalid')).toBe(true);
      expect(results.at(-1)).toBe('rate_limited');
    },
  };

  it.each(Object.keys(LIMITS) as (keyof typeof LIMITS)[])('%s trips one past its limit', async (name) => {
    await trips[name]();
  });

  it('locks progressively: free failures, then doubling from a minute up to an hour', () => {
    expect([4, 5, 6, 7, 30].map(lockDurationMs)).toEqual([0, 60_000, 120_000, 240_000, 3_600_000]);
  });
});
