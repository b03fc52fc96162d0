// Demo sign-ins for development: a user for each demo member and one staff user per role, each staff
// user with a fixed TOTP secret printed beside the login so a developer can add it to an
// authenticator app (or run `npm run lumbung -- totp <secret>`). Never used in production.
import { normalisePhone } from '@lumbung/core';
import { normaliseEmail } from '../identity/identifier';
import { hashPassword } from '../identity/password-hashing';
import { createStaffUser, insertMemberUser } from '../identity/user-store';
import type { ServiceContext } from '../services/service-context';
import type { DemoLogin } from './demo-seed';

export const DEMO_PASSWORD = 'lumbung-demo-2026';

/** Fixed development secrets (base32, 160 bits). Public by design: demo data only. */
export const DEMO_STAFF = [
  {
    role: 'agent',
    email: 'agen@lumbung.test',
    displayName: 'Agen Call Centre',
    totpSecret: 'KRUGS4ZAOVZWKIDPNZWHSIDJNYQGIZLW',
  },
  {
    role: 'branch_officer',
    email: 'cabang@lumbung.test',
    displayName: 'Petugas Cabang',
    totpSecret: 'MJZGC3TDNAQG6ZTGNFRWK4RAMRSW23ZA',
  },
  {
    role: 'claims_officer',
    email: 'klaim@lumbung.test',
    displayName: 'Petugas Klaim',
    totpSecret: 'MNWGC2LNOMQG6ZTGNFRWK4RAMRSW23ZA',
  },
  {
    role: 'admin',
    email: 'admin@lumbung.test',
    displayName: 'Administrator',
    totpSecret: 'MFSG22LOEBSGK3LPEBZWKY3SMV2CAMJS',
  },
  {
    role: 'employer_admin',
    email: 'hr@lumbung.test',
    displayName: 'HR Pemberi Kerja',
    totpSecret: 'NBZCAZDFNVXSA43FMNZGK5BAGEZDGNBV',
  },
] as const;

export interface DemoPerson {
  readonly personId: number;
  readonly email: string | null;
  readonly phone: string | null;
}

export async function seedDemoUsers(
  ctx: ServiceContext,
  persons: readonly DemoPerson[],
  employerId?: number,
): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of persons) {
    const phone = person.phone ? normalisePhone(person.phone) : undefined;
    const email = person.email ? normaliseEmail(person.email) : undefined;
    const user = await insertMemberUser(ctx, ctx.db, {
      personId: person.personId,
      passwordHash,
      phone: phone?.ok ? phone.value : null,
      email: email ?? null,
      preferredChannel: phone?.ok ? 'sms' : 'email',
    });
    logins.push({
      who: `Member ${user.display_name}`,
      signIn: email ?? (phone?.ok ? phone.value : `person ${person.personId}`),
      password: `${DEMO_PASSWORD}  (new-device code: /api/v1/dev/outbox?to=…)`,
    });
  }
  for (const staff of DEMO_STAFF) {
    if (staff.role === 'employer_admin' && employerId === undefined) continue;
    await createStaffUser(ctx, {
      role: staff.role,
      email: staff.email,
      displayName: staff.displayName,
      password: DEMO_PASSWORD,
      totpSecret: staff.totpSecret,
      employerId: staff.role === 'employer_admin' ? (employerId ?? null) : null,
    });
    logins.push({
      who: `${staff.displayName} (${staff.role})`,
      signIn: staff.email,
      password: `${DEMO_PASSWORD}  TOTP secret ${staff.totpSecret} (code: npm run lumbung -- totp ${staff.totpSecret})`,
    });
  }
  return logins;
}
