// Codes for registration, sign-in, one-time codes, sessions, passwords, TOTP and contact changes.
// Messages never say whether a NIK, KPJ, phone or e-mail is registered.
import type { MessageTable } from './message';

export const authErrors = {
  invalid_credentials: {
    id: 'Data masuk atau kata sandi salah.',
    en: 'The sign-in details or the password are wrong.',
  },
  sign_in_locked: {
    id: 'Terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.',
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
  },
  otp_invalid: {
    id: 'Kode verifikasi salah.',
    en: 'The verification code is wrong.',
  },
  otp_expired: {
    id: 'Kode verifikasi sudah kedaluwarsa. Minta kode baru.',
    en: 'The verification code has expired. Ask for a new one.',
  },
  otp_used: {
    id: 'Kode verifikasi sudah dipakai. Minta kode baru.',
    en: 'The verification code has already been used. Ask for a new one.',
  },
  otp_locked: {
    id: 'Kode verifikasi salah terlalu sering. Minta kode baru.',
    en: 'The verification code was entered wrongly too often. Ask for a new one.',
  },
  password_too_short: {
    id: 'Kata sandi minimal 8 karakter.',
    en: 'The password must have at least 8 characters.',
  },
  password_too_long: {
    id: 'Kata sandi maksimal 256 karakter.',
    en: 'The password may have at most 256 characters.',
  },
  password_too_common: {
    id: 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.',
    en: 'This password is too common and easy to guess. Choose another.',
  },
  current_password_incorrect: {
    id: 'Kata sandi saat ini salah.',
    en: 'The current password is wrong.',
  },
  identifier_invalid: {
    id: 'Masukkan e-mail, nomor HP atau nomor KPJ.',
    en: 'Enter an e-mail address, a mobile number or a KPJ number.',
  },
  email_invalid: {
    id: 'Alamat e-mail tidak valid.',
    en: 'The e-mail address is not valid.',
  },
  name_invalid: {
    id: 'Nama lengkap wajib diisi.',
    en: 'The full name is required.',
  },
  totp_invalid: {
    id: 'Kode aplikasi autentikator salah.',
    en: 'The authenticator code is wrong.',
  },
  totp_not_set_up: {
    id: 'Aplikasi autentikator belum disiapkan.',
    en: 'The authenticator app has not been set up.',
  },
  totp_already_enabled: {
    id: 'Aplikasi autentikator sudah aktif.',
    en: 'The authenticator app is already switched on.',
  },
  totp_required_for_staff: {
    id: 'Petugas wajib memakai aplikasi autentikator.',
    en: 'Staff must always use an authenticator app.',
  },
  contact_unchanged: {
    id: 'Kontak baru sama dengan yang lama.',
    en: 'The new contact is the same as the current one.',
  },
  contact_unavailable: {
    id: 'Kontak ini tidak dapat dipakai. Hubungi kantor cabang.',
    en: 'This contact cannot be used. Please contact a branch office.',
  },
  session_not_found: {
    id: 'Sesi tidak ditemukan.',
    en: 'The session was not found.',
  },
} as const satisfies MessageTable<string>;
