// Codes for JHT development returns, claims, partial claims and tax.
import type { MessageTable } from './message';

export const jhtErrors = {
  jht_return_rate_invalid: {
    id: 'Tingkat hasil pengembangan harus berupa basis poin bulat antara 0 dan 10.000.',
    en: 'The development return rate must be whole basis points between 0 and 10,000.',
  },
  jht_posting_outside_year: {
    id: 'Mutasi tanggal {date} tidak termasuk tahun {year}.',
    en: 'The posting dated {date} is not in year {year}.',
  },
  jht_balance_negative: {
    id: 'Saldo JHT menjadi negatif pada {date}.',
    en: 'The JHT balance would become negative on {date}.',
  },
  jht_years_not_consecutive: {
    id: 'Tahun hasil pengembangan harus berurutan.',
    en: 'Development return years must be consecutive.',
  },
  jht_waiting_period: {
    id: 'Klaim JHT dapat diajukan mulai {date}, setelah masa tunggu berakhir.',
    en: 'The JHT claim can be filed from {date}, when the waiting period ends.',
  },
  jht_retirement_age_not_reached: {
    id: 'Klaim JHT karena usia pensiun dapat diajukan mulai {date} (usia {ageYears} tahun).',
    en: 'A retirement JHT claim can be filed from {date} (age {ageYears}).',
  },
  jht_birth_date_required: {
    id: 'Tanggal lahir diperlukan untuk klaim karena usia pensiun.',
    en: 'The birth date is needed for a retirement claim.',
  },
  jht_event_after_claim: {
    id: 'Tanggal kejadian ({date}) tidak boleh setelah tanggal klaim.',
    en: 'The event date ({date}) must not be after the claim date.',
  },
  jht_partial_already_taken: {
    id: 'Klaim JHT sebagian hanya dapat diambil satu kali selama kepesertaan.',
    en: 'A partial JHT claim can only be taken once per membership.',
  },
  jht_partial_membership_too_short: {
    id: 'Klaim JHT sebagian memerlukan kepesertaan minimal 10 tahun (mulai {date}).',
    en: 'A partial JHT claim needs at least 10 years of membership (from {date}).',
  },
  jht_amount_invalid: {
    id: 'Jumlah harus berupa bilangan bulat Rupiah yang tidak negatif.',
    en: 'The amount must be a non-negative whole number of Rupiah.',
  },
} as const satisfies MessageTable<string>;
