// Codes for contribution alerts (missed or under-paid months) and the member's notification centre.
import type { MessageTable } from './message';

export const alertErrors = {
  alert_as_of_invalid: {
    id: 'Tanggal acuan pemeriksaan iuran harus berbentuk YYYY-MM-DD dan tidak setelah hari ini.',
    en: 'The as-of date of the contribution check must be a date YYYY-MM-DD, today or earlier.',
  },
  alert_finding_not_found: {
    id: 'Temuan iuran ini tidak ditemukan.',
    en: 'This contribution finding was not found.',
  },
  alert_finding_resolved: {
    id: 'Iuran untuk temuan ini sudah dibayar; tidak perlu dilaporkan lagi.',
    en: 'The contributions of this finding have been paid; there is nothing left to report.',
  },
  alert_payslip_too_large: {
    id: 'Slip gaji terlalu besar (maksimal {maxMegabytes} MB).',
    en: 'The payslip is too large (at most {maxMegabytes} MB).',
  },
  alert_payslip_type_invalid: {
    id: 'Slip gaji harus berupa PDF, JPG atau PNG.',
    en: 'The payslip must be a PDF, JPG or PNG.',
  },
  notification_not_found: {
    id: 'Notifikasi tidak ditemukan.',
    en: 'Notification not found.',
  },
  notification_kind_unknown: {
    id: 'Jenis notifikasi {kind} tidak dikenal.',
    en: 'Unknown notification kind {kind}.',
  },
} as const satisfies MessageTable<string>;
