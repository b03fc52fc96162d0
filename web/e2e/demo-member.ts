// A member in the demo registry who has no sign-in yet, used by the sign-up flow. It must match the
// demo seed (server/src/seed); override with LUMBUNG_E2E_MEMBER='{"nik":…,"kpj":…,…}' when it differs.
export interface DemoMember {
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly password: string;
}

const fallback: DemoMember = {
  nik: '3273015204900002',
  kpj: '23012345678',
  fullName: 'Siti Rahmawati',
  birthDate: '1990-04-12',
  phone: '081234567890',
  email: 'siti.e2e@example.com',
  password: 'sawah hijau di pagi hari',
};

export const demoMember: DemoMember = process.env.LUMBUNG_E2E_MEMBER
  ? { ...fallback, ...(JSON.parse(process.env.LUMBUNG_E2E_MEMBER) as Partial<DemoMember>) }
  : fallback;
