// Codes for the SMS short-code service: the grammar, the gateways and phone links.
import type { MessageTable } from './message';

export const smsErrors = {
  sms_command_unknown: {
    id: 'Perintah SMS tidak dikenal. Kirim BANTUAN untuk melihat formatnya.',
    en: 'Unknown SMS command. Send HELP to see the formats.',
  },
  sms_register_malformed: {
    id: 'Format DAFTAR salah. Kirim: DAFTAR <KPJ> <DD-MM-YYYY> <NIK>.',
    en: 'Wrong DAFTAR format. Send: DAFTAR <KPJ> <DD-MM-YYYY> <NIK>.',
  },
  sms_balance_malformed: {
    id: 'Format SALDO salah. Kirim: SALDO <KPJ>.',
    en: 'Wrong SALDO format. Send: SALDO <KPJ>.',
  },
  sms_gateway_unauthorised: {
    id: 'Permintaan gateway SMS tidak sah.',
    en: 'The SMS gateway request is not authorised.',
  },
  sms_gateway_disabled: {
    id: 'Gateway SMS ini tidak diaktifkan.',
    en: 'This SMS gateway is not enabled.',
  },
  sms_gateway_failed: {
    id: 'Gateway SMS tidak dapat mengirim pesan. Coba lagi nanti.',
    en: 'The SMS gateway could not send the message. Please try again later.',
  },
  sms_account_not_found: {
    id: 'Akun kepesertaan (KPJ) tidak ditemukan untuk orang ini.',
    en: 'No membership account (KPJ) found for this person.',
  },
  sms_link_not_found: {
    id: 'Nomor HP ini tidak terhubung ke akun tersebut.',
    en: 'This phone number is not linked to that account.',
  },
} as const satisfies MessageTable<string>;
