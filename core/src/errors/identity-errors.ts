// Codes for NIK, KPJ, NPP and phone numbers.
import type { MessageTable } from './message';

export const identityErrors = {
  nik_invalid_format: {
    id: 'NIK harus terdiri dari 16 angka.',
    en: 'The NIK must be 16 digits.',
  },
  nik_invalid_province: {
    id: 'Kode provinsi pada NIK tidak valid.',
    en: 'The province code in the NIK is not valid.',
  },
  nik_invalid_birth_date: {
    id: 'Tanggal lahir pada NIK bukan tanggal yang valid.',
    en: 'The birth date in the NIK is not a real date.',
  },
  nik_invalid_serial: {
    id: 'Nomor urut pada NIK tidak valid.',
    en: 'The serial number in the NIK is not valid.',
  },
  kpj_invalid_format: {
    id: 'Nomor KPJ harus terdiri dari 11 angka.',
    en: 'The KPJ number must be 11 digits.',
  },
  kpj_invalid_check_digit: {
    id: 'Nomor KPJ tidak valid. Periksa kembali angka yang Anda ketik.',
    en: 'The KPJ number is not valid. Please check the digits you typed.',
  },
  npp_invalid_format: {
    id: 'NPP hanya boleh berisi huruf dan angka (maksimal 32).',
    en: 'The NPP may only contain letters and digits (at most 32).',
  },
  phone_invalid_format: {
    id: 'Nomor HP hanya boleh berisi angka, misalnya 0812-3456-7890.',
    en: 'The mobile number may only contain digits, for example 0812-3456-7890.',
  },
  phone_not_mobile: {
    id: 'Masukkan nomor HP Indonesia yang diawali 08 atau +628.',
    en: 'Enter an Indonesian mobile number starting with 08 or +628.',
  },
  phone_invalid_length: {
    id: 'Panjang nomor HP tidak sesuai (10–13 angka, diawali 08).',
    en: 'The mobile number has the wrong length (10–13 digits starting with 08).',
  },
} as const satisfies MessageTable<string>;
