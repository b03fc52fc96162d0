// Codes for the member portal: beneficiaries, statements, cards, profile, news and help tickets.
import type { MessageTable } from './message';

export const portalErrors = {
  beneficiary_name_invalid: {
    id: 'Nama ahli waris wajib diisi (maksimal 120 karakter).',
    en: 'The beneficiary name is required (at most 120 characters).',
  },
  beneficiary_relation_invalid: {
    id: 'Hubungan ahli waris harus salah satu dari: pasangan, anak, orang tua, saudara kandung, lainnya.',
    en: 'The relation must be one of: spouse, child, parent, sibling, other.',
  },
  beneficiary_share_invalid: {
    id: 'Bagian ahli waris harus bilangan bulat 1–100 persen.',
    en: 'The share must be a whole number from 1 to 100 percent.',
  },
  beneficiary_shares_exceed_total: {
    id: 'Jumlah bagian semua ahli waris menjadi {total}%, melebihi 100%. Sisa yang tersedia {remaining}%.',
    en: 'The shares of all beneficiaries would total {total}%, more than 100%. {remaining}% is left.',
  },
  beneficiary_duplicate_nik: {
    id: 'Ahli waris dengan NIK ini sudah terdaftar.',
    en: 'A beneficiary with this NIK is already registered.',
  },
  beneficiary_is_member: {
    id: 'Anda tidak dapat menjadi ahli waris Anda sendiri.',
    en: 'You cannot name yourself as your beneficiary.',
  },
  beneficiary_limit_reached: {
    id: 'Paling banyak {max} ahli waris.',
    en: 'At most {max} beneficiaries.',
  },
  beneficiary_spouse_limit: {
    id: 'Hanya satu pasangan yang dapat didaftarkan sebagai ahli waris.',
    en: 'Only one spouse can be registered as a beneficiary.',
  },
  statement_period_order: {
    id: 'Periode awal harus sebelum atau sama dengan periode akhir.',
    en: 'The start period must be on or before the end period.',
  },
  statement_range_too_long: {
    id: 'Rentang e-statement paling lama {max} bulan.',
    en: 'A statement covers at most {max} months.',
  },
  statement_period_in_future: {
    id: 'Periode akhir tidak boleh setelah bulan ini.',
    en: 'The end period cannot be after the current month.',
  },
  statement_not_found: {
    id: 'E-statement dengan kode ini tidak ditemukan.',
    en: 'No statement has this code.',
  },
  card_no_active_account: {
    id: 'Belum ada kepesertaan untuk kartu digital.',
    en: 'There is no membership to show on a digital card yet.',
  },
  profile_address_invalid: {
    id: 'Alamat maksimal 300 karakter.',
    en: 'The address can have at most 300 characters.',
  },
  news_text_invalid: {
    id: 'Judul (maks. 200) dan isi berita (maks. 20.000 karakter) wajib diisi dalam dua bahasa.',
    en: 'Title (max. 200) and body (max. 20,000 characters) are required in both languages.',
  },
  ticket_text_invalid: {
    id: 'Subjek (maks. 200) dan pesan (maks. 5.000 karakter) wajib diisi.',
    en: 'A subject (max. 200) and a message (max. 5,000 characters) are required.',
  },
  ticket_closed: {
    id: 'Tiket ini sudah ditutup. Buat tiket baru bila masih perlu bantuan.',
    en: 'This ticket is closed. Open a new ticket if you still need help.',
  },
  ticket_open_limit: {
    id: 'Anda sudah memiliki {max} tiket terbuka. Tunggu jawaban petugas terlebih dahulu.',
    en: 'You already have {max} open tickets. Please wait for an answer first.',
  },
  ticket_attachment_not_found: {
    id: 'Lampiran tiket tidak ditemukan.',
    en: 'Ticket attachment not found.',
  },
  ticket_attachment_damaged: {
    id: 'Berkas lampiran ini tidak sama dengan yang dikirim (SHA-256 berbeda), jadi tidak ditampilkan. Kejadian ini dicatat untuk petugas teknis.',
    en: 'This attachment is not the file that was sent (its SHA-256 differs), so it is not shown. This has been logged for technical staff.',
  },
  simulation_assumption_invalid: {
    id: 'Isi antara {min}% dan {max}% per tahun.',
    en: 'Enter between {min}% and {max}% a year.',
  },
  simulation_age_invalid: {
    id: 'Usia pensiun harus antara {min} dan {max} tahun.',
    en: 'The retirement age must be between {min} and {max}.',
  },
  simulation_age_passed: {
    id: 'Usia ini sudah Anda lewati. Isi usia yang lebih tinggi dari usia Anda sekarang.',
    en: 'You are already past this age. Enter an age above your current age.',
  },
  simulation_no_wage: {
    id: 'Belum ada upah yang dilaporkan untuk simulasi.',
    en: 'There is no reported wage to simulate from yet.',
  },
} as const satisfies MessageTable<string>;
