// The people and companies of the demo data set, with the story each one tells (two KPJ, skipped months,
// an exit, informal workers). Names, NIKs, e-mails and phones are invented.
import type { RiskClass } from '@lumbung/core';
import type { ExitReason } from '../db/tables/foundation-tables';

export interface DemoEmployer {
  readonly key: 'tekstil' | 'logistik' | 'kopi';
  readonly npp: string;
  readonly name: string;
  readonly riskClass: RiskClass;
  readonly address: string;
  /**
   * Months reported but never paid, and months not reported at all (arrears the member can see), as a
   * count of months before the last seeded month: a demo seeded in any year keeps them inside the
   * contribution-alert look-back (24 months), so its members find their alert on first start.
   */
  readonly unpaidMonthsBeforeLast?: readonly number[];
  readonly unreportedMonthsBeforeLast?: readonly number[];
}

export const DEMO_EMPLOYERS: readonly DemoEmployer[] = [
  {
    key: 'tekstil',
    npp: '11010123',
    name: 'PT Nusantara Tekstil Abadi',
    riskClass: 'medium',
    address: 'Jl. Soekarno-Hatta No. 512, Bandung',
  },
  {
    key: 'logistik',
    npp: '13020456',
    name: 'PT Sinar Logistik Indonesia',
    riskClass: 'high',
    address: 'Jl. Raya Margomulyo No. 44, Surabaya',
  },
  {
    key: 'kopi',
    npp: '14030789',
    name: 'CV Kopi Lereng Merapi',
    riskClass: 'low',
    address: 'Jl. Kaliurang Km 17, Sleman, Yogyakarta',
    // Seeded in November 2026 (last month October): April 2026 unpaid, May 2026 not reported.
    unpaidMonthsBeforeLast: [6],
    unreportedMonthsBeforeLast: [5],
  },
];

export interface DemoJob {
  readonly employer: DemoEmployer['key'];
  readonly startedOn: string;
  readonly exit?: { readonly on: string; readonly reason: ExitReason };
  /** Monthly wage in the first year; raised 5% every January. */
  readonly wageRupiah: number;
}

export interface DemoMember {
  readonly fullName: string;
  readonly nik: string;
  readonly email: string;
  readonly phone: string;
  readonly jobs?: readonly DemoJob[];
  /** An informal worker paying their own contributions from this month. */
  readonly bpu?: { readonly from: string; readonly incomeRupiah: number; readonly withJht: boolean };
}

