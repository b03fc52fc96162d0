// The demo member left without a sign-in by the demo seed (server/src/seed/demo-seed.ts), used by the
// sign-up flow. Name, NIK and phone come from the demo cast; the KPJ the seed issued is read from the
// demo sign-ins the server prints at start. LUMBUNG_E2E_MEMBER='{"nik":…,"kpj":…,…}' overrides any field.
import { parseNik } from '@lumbung/core';
import { DEMO_MEMBERS, SIGN_UP_DEMO_NIK } from '../../server/src/seed/demo-ledger-cast';

export interface DemoMember {
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly password: string;
}

/** The newcomer as the server that printed `serverOutput` seeded them. */
export function demoMemberFrom(serverOutput: string): DemoMember {
  const cast = DEMO_MEMBERS.find((member) => member.nik === SIGN_UP_DEMO_NIK);
  if (!cast) throw new Error(`no demo member has the sign-up NIK ${SIGN_UP_DEMO_NIK}`);
  const nik = parseNik(cast.nik, new Date().toISOString().slice(0, 10));
  if (!nik.ok) throw new Error(`the demo NIK ${cast.nik} does not parse: ${nik.code}`);
  const kpj = new RegExp(`Sign-up demo: ${cast.fullName}\\s+NIK \\d{16}, KPJ (\\d{11})`).exec(serverOutput);
  const seeded: DemoMember = {
    nik: cast.nik,
    kpj: kpj?.[1] ?? '',
    fullName: cast.fullName,
    birthDate: nik.value.birthDate,
    phone: cast.phone,
    email: 'newcomer.e2e@example.com',
    password: 'sawah hijau di pagi hari',
  };
  const override = process.env.LUMBUNG_E2E_MEMBER
    ? (JSON.parse(process.env.LUMBUNG_E2E_MEMBER) as Partial<DemoMember>)
    : {};
  const member = { ...seeded, ...override };
  if (!member.kpj) throw new Error(`the server did not print the sign-up demo member:\n${serverOutput}`);
  return member;
}
