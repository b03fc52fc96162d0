// Codes for the staff console (branch counter, call centre) and the admin area.
import type { MessageTable } from './message';

export const staffErrors = {
  identity_not_verified: {
    id: 'Verifikasi identitas peserta terlebih dahulu sebelum membuka data ini.',
    en: "Verify the member's identity before opening this data.",
  },
  verification_attempts_exceeded: {
    id: 'Terlalu banyak verifikasi gagal untuk peserta ini. Minta peserta datang ke kantor cabang dengan KTP.',
    en: 'Too many failed verifications for this member. Ask the member to visit a branch with their ID card.',
  },
  verification_channel_not_allowed: {
    id: 'Peran Anda tidak boleh memverifikasi lewat kanal {channel}. Agen call centre memakai daftar periksa telepon; KTP hanya diperiksa petugas cabang.',
    en: 'Your role may not verify through the {channel} channel. Call-centre agents use the phone checklist; only branch officers check the ID card.',
  },
  verification_checklist_incomplete: {
    id: 'Lengkapi daftar periksa verifikasi untuk kanal {channel}.',
    en: 'Complete the verification checklist for the {channel} channel.',
  },
  staff_reason_required: {
    id: 'Tuliskan alasan (minimal 5 karakter); alasan dicatat di log audit.',
    en: 'Give a reason (at least 5 characters); it is written to the audit log.',
  },
  staff_search_criteria_invalid: {
    id: 'Cari dengan NIK, nomor KPJ, atau nama lengkap beserta tanggal lahir.',
    en: 'Search by NIK, KPJ number, or full name together with birth date.',
  },
  kpj_merge_same_account: {
    id: 'KPJ asal dan KPJ tujuan tidak boleh sama.',
    en: 'The KPJ to merge and the KPJ to keep must differ.',
  },
  kpj_merge_not_owned: {
    id: 'Kedua KPJ harus milik peserta yang sama.',
    en: 'Both KPJ numbers must belong to this member.',
  },
  kpj_already_merged: {
    id: 'KPJ {kpj} sudah digabungkan sebelumnya.',
    en: 'KPJ {kpj} has already been merged.',
  },
  kpj_merge_active_employment: {
    id: 'KPJ {kpj} masih dipakai oleh pemberi kerja aktif; gabungkan setelah hubungan kerja berakhir.',
    en: 'KPJ {kpj} is still used by a current employer; merge it after that employment ends.',
  },
  kpj_merge_claim_open: {
    id: 'Masih ada klaim {claimNumber} yang sedang diproses pada KPJ {kpj}; gabungkan setelah klaim selesai.',
    en: 'Claim {claimNumber} on KPJ {kpj} is still being processed; merge after it is finished.',
  },
  kpj_merge_hold_active: {
    id: 'Sebagian saldo KPJ {kpj} sedang ditahan untuk klaim yang disetujui; gabungkan setelah klaim dibayar atau dibatalkan.',
    en: 'Part of the balance of KPJ {kpj} is held for an approved claim; merge after it is paid or released.',
  },
  contact_in_use: {
    id: 'Kontak ini sudah dipakai oleh akun lain.',
    en: 'This contact is already used by another account.',
  },
  contact_unchanged: {
    id: 'Tidak ada data kontak yang berubah.',
    en: 'No contact detail changed.',
  },
  no_registered_contact: {
    id: 'Peserta tidak memiliki nomor HP atau e-mail terdaftar. Perbarui kontak di kantor cabang.',
    en: 'The member has no registered phone or e-mail. Update the contact at a branch.',
  },
  staff_user_exists: {
    id: 'Sudah ada pengguna dengan e-mail ini.',
    en: 'A user with this e-mail already exists.',
  },
  staff_role_invalid: {
    id: 'Peran staf tidak valid.',
    en: 'The staff role is not valid.',
  },
  cannot_disable_self: {
    id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    en: 'You cannot disable your own account.',
  },
  rule_table_unknown: {
    id: 'Tabel aturan "{table}" tidak dikenal.',
    en: 'Unknown rule table "{table}".',
  },
  rule_row_invalid: {
    id: 'Baris aturan tidak dapat ditambahkan. Periksa isian yang ditandai.',
    en: 'The rule row cannot be added. Check the marked fields.',
  },
  not_implemented: {
    id: 'Fitur ini belum tersedia.',
    en: 'This feature is not available yet.',
  },
} as const satisfies MessageTable<string>;