// NIK: province, regency, district, birth date DDMMYY (women +40 on the day), serial.
export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    fullName: 'Siti Aminah',
    nik: '3273015208900001',
    email: 'siti.aminah@demo.lumbung.id',
    phone: '081234560001',
    jobs: [{ employer: 'tekstil', startedOn: '2019-01-02', wageRupiah: 4_200_000 }],
  },
  {
    fullName: 'Budi Santoso',
    nik: '3578011703880002',
    email: 'budi.santoso@demo.lumbung.id',
    phone: '081234560002',
    jobs: [
      {
        employer: 'tekstil',
        startedOn: '2019-01-02',
        wageRupiah: 5_100_000,
        exit: { on: '2022-06-30', reason: 'resignation' },
      },
      { employer: 'logistik', startedOn: '2022-08-01', wageRupiah: 7_400_000 },
    ],
  },
  {
    fullName: 'Dewi Lestari',
    nik: '3273016105950003',
    email: 'dewi.lestari@demo.lumbung.id',
    phone: '081234560003',
    jobs: [{ employer: 'tekstil', startedOn: '2020-03-02', wageRupiah: 3_900_000 }],
  },
  {
    fullName: 'Agus Wijaya',
    nik: '3578010909870004',
    email: 'agus.wijaya@demo.lumbung.id',
    phone: '081234560004',
    jobs: [{ employer: 'logistik', startedOn: '2019-06-03', wageRupiah: 6_300_000 }],
  },
  {
    fullName: 'Hendra Gunawan',
    nik: '3578012511830005',
    email: 'hendra.gunawan@demo.lumbung.id',
    phone: '081234560005',
    jobs: [
      {
        employer: 'logistik',
        startedOn: '2019-01-02',
        wageRupiah: 8_800_000,
        exit: { on: '2026-08-31', reason: 'resignation' },
      },
    ],
  },
  {
    fullName: 'Rina Wulandari',
    nik: '3404014302930006',
    email: 'rina.wulandari@demo.lumbung.id',
    phone: '081234560006',
    jobs: [{ employer: 'kopi', startedOn: '2021-02-01', wageRupiah: 2_400_000 }],
  },
  {
    fullName: 'Joko Prasetyo',
    nik: '3404010704910007',
    email: 'joko.prasetyo@demo.lumbung.id',
    phone: '081234560007',
    jobs: [{ employer: 'kopi', startedOn: '2021-02-01', wageRupiah: 2_600_000 }],
  },
  {
    fullName: 'Putri Handayani',
    nik: '3273015612970008',
    email: 'putri.handayani@demo.lumbung.id',
    phone: '081234560008',
    jobs: [{ employer: 'tekstil', startedOn: '2021-07-01', wageRupiah: 4_000_000 }],
  },
  {
    fullName: 'Rudi Hartono',
    nik: '3578012002860009',
    email: 'rudi.hartono@demo.lumbung.id',
    phone: '081234560009',
    jobs: [{ employer: 'logistik', startedOn: '2020-01-02', wageRupiah: 5_600_000 }],
  },
  {
    fullName: 'Fitri Rahmawati',
    nik: '3273014710960010',
    email: 'fitri.rahmawati@demo.lumbung.id',
    phone: '081234560010',
    jobs: [{ employer: 'tekstil', startedOn: '2023-01-02', wageRupiah: 4_600_000 }],
  },
  {
    fullName: 'Eko Saputra',
    nik: '3578010303990011',
    email: 'eko.saputra@demo.lumbung.id',
    phone: '081234560011',
    jobs: [{ employer: 'logistik', startedOn: '2024-04-01', wageRupiah: 5_250_000 }],
  },
  {
    fullName: 'I Wayan Sudarsana',
    nik: '5171031406850012',
    email: 'wayan.sudarsana@demo.lumbung.id',
    phone: '081234560012',
    bpu: { from: '2021-01', incomeRupiah: 3_500_000, withJht: true },
  },
  {
    fullName: 'Nur Aisyah',
    nik: '7371015901920013',
    email: 'nur.aisyah@demo.lumbung.id',
    phone: '081234560013',
    bpu: { from: '2022-06', incomeRupiah: 1_500_000, withJht: false },
  },
];

/** The member the demo leaves without a sign-in, so a visitor can try sign-up with a real NIK and KPJ. */
export const SIGN_UP_DEMO_NIK = '3273014710960010';

/**
 * Yearly JHT development returns. 2020 is sourced (5.63%, FACTS.md §2, confidence M); every other rate
 * is ILLUSTRATIVE — a plausible figure for demo data, not one BPJS declared.
 */
export const DEMO_JHT_RETURNS: readonly {
  readonly year: number;
  readonly rateBasisPoints: number;
  readonly isIllustrative: boolean;
}[] = [
  { year: 2019, rateBasisPoints: 650, isIllustrative: true },
  { year: 2020, rateBasisPoints: 563, isIllustrative: false },
  { year: 2021, rateBasisPoints: 550, isIllustrative: true },
  { year: 2022, rateBasisPoints: 520, isIllustrative: true },
  { year: 2023, rateBasisPoints: 570, isIllustrative: true },
  { year: 2024, rateBasisPoints: 600, isIllustrative: true },
  { year: 2025, rateBasisPoints: 580, isIllustrative: true },
];
