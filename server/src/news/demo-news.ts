// A few news items for the demo data set; seeding twice adds nothing (seed keys).
import type { ServiceContext } from '../services/service-context';
import { publishNews, type NewNews } from './news-service';

const DAY_MS = 86_400_000;

const items: ReadonlyArray<{ key: string; daysAgo: number; news: Omit<NewNews, 'publishedAt'> }> = [
  {
    key: 'demo-jkp-2025',
    daysAgo: 30,
    news: {
      titleId: 'Manfaat JKP kini 60% upah selama 6 bulan',
      titleEn: 'JKP job-loss benefit is now 60% of wage for 6 months',
      bodyId:
        'Sejak 7 Februari 2025 (PP 6/2025), peserta yang terkena PHK menerima manfaat uang tunai Jaminan Kehilangan Pekerjaan sebesar 60% dari upah (batas upah Rp5.000.000) hingga 6 bulan. Klaim dapat diajukan paling lambat 6 bulan setelah PHK.',
      bodyEn:
        'Since 7 February 2025 (PP 6/2025), members who are laid off receive a Job Loss Benefit of 60% of their wage (wage capped at Rp5,000,000) for up to 6 months. Claims can be made up to 6 months after the layoff.',
    },
  },
  {
    key: 'demo-estatement',
    daysAgo: 10,
    news: {
      titleId: 'Unduh e-statement JHT dengan kode verifikasi',
      titleEn: 'Download your JHT e-statement with a verification code',
      bodyId:
        'Setiap e-statement kini memuat kode QR dan kode singkat. Bank atau pihak lain dapat memeriksa keaslian dokumen di halaman verifikasi tanpa perlu masuk.',
      bodyEn:
        'Every e-statement now carries a QR code and a short code. A bank or anyone else can check that the document is genuine and unchanged on the verification page, without signing in.',
    },
  },
  {
    key: 'demo-ahli-waris',
    daysAgo: 3,
    news: {
      titleId: 'Perbarui data ahli waris Anda',
      titleEn: 'Keep your beneficiaries up to date',
      bodyId:
        'Pastikan nama, hubungan, NIK, dan bagian ahli waris Anda sudah benar di menu Profil. Jumlah bagian semua ahli waris sebaiknya 100%.',
      bodyEn:
        'Make sure the name, relation, NIK and share of each beneficiary are correct under Profile. The shares of all beneficiaries should add up to 100%.',
    },
  },
];

export async function seedDemoNews(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  let count = 0;
  for (const item of items) {
    const result = await publishNews(
      ctx,
      { ...item.news, publishedAt: new Date(now - item.daysAgo * DAY_MS).toISOString() },
      { seedKey: item.key },
    );
    if (result.ok) count += 1;
  }
  return count;
}
