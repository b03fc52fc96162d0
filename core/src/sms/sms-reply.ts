// The texts the short-code service sends, in Indonesian (default) and English. Every text uses only
// GSM-7 characters and fits one 160-septet SMS for any realistic amount (tests prove both).
import type { Language } from '../errors/message';
import { formatRupiahForMember, type Rupiah } from '../money/rupiah';
import { formatDateIndonesian, indonesianMonthNames, type CalendarDate } from '../time/calendar-date';
import type { Period } from '../time/period';

export type SmsFormatTopic = 'register' | 'balance' | 'any';

export type SmsReply =
  | { readonly kind: 'help' }
  | { readonly kind: 'format'; readonly topic: SmsFormatTopic }
  | { readonly kind: 'register_ok'; readonly kpj: string }
  | { readonly kind: 'register_failed' }
  | { readonly kind: 'register_locked' }
  | {
      readonly kind: 'balance';
      readonly kpj: string;
      readonly asOf: CalendarDate;
      readonly jhtRupiah: Rupiah;
      /** Null when the account has no JP (e.g. informal BPU members). */
      readonly jpRupiah: Rupiah | null;
      readonly lastContributionPeriod: Period | null;
    }
  | { readonly kind: 'balance_not_linked' }
  | { readonly kind: 'balance_choose_account'; readonly kpjs: readonly string[] }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'rate_limited' }
  | { readonly kind: 'linked_by_staff'; readonly kpj: string }
  | { readonly kind: 'unavailable' };

export type SmsReplyKind = SmsReply['kind'];

export interface SmsReplyOptions {
  /** The number members send to; it appears in instructions. */
  readonly shortCode: string;
}

const englishMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 'Rp 12.345.678': the form members see on statements, with a space after Rp. */
export function formatSmsRupiah(amount: Rupiah): string {
  return formatRupiahForMember(amount);
}

/** Only the last four digits: a KPJ is not secret, but an SMS may be read by someone else. */
export function maskKpjForSms(kpj: string): string {
  return `***${kpj.slice(-4)}`;
}

function formatPeriod(period: Period, language: Language): string {
  const month = Number(period.slice(5, 7));
  const names = language === 'en' ? englishMonthNames : indonesianMonthNames;
  return `${names[month - 1] ?? period.slice(5, 7)} ${period.slice(0, 4)}`;
}

const REGISTER_FORMAT = 'DAFTAR <KPJ> <DD-MM-YYYY> <NIK>';

