// Codes for JP, JKM, JKK, JKP benefit estimates and projections.
import type { MessageTable } from './message';

export const benefitErrors = {
  benefit_wage_invalid: {
    id: 'Upah harus berupa bilangan bulat Rupiah yang tidak negatif.',
    en: 'The wage must be a non-negative whole number of Rupiah.',
  },
  benefit_input_invalid: {
    id: 'Data untuk perhitungan manfaat tidak valid: {detail}.',
    en: 'The data for the benefit calculation is not valid: {detail}.',
  },
  jp_inflation_missing: {
    id: 'Angka inflasi tahun {year} belum tersedia untuk indeksasi upah JP.',
    en: 'The inflation figure for {year} is missing for JP wage indexation.',
  },
  jp_no_contributions: {
    id: 'Belum ada iuran JP yang tercatat.',
    en: 'No JP contributions are recorded.',
  },
  jkm_work_related_death: {
    id: 'Kematian karena kecelakaan kerja dibayar melalui program JKK, bukan JKM.',
    en: 'A death caused by a work accident is paid by JKK, not JKM.',
  },
  jkm_death_before_membership: {
    id: 'Tanggal meninggal sebelum tanggal kepesertaan.',
    en: 'The date of death is before the membership started.',
  },
  jkp_reason_not_covered: {
    id: 'JKP hanya untuk pekerja yang mengalami PHK.',
    en: 'JKP is only for workers who were laid off.',
  },
  jkp_claim_deadline_passed: {
    id: 'Batas waktu klaim JKP telah lewat pada {date}.',
    en: 'The JKP claim deadline passed on {date}.',
  },
  jkp_contribution_months_insufficient: {
    id: 'JKP memerlukan minimal {required} bulan iuran dalam {window} bulan terakhir (tercatat {found}).',
    en: 'JKP needs at least {required} contribution months within {window} months (found {found}).',
  },
  jkp_consecutive_months_insufficient: {
    id: 'JKP memerlukan minimal {required} bulan iuran berturut-turut sebelum PHK.',
    en: 'JKP needs at least {required} consecutive contribution months before the layoff.',
  },
  jkp_new_job: {
    id: 'Hak JKP berakhir karena peserta sudah bekerja kembali.',
    en: 'The JKP right ends once the member has a new job.',
  },
  jkp_jkn_membership_required: {
    id: 'Peserta harus terdaftar di JKN untuk JKP menurut PP 37/2021.',
    en: 'Under PP 37/2021 the member must be enrolled in JKN for JKP.',
  },
  projection_horizon_invalid: {
    id: 'Tanggal target proyeksi harus setelah tanggal hari ini dan paling lama 60 tahun ke depan.',
    en: 'The projection target must be after today and at most 60 years ahead.',
  },
} as const satisfies MessageTable<string>;
