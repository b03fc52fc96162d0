// Codes for the ledger, employers (enrolment, wage reports, bills, payments, exits) and the yearly JHT return.
import type { MessageTable } from './message';

export const ledgerErrors = {
  employer_not_found: { id: 'Pemberi kerja tidak ditemukan.', en: 'Employer not found.' },
  employment_already_active: {
    id: 'Pekerja ini sudah terdaftar aktif di perusahaan Anda.',
    en: 'This worker is already actively enrolled at your company.',
  },
  employment_not_found: {
    id: 'Pekerja dengan KPJ ini tidak terdaftar aktif di perusahaan Anda.',
    en: 'No active employment at your company for this KPJ.',
  },
  enrolment_name_required: {
    id: 'Nama lengkap wajib diisi untuk peserta baru.',
    en: 'The full name is required for a new member.',
  },
  enrolment_kpj_not_usable: {
    id: 'KPJ {kpj} bukan milik pekerja ini atau tidak aktif.',
    en: 'KPJ {kpj} does not belong to this worker or is not active.',
  },
  enrolment_start_invalid: {
    id: 'Tanggal mulai kerja tidak valid atau di masa depan.',
    en: 'The start date is not valid or lies in the future.',
  },
  wage_report_invalid: {
    id: 'Laporan upah berisi {count} kesalahan. Tidak ada data yang diimpor.',
    en: 'The wage report has {count} errors. Nothing was imported.',
  },
  wage_report_empty: {
    id: 'Laporan upah tidak berisi baris data.',
    en: 'The wage report has no data lines.',
  },
  wage_report_too_many_lines: {
    id: 'Laporan upah melebihi {max} baris.',
    en: 'The wage report has more than {max} lines.',
  },
  wage_report_header_invalid: {
    id: 'Baris judul harus memuat kolom nik atau kpj, dan upah (wage); kolom periode wajib bila tidak diisi terpisah.',
    en: 'The header must name the columns nik or kpj, and wage; a period column is required unless given separately.',
  },
  wage_report_columns_invalid: {
    id: 'Jumlah kolom pada baris ini tidak sesuai dengan judul.',
    en: 'This line does not have the same number of columns as the header.',
  },
  wage_report_worker_required: {
    id: 'Isi NIK atau KPJ pekerja.',
    en: 'Give the worker’s NIK or KPJ.',
  },
  wage_report_wage_invalid: {
    id: 'Upah harus bilangan bulat Rupiah 0 atau lebih, tanpa desimal.',
    en: 'The wage must be a whole number of Rupiah, 0 or more, without decimals.',
  },
  wage_report_period_in_future: {
    id: 'Periode {period} belum berjalan.',
    en: 'Period {period} has not started yet.',
  },
  wage_report_duplicate_line: {
    id: 'Pekerja ini sudah dilaporkan untuk periode yang sama pada baris {firstLine}.',
    en: 'This worker is already reported for the same period on line {firstLine}.',
  },
  wage_report_worker_unknown: {
    id: 'Pekerja dengan NIK/KPJ ini tidak ditemukan.',
    en: 'No worker with this NIK/KPJ was found.',
  },
  wage_report_nik_kpj_mismatch: {
    id: 'NIK dan KPJ pada baris ini milik orang yang berbeda.',
    en: 'The NIK and the KPJ on this line belong to different people.',
  },
  wage_report_not_employed: {
    id: 'Pekerja ini tidak bekerja di perusahaan Anda pada periode {period}.',
    en: 'This worker was not employed by your company in period {period}.',
  },
  wage_report_already_reported: {
    id: 'Upah pekerja ini untuk periode {period} sudah dilaporkan.',
    en: 'This worker’s wage for period {period} has already been reported.',
  },
  wage_report_bill_paid: {
    id: 'Tagihan periode {period} sudah dibayar; laporan tambahan tidak dapat diterima.',
    en: 'The bill for period {period} already has payments; no further lines can be added.',
  },
  bill_not_found: { id: 'Tagihan tidak ditemukan.', en: 'Bill not found.' },
  payment_signature_invalid: {
    id: 'Tanda tangan notifikasi bank tidak valid.',
    en: 'The bank notification signature is not valid.',
  },
  payment_amount_invalid: {
    id: 'Jumlah pembayaran harus bilangan bulat Rupiah lebih dari 0.',
    en: 'The payment amount must be a whole number of Rupiah above 0.',
  },
  payment_reference_conflict: {
    id: 'Nomor referensi pembayaran {reference} sudah dipakai untuk pembayaran lain.',
    en: 'Payment reference {reference} was already used for a different payment.',
  },
  payment_date_invalid: {
    id: 'Waktu pembayaran tidak valid atau di masa depan.',
    en: 'The payment time is not valid or lies in the future.',
  },
  exit_date_invalid: {
    id: 'Tanggal keluar harus antara tanggal mulai kerja dan hari ini.',
    en: 'The exit date must lie between the start date and today.',
  },
  bpu_account_required: {
    id: 'KPJ ini bukan kepesertaan Bukan Penerima Upah (BPU).',
    en: 'This KPJ is not an informal-worker (BPU) membership.',
  },
  bpu_period_already_paid: {
    id: 'Iuran periode {period} untuk KPJ ini sudah dibayar.',
    en: 'The contribution for period {period} on this KPJ has already been paid.',
  },
  ledger_entry_not_found: { id: 'Jurnal tidak ditemukan.', en: 'Journal entry not found.' },
  ledger_entry_already_reversed: {
    id: 'Jurnal ini sudah dibalik.',
    en: 'This journal entry has already been reversed.',
  },
  jht_return_year_not_over: {
    id: 'Hasil pengembangan tahun {year} baru dapat diumumkan setelah tahun berakhir.',
    en: 'The return for {year} can only be declared after the year has ended.',
  },
  jht_return_already_declared: {
    id: 'Hasil pengembangan tahun {year} sudah diumumkan.',
    en: 'The return for {year} has already been declared.',
  },
  jht_return_rate_conflict: {
    id: 'Hasil pengembangan tahun {year} sudah diumumkan sebesar {declaredBasisPoints} basis poin; tingkat {requestedBasisPoints} basis poin tidak diterapkan.',
    en: 'The return for {year} was already declared at {declaredBasisPoints} basis points; the rate of {requestedBasisPoints} basis points was not applied.',
  },
  jht_return_not_declared: {
    id: 'Hasil pengembangan tahun {year} belum diumumkan.',
    en: 'No return has been declared for {year}.',
  },
} as const satisfies MessageTable<string>;
