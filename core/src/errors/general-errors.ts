// Codes every channel can return, independent of any feature.
import type { MessageTable } from './message';

export const generalErrors = {
  validation_failed: {
    id: 'Data yang dikirim tidak valid.',
    en: 'The submitted data is not valid.',
  },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: { id: 'Anda tidak berhak melakukan ini.', en: 'You are not allowed to do this.' },
  rate_limited: {
    id: 'Terlalu banyak permintaan. Coba lagi nanti.',
    en: 'Too many requests. Please try again later.',
  },
  csrf_failed: {
    id: 'Sesi formulir tidak valid. Muat ulang halaman lalu coba lagi.',
    en: 'The form session is not valid. Reload the page and try again.',
  },
  payload_too_large: { id: 'Data terlalu besar.', en: 'The request is too large.' },
  unsupported_media_type: { id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' },
  conflict: {
    id: 'Data telah berubah. Muat ulang lalu coba lagi.',
    en: 'The data changed meanwhile. Reload and try again.',
  },
  internal_error: {
    id: 'Terjadi kesalahan pada sistem. Silakan coba lagi.',
    en: 'Something went wrong on our side. Please try again.',
  },
  service_unavailable: {
    id: 'Layanan sedang tidak tersedia.',
    en: 'The service is temporarily unavailable.',
  },
} as const satisfies MessageTable<string>;