export function renderSmsReply(reply: SmsReply, language: Language, options: SmsReplyOptions): string {
  const to = options.shortCode;
  const en = language === 'en';
  switch (reply.kind) {
    case 'help':
      return en
        ? `SMS ${to}: ${REGISTER_FORMAT} to register this phone. SALDO <KPJ> for your balance. STOP to end. Call centre 175.`
        : `SMS ${to}: ${REGISTER_FORMAT} untuk daftar. SALDO <KPJ> untuk cek saldo. BERHENTI untuk berhenti. Info: 175.`;
    case 'format':
      return renderFormat(reply.topic, en, to);
    case 'register_ok':
      return en
        ? `This phone is now linked to KPJ ${maskKpjForSms(reply.kpj)}. For your balance send SALDO <KPJ> to ${to}. Not you? Send STOP.`
        : `Nomor HP ini sudah terhubung ke KPJ ${maskKpjForSms(reply.kpj)}. Cek saldo: kirim SALDO <KPJ> ke ${to}. Bukan Anda? Kirim BERHENTI.`;
    case 'register_failed':
      return en
        ? 'The details do not match our records. Check your KPJ, birth date and NIK and try again, or call 175.'
        : 'Data tidak cocok dengan data kepesertaan. Periksa KPJ, tanggal lahir dan NIK lalu coba lagi, atau hubungi 175.';
    case 'register_locked':
      return en
        ? 'Too many DAFTAR attempts from this phone. Try again tomorrow or visit a branch office with your ID card.'
        : 'Terlalu banyak percobaan DAFTAR dari nomor ini. Coba lagi besok atau datang ke kantor cabang dengan KTP.';
    case 'balance':
      return renderBalance(reply, language);
    case 'balance_not_linked':
      return en
        ? `This phone is not registered for that KPJ. Register first: ${REGISTER_FORMAT} to ${to}.`
        : `Nomor HP ini belum terdaftar untuk KPJ tersebut. Daftar dulu: ${REGISTER_FORMAT} ke ${to}.`;
    case 'balance_choose_account': {
      const list = reply.kpjs.slice(0, 3).map(maskKpjForSms).join(', ');
      const more = reply.kpjs.length > 3 ? ', ...' : '';
      return en
        ? `This phone is linked to ${reply.kpjs.length} KPJ (${list}${more}). Send SALDO <KPJ> to ${to}.`
        : `Nomor ini terhubung ke ${reply.kpjs.length} KPJ (${list}${more}). Kirim SALDO <KPJ> ke ${to}.`;
    }
    case 'stopped':
      return en
        ? `SMS balance service stopped for this phone. To register again send ${REGISTER_FORMAT} to ${to}.`
        : `Layanan SMS saldo untuk nomor ini dihentikan. Untuk daftar lagi kirim ${REGISTER_FORMAT} ke ${to}.`;
    case 'rate_limited':
      return en
        ? 'Too many messages from this phone. Please try again in an hour.'
        : 'Terlalu banyak pesan dari nomor ini. Silakan coba lagi dalam 1 jam.';
    case 'linked_by_staff':
      return en
        ? `A branch officer linked this phone to KPJ ${maskKpjForSms(reply.kpj)}. Send SALDO to ${to} for the balance. Not you? Send STOP.`
        : `Petugas mendaftarkan nomor ini untuk KPJ ${maskKpjForSms(reply.kpj)}. Kirim SALDO ke ${to} untuk cek saldo. Bukan Anda? Kirim BERHENTI.`;
    case 'unavailable':
      return en
        ? 'Sorry, the balance service is not available right now. Please try again later.'
        : 'Maaf, layanan saldo sedang tidak tersedia. Silakan coba lagi nanti.';
  }
}

function renderFormat(topic: SmsFormatTopic, en: boolean, to: string): string {
  switch (topic) {
    case 'register':
      return en
        ? `Wrong format. Send ${REGISTER_FORMAT} to ${to}, e.g. DAFTAR 99000000018 17-08-1990 3171015708900001`
        : `Format salah. Kirim ${REGISTER_FORMAT} ke ${to}, contoh: DAFTAR 99000000018 17-08-1990 3171015708900001`;
    case 'balance':
      return en
        ? `Wrong format. Send SALDO <KPJ> to ${to}, e.g. SALDO 99000000018. Send HELP for all commands.`
        : `Format salah. Kirim SALDO <KPJ> ke ${to}, contoh: SALDO 99000000018. Kirim BANTUAN untuk info.`;
    case 'any':
      return en
        ? `Unknown command. Send ${REGISTER_FORMAT} to register, SALDO <KPJ> for your balance, HELP for info.`
        : `Perintah tidak dikenal. Kirim ${REGISTER_FORMAT} untuk daftar, SALDO <KPJ> untuk cek saldo, BANTUAN untuk info.`;
  }
}

function renderBalance(reply: Extract<SmsReply, { kind: 'balance' }>, language: Language): string {
  const en = language === 'en';
  const kpj = maskKpjForSms(reply.kpj);
  const date = formatDateIndonesian(reply.asOf);
  const last =
    reply.lastContributionPeriod === null ? null : formatPeriod(reply.lastContributionPeriod, language);
  const jht = formatSmsRupiah(reply.jhtRupiah);
  if (en) {
    const jp =
      reply.jpRupiah === null ? 'JP: not enrolled.' : `JP balance: ${formatSmsRupiah(reply.jpRupiah)}.`;
    return `JHT balance KPJ ${kpj} as of ${date}: ${jht}. Last contribution: ${last ?? 'none yet'}. ${jp}`;
  }
  const jp = reply.jpRupiah === null ? 'JP: tidak ikut.' : `Saldo JP: ${formatSmsRupiah(reply.jpRupiah)}.`;
  return `Saldo JHT KPJ ${kpj} per ${date}: ${jht}. Iuran terakhir: ${last ?? 'belum ada'}. ${jp}`;
}
