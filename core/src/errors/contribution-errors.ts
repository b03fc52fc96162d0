// Codes for contribution calculation, deadlines and compliance.
import type { MessageTable } from './message';

export const contributionErrors = {
  contribution_wage_invalid: {
    id: 'Upah harus berupa bilangan bulat Rupiah.',
    en: 'The wage must be a whole number of Rupiah.',
  },
  contribution_wage_negative: {
    id: 'Upah tidak boleh negatif.',
    en: 'The wage must not be negative.',
  },
  contribution_period_before_programme: {
    id: 'Periode {period} sebelum program {programme} berlaku (mulai {firstPeriod}).',
    en: 'Period {period} is before the {programme} programme existed (it starts {firstPeriod}).',
  },
  contribution_risk_class_required: {
    id: 'Kelas risiko JKK wajib diisi untuk peserta penerima upah.',
    en: 'A JKK risk class is required for wage earners.',
  },
  contribution_income_out_of_band: {
    id: 'Penghasilan peserta BPU harus antara {min} dan {max}.',
    en: 'The informal worker income must be between {min} and {max}.',
  },
  contribution_amount_invalid: {
    id: 'Jumlah iuran harus berupa bilangan bulat Rupiah yang tidak negatif.',
    en: 'The contribution amount must be a non-negative whole number of Rupiah.',
  },
  contribution_history_invalid: {
    id: 'Riwayat kepesertaan atau pembayaran tidak konsisten.',
    en: 'The employment or payment history is not consistent.',
  },
} as const satisfies MessageTable<string>;
