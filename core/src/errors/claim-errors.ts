// Codes for claims: eligibility, documents, the payout account, officer decisions and payment.
import type { MessageTable } from './message';

export const claimErrors = {
  claim_reason_invalid: {
    id: 'Alasan klaim tidak berlaku untuk program ini.',
    en: 'This claim reason does not apply to this programme.',
  },
  claim_account_merged: {
    id: 'KPJ ini sudah digabungkan ke KPJ lain; ajukan klaim pada KPJ tujuan.',
    en: 'This KPJ was merged into another; file the claim on that KPJ.',
  },
  claim_membership_active: {
    id: 'Kepesertaan pada KPJ ini masih aktif; pemberi kerja belum melaporkan berhentinya Anda bekerja.',
    en: 'The membership on this KPJ is still active; the employer has not reported that you left.',
  },
  claim_exit_reason_mismatch: {
    id: 'Alasan berhenti bekerja yang dilaporkan pemberi kerja ({exitReason}) tidak sesuai dengan alasan klaim.',
    en: 'The reason the employer reported for leaving ({exitReason}) does not match the claim reason.',
  },
  claim_event_date_required: {
    id: 'Tanggal kejadian diperlukan untuk alasan klaim ini.',
    en: 'The event date is needed for this claim reason.',
  },
  claim_nothing_to_pay: {
    id: 'Tidak ada saldo yang dapat diklaim.',
    en: 'There is no balance to claim.',
  },
  claim_amount_exceeds_maximum: {
    id: 'Jumlah yang diminta melebihi batas {max} Rupiah.',
    en: 'The amount asked for is above the maximum of {max} Rupiah.',
  },
  claim_wage_missing: {
    id: 'Belum ada upah yang dilaporkan, sehingga manfaat belum dapat dihitung.',
    en: 'No wage has been reported, so the benefit cannot be calculated.',
  },
  claim_jp_pension_age_not_reached: {
    id: 'Manfaat pensiun dapat diklaim mulai {date} (usia pensiun {ageYears} tahun).',
    en: 'The pension can be claimed from {date} (pension age {ageYears}).',
  },
  claim_incapacity_months_required: {
    id: 'Jumlah bulan tidak mampu bekerja (1–120) diperlukan.',
    en: 'The number of months unable to work (1–120) is needed.',
  },
  claim_not_found: {
    id: 'Klaim tidak ditemukan.',
    en: 'The claim was not found.',
  },
  claim_already_open: {
    id: 'Masih ada klaim {programme} yang sedang diproses untuk KPJ ini.',
    en: 'A {programme} claim for this KPJ is still being processed.',
  },
  claim_heirs_only: {
    id: 'Klaim karena meninggal dunia hanya dapat diajukan oleh ahli waris yang tercatat, dengan KPJ dan NIK peserta yang meninggal.',
    en: 'A death claim can only be filed by a listed heir, giving the KPJ and NIK of the member who died.',
  },
  claim_in_payment_batch: {
    id: 'Klaim ini ada di berkas pembayaran bank #{batchId} yang belum dijawab bank; tunggu hasil dari bank dulu.',
    en: 'This claim is in bank payment file #{batchId}, which the bank has not answered yet; wait for the bank result first.',
  },
  claim_idempotency_conflict: {
    id: 'Kunci idempotensi ini sudah dipakai untuk klaim lain.',
    en: 'This idempotency key was already used for a different claim.',
  },
  claim_status_invalid: {
    id: 'Klaim berstatus {status}; tindakan ini tidak dapat dilakukan.',
    en: 'The claim is {status}; this action is not possible.',
  },
  claim_documents_missing: {
    id: 'Dokumen berikut belum diunggah: {documents}.',
    en: 'These documents have not been uploaded: {documents}.',
  },
  claim_document_type_invalid: {
    id: 'Jenis berkas tidak diterima. Unggah PDF, JPG atau PNG.',
    en: 'This file type is not accepted. Upload a PDF, JPG or PNG.',
  },
  claim_document_too_large: {
    id: 'Berkas terlalu besar (maksimal {maxMegabytes} MB).',
    en: 'The file is too large (at most {maxMegabytes} MB).',
  },
  claim_document_limit: {
    id: 'Jumlah dokumen untuk satu klaim sudah mencapai batas.',
    en: 'This claim already has the most documents allowed.',
  },
  claim_document_not_found: {
    id: 'Dokumen tidak ditemukan.',
    en: 'The document was not found.',
  },
  claim_bank_account_required: {
    id: 'Rekening bank untuk pembayaran belum diisi.',
    en: 'The payout bank account has not been given.',
  },
  claim_bank_account_invalid: {
    id: 'Nomor rekening atau kode bank tidak valid.',
    en: 'The account number or bank code is not valid.',
  },
  claim_checklist_incomplete: {
    id: 'Semua butir daftar periksa harus dipastikan sebelum menyetujui: {items}.',
    en: 'Every checklist item must be confirmed before approving: {items}.',
  },
  claim_rejection_reason_invalid: {
    id: 'Kode alasan penolakan tidak dikenal.',
    en: 'The rejection reason code is not known.',
  },
  claim_insufficient_balance: {
    id: 'Saldo yang tersedia ({availableRupiah} Rupiah) tidak cukup untuk klaim ini.',
    en: 'The available balance ({availableRupiah} Rupiah) is not enough for this claim.',
  },
  claim_payment_file_invalid: {
    id: 'Berkas hasil bank tidak valid: {detail}.',
    en: 'The bank result file is not valid: {detail}.',
  },
  claim_heir_not_recognised: {
    id: 'KPJ, NIK, atau data ahli waris tidak cocok. Pastikan Anda tercatat sebagai ahli waris, atau ajukan klaim di kantor cabang.',
    en: 'The KPJ, NIK or beneficiary record did not match. Make sure you are listed as a beneficiary, or claim at a branch office.',
  },
  claim_payment_batch_not_found: {
    id: 'Berkas pembayaran tidak ditemukan.',
    en: 'The payment file was not found.',
  },
} as const satisfies MessageTable<string>;
