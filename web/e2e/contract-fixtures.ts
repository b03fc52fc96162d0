// Answers shaped like the member API's (docs/portal-api.md), served in the browser so every page can be
// rendered with a story the demo data does not tell in one member: two KPJ (a past employer and a
// current one), a missing, an underpaid and a late month, beneficiaries whose shares do not yet add up.
import type { BrowserContext, Route } from 'playwright-core';

const user = { id: 'u1', role: 'member', displayName: 'Siti Rahmawati', language: 'id' };

function monthlySeries(fromYear: number, months: number, start: number, step: number) {
  return Array.from({ length: months }, (_, index) => {
    const year = fromYear + Math.floor(index / 12);
    const month = (index % 12) + 1;
    return {
      date: `${year}-${String(month).padStart(2, '0')}-28`,
      balanceRupiah: start + step * index + (index >= 12 ? 350_000 : 0),
    };
  });
}

export const fixtures: Record<string, unknown> = {
  'GET /api/v1/auth/session': { user, csrfToken: 'csrf-test' },
  'GET /api/v1/me/overview': {
    person: { fullName: 'Siti Rahmawati' },
    accounts: [
      {
        kpj: '23012345678',
        segment: 'PU',
        status: 'active',
        joinedOn: '2019-02-01',
        exitedOn: null,
        employer: { name: 'PT Sinar Tekstil Bandung', npp: '1200345' },
      },
      {
        kpj: '15098765432',
        segment: 'PU',
        status: 'inactive',
        joinedOn: '2014-07-01',
        exitedOn: '2018-12-31',
        employer: { name: 'CV Maju Bersama', npp: '0988112' },
      },
    ],
    programmes: {
      jht: { balanceRupiah: 48_734_215 },
      jp: { balanceRupiah: 17_250_400 },
      jkk: {
        active: true,
        benefits: [
          {
            label: { id: 'Perawatan medis', en: 'Medical care' },
            amountRupiah: null,
            description: {
              id: 'Sesuai kebutuhan medis, tanpa batas biaya',
              en: 'As medically needed, no cost ceiling',
            },
          },
          {
            label: { id: 'Santunan kematian akibat kerja', en: 'Work-related death' },
            amountRupiah: 264_000_000,
            description: { id: '48 × upah terakhir', en: '48 × last wage' },
          },
        ],
      },
      jkm: {
        active: true,
        benefits: [
          {
            label: { id: 'Total santunan kematian', en: 'Total death benefit' },
            amountRupiah: 42_000_000,
            description: {
              id: 'Santunan, berkala, dan biaya pemakaman',
              en: 'Lump sum, periodic and funeral',
            },
          },
        ],
      },
      jkp: {
        active: true,
        benefits: [
          {
            label: { id: 'Uang tunai per bulan', en: 'Cash per month' },
            amountRupiah: 3_000_000,
            description: {
              id: '60% upah (maks. Rp 5 jt) hingga 6 bulan',
              en: '60% of wage (cap Rp 5 m) for up to 6 months',
            },
          },
        ],
      },
    },
    asOf: '2025-10-31',
  },
  'GET /api/v1/me/jht': {
    accounts: [
      {
        kpj: '23012345678',
        totalRupiah: 31_420_015,
        workerRupiah: 9_870_000,
        employerRupiah: 18_259_500,
        developmentReturnRupiah: 3_290_515,
        withdrawalsRupiah: 0,
        series: monthlySeries(2019, 82, 570_000, 373_000),
      },
      {
        kpj: '15098765432',
        totalRupiah: 17_314_200,
        workerRupiah: 5_220_000,
        employerRupiah: 9_657_000,
        developmentReturnRupiah: 2_437_200,
        withdrawalsRupiah: 0,
        series: monthlySeries(2014, 54, 300_000, 300_000),
      },
    ],
    sum: {
      totalRupiah: 48_734_215,
      workerRupiah: 15_090_000,
      employerRupiah: 27_916_500,
      developmentReturnRupiah: 5_727_715,
      withdrawalsRupiah: 0,
      series: monthlySeries(2014, 136, 300_000, 350_000),
    },
    asOf: '2025-10-31',
  },
  'GET /api/v1/me/contributions': {
    months: [
      {
        period: '2025-10',
        kpj: '23012345678',
        employerName: 'PT Sinar Tekstil Bandung',
        wageRupiah: 6_500_000,
        workerRupiah: 0,
        employerRupiah: 0,
        paidOn: null,
        status: 'pending',
        isFlagged: false,
        advice: 'wait',
      },
      {
        period: '2025-09',
        kpj: '23012345678',
        employerName: 'PT Sinar Tekstil Bandung',
        wageRupiah: 6_500_000,
        workerRupiah: 130_000,
        employerRupiah: 240_500,
        paidOn: '2025-10-13',
        status: 'paid',
        isFlagged: false,
        advice: 'none',
      },
      {
        period: '2025-08',
        kpj: '23012345678',
        employerName: 'PT Sinar Tekstil Bandung',
        wageRupiah: 6_500_000,
        workerRupiah: 0,
        employerRupiah: 0,
        paidOn: null,
        status: 'missing',
        isFlagged: true,
        advice: 'report',
        expectedRupiah: 370_500,
        postedRupiah: 0,
      },
      {
        period: '2025-07',
        kpj: '23012345678',
        employerName: 'PT Sinar Tekstil Bandung',
        wageRupiah: 6_500_000,
        workerRupiah: 100_000,
        employerRupiah: 185_000,
        paidOn: '2025-08-14',
        status: 'underpaid',
        isFlagged: true,
        advice: 'report',
        expectedRupiah: 370_500,
        postedRupiah: 285_000,
      },
      {
        period: '2025-06',
        kpj: '23012345678',
        employerName: 'PT Sinar Tekstil Bandung',
        wageRupiah: 6_500_000,
        workerRupiah: 130_000,
        employerRupiah: 240_500,
        paidOn: '2025-07-29',
        status: 'late',
        isFlagged: true,
        advice: 'none',
      },
      {
        period: '2024-12',
        kpj: '23012345678',
        employerName: 'PT Sinar Tekstil Bandung',
        wageRupiah: 6_000_000,
        workerRupiah: 120_000,
        employerRupiah: 222_000,
        paidOn: '2025-01-10',
        status: 'paid',
        isFlagged: false,
        advice: 'none',
      },
    ],
  },
  'GET /api/v1/me/card': {
    fullName: 'Siti Rahmawati',
    kpj: '23012345678',
    programmes: ['JHT', 'JKK', 'JKM', 'JP', 'JKP'],
    since: '2014-07-01',
    verifyCode: 'K7QX-2M4P',
  },
  'GET /api/v1/me/profile': {
    fullName: 'Siti Rahmawati',
    birthDate: '1990-04-12',
    phone: '+62 812*****7890',
    email: 's••••@contoh.id',
    address: 'Jl. Cihampelas No. 12, RT 03/RW 05, Bandung 40131',
  },
  'GET /api/v1/me/beneficiaries': {
    beneficiaries: [
      { id: 'b1', name: 'Agus Rahmawan', relation: 'spouse', nik: '32**********0003', sharePercent: 60 },
      { id: 'b2', name: 'Nadia Putri', relation: 'child', nik: '32**********0002', sharePercent: 30 },
    ],
    totalSharePercent: 90,
    remainingSharePercent: 10,
    shareWarning: true,
  },
  'GET /api/v1/me/security/sessions': [
    {
      id: 's1',
      device: 'Chrome di Android',
      ip: '36.72.10.4',
      lastSeenAt: '2025-11-02T03:15:00Z',
      current: true,
    },
    {
      id: 's2',
      device: 'Firefox di Windows',
      ip: '180.244.3.9',
      lastSeenAt: '2025-10-28T11:40:00Z',
      current: false,
    },
  ],
  'GET /api/v1/me/security/sign-ins': [
    {
      id: 'e1',
      at: '2025-11-02T03:15:00Z',
      device: 'Chrome di Android',
      ip: '36.72.10.4',
      outcome: 'success',
    },
    {
      id: 'e2',
      at: '2025-10-30T22:01:00Z',
      device: 'Tidak dikenal',
      ip: '103.1.2.3',
      outcome: 'wrong_password',
    },
  ],
  'GET /api/v1/me/simulation/assumptions': {
    wageGrowthBasisPoints: { min: -2_000, max: 3_000, default: 500 },
    returnBasisPoints: { min: 0, max: 2_000, default: 550 },
    retirementAge: { min: 40, max: 70, default: 56 },
  },
  'POST /api/v1/me/simulation': {
    jhtAt56: { amountRupiah: 412_880_000, atDate: '2046-04-12' },
    jp: {
      monthlyRupiah: 2_104_300,
      lumpSumRupiah: null,
      pensionAge: 65,
      pensionDate: '2055-05-01',
      contributionMonthsAtPension: 470,
    },
    assumptions: {
      wageGrowthBasisPoints: 500,
      returnBasisPoints: 550,
      retirementAge: 56,
      currentWageRupiah: 6_500_000,
      jhtBalanceRupiah: 48_734_215,
      jpBalanceRupiah: 17_250_400,
      jpContributionMonths: 132,
      jhtContributionBasisPoints: 570,
      jpWageCapRupiah: 10_547_400,
      asOf: '2025-10-31',
      jpPricesBasis: 'today',
    },
  },
  'GET /api/v1/news': [
    {
      id: 'n1',
      title: {
        id: 'Batas klaim JHT lewat aplikasi naik menjadi Rp 15 juta',
        en: 'Online JHT claim limit rises to Rp 15 million',
      },
      summary: {
        id: 'Mulai Mei 2025, klaim hingga Rp 15 juta cukup lewat aplikasi.',
        en: 'From May 2025, claims up to Rp 15 million can be made online.',
      },
      publishedAt: '2025-05-02',
    },
    {
      id: 'n2',
      title: { id: 'Manfaat JKP kini 60% upah selama 6 bulan', en: 'JKP now pays 60% of wage for 6 months' },
      summary: {
        id: 'PP 6/2025 berlaku sejak 7 Februari 2025.',
        en: 'PP 6/2025 applies from 7 February 2025.',
      },
      publishedAt: '2025-02-14',
    },
  ],
  'GET /api/v1/news/n1': {
    id: 'n1',
    title: {
      id: 'Batas klaim JHT lewat aplikasi naik menjadi Rp 15 juta',
      en: 'Online JHT claim limit rises to Rp 15 million',
    },
    body: {
      id: 'Mulai Mei 2025, peserta dengan saldo JHT hingga Rp 15 juta dapat mengajukan klaim sepenuhnya secara online.\n\nSaldo di atas batas itu diajukan lewat formulir online dengan wawancara video, atau di kantor cabang.',
      en: 'From May 2025, members with a JHT balance up to Rp 15 million can claim fully online.\n\nLarger balances go through the online form with a video interview, or a branch office.',
    },
    publishedAt: '2025-05-02',
  },
  'GET /api/v1/me/tickets': {
    tickets: [
      {
        id: 1,
        number: 'TK-2025-000001',
        subject: 'Iuran Agustus 2025 KPJ 23012345678',
        category: 'contribution',
        status: 'answered',
        createdAt: '2025-10-20T02:00:00Z',
        updatedAt: '2025-10-21T04:30:00Z',
      },
    ],
  },
  'GET /api/v1/me/tickets/1': {
    id: 1,
    number: 'TK-2025-000001',
    subject: 'Iuran Agustus 2025 KPJ 23012345678',
    category: 'contribution',
    status: 'answered',
    createdAt: '2025-10-20T02:00:00Z',
    updatedAt: '2025-10-21T04:30:00Z',
    closedAt: null,
    messages: [
      {
        from: 'member',
        body: 'Iuran bulan Agustus tidak tercatat, padahal gaji saya dipotong.',
        at: '2025-10-20T02:00:00Z',
      },
      {
        from: 'staff',
        body: 'Terima kasih. Kami sudah menghubungi pemberi kerja; iuran akan dibayar beserta dendanya.',
        at: '2025-10-21T04:30:00Z',
      },
    ],
    attachments: [
      {
        id: 1,
        kind: 'payslip',
        fileName: 'slip-gaji-agustus.pdf',
        contentType: 'application/pdf',
        sizeBytes: 184_320,
        sha256: '5f2b0c8d3a7e41f69b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a',
        createdAt: '2025-10-20T02:00:00Z',
      },
    ],
  },
  'GET /api/v1/statements/verify/ABCD-1234': {
    valid: true,
    kpj: '230•••••678',
    fromPeriod: '2024-01',
    toPeriod: '2024-12',
    generatedAt: '2025-11-02T03:20:00Z',
    sha256: '9f2c1e0b7a4d5c6e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7',
  },
  'GET /api/v1/dev/outbox': [],
};

/** Serves the fixtures for /api/v1/** in this browser context; unknown routes answer a 404 problem. */
export async function serveContractFixtures(
  context: BrowserContext,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const table = { ...fixtures, ...overrides };
  await context.route('**/api/v1/**', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}`;
    if (url.pathname === '/api/v1/me/card.png') {
      return route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ code: 'not_found', message: { id: 'Tidak ditemukan', en: 'Not found' } }),
      });
    }
    if (key in table) {
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(table[key]),
      });
    }
    return route.fulfill({
      status: 404,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        code: 'not_found',
        title: 'Not Found',
        message: { id: 'Tidak ditemukan.', en: 'Not found.' },
      }),
    });
  });
}
