// Test helper: a real user with a real session, returned as a bearer token, for route tests:
// `headers: { authorization: 'Bearer ' + (await bearerFor(test.ctx, { role: 'member', personId })) }`.
import { randomBytes, randomInt } from 'node:crypto';
import type { Role } from '../http/access';
import { createSession } from '../identity/session-service';
import { createMemberUser, createStaffUser } from '../identity/user-store';
import { insertPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';

export interface BearerOptions {
  readonly role: Role;
  /** For a member; a new person is created when missing. */
  readonly personId?: number;
  /** For an employer_admin (required there). */
  readonly employerId?: number;
  readonly displayName?: string;
}

const TEST_PASSWORD = 'test-password-lumbung';
const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A random but structurally plausible NIK (province 31, valid birth date). */
function randomNik(): string {
  return `31${String(randomInt(1000, 9999))}1204${String(randomInt(80, 99))}${String(randomInt(1, 9999)).padStart(4, '0')}`;
}

export async function bearerFor(ctx: ServiceContext, options: BearerOptions): Promise<string> {
  let user;
  if (options.role === 'member') {
    const personId =
      options.personId ??
      (await insertPerson(ctx.db, ctx.pii, {
        nik: randomNik(),
        fullName: options.displayName ?? 'Anggota Uji',
        birthDate: '1990-04-12',
        sex: 'F',
      }));
    // One user per person: reuse it when a test asks twice for the same member.
    user =
      (await ctx.db.selectFrom('users').selectAll().where('person_id', '=', personId).executeTakeFirst()) ??
      (await createMemberUser(ctx, {
        personId,
        password: TEST_PASSWORD,
        ...(options.displayName ? { displayName: options.displayName } : {}),
      }));
  } else {
    user = await createStaffUser(ctx, {
      role: options.role,
      email: `staff-${randomBytes(6).toString('hex')}@test.invalid`,
      displayName: options.displayName ?? `Petugas ${options.role}`,
      password: TEST_PASSWORD,
      totpSecret: TEST_TOTP_SECRET,
      employerId: options.employerId ?? null,
    });
  }
  const session = await createSession(ctx, ctx.db, user, { deviceLabel: 'test', ip: null });
  return session.token;
}
