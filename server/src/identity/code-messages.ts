// The words of one-time-code messages and their dispatch. A message carries the code and its purpose,
// never a NIK, name or other contact; it warns not to share the code (the usual fraud is a caller
// asking for it).
import type { ChallengePurpose, Channel } from '../db/tables/identity-tables';
import { dispatchInBackground, sendEmail, sendSms } from '../delivery/delivery-port';
import type { ServiceContext } from '../services/service-context';

const PURPOSE_TEXT: Record<ChallengePurpose | 'contact_change_new', { id: string; en: string }> = {
  registration: { id: 'pendaftaran akun Lumbung', en: 'your Lumbung registration' },
  sign_in: { id: 'masuk dari perangkat baru', en: 'signing in on a new device' },
  password_reset: { id: 'mengatur ulang kata sandi', en: 'resetting your password' },
  contact_change: {
    id: 'mengganti kontak akun (kontak lama)',
    en: 'changing your contact (current contact)',
  },
  contact_change_new: {
    id: 'mengganti kontak akun (kontak baru)',
    en: 'changing your contact (new contact)',
  },
};

export interface CodeOptions {
  /** Where to enter the code when the member has no page open (a reset started by staff). */
  readonly link?: string;
}

export function codeText(
  purpose: ChallengePurpose | 'contact_change_new',
  code: string,
  language: 'id' | 'en',
  options: CodeOptions = {},
): string {
  const what = PURPOSE_TEXT[purpose][language];
  // The link goes last, so no punctuation sticks to it when a phone turns it into a link.
  const where = options.link
    ? language === 'en'
      ? ` Enter it at ${options.link}`
      : ` Masukkan di ${options.link}`
    : '';
  return language === 'en'
    ? `Lumbung: ${code} is your code for ${what}. Valid 5 minutes. Never share it, not even with staff.${where}`
    : `Lumbung: ${code} adalah kode untuk ${what}. Berlaku 5 menit. JANGAN berikan kepada siapa pun, termasuk petugas.${where}`;
}

/** Sends a code in the background (see dispatchInBackground: the response time must not depend on it). */
export function sendCode(
  ctx: ServiceContext,
  channel: Channel,
  destination: string,
  purpose: ChallengePurpose | 'contact_change_new',
  code: string,
  language: 'id' | 'en',
  options: CodeOptions = {},
): void {
  const text = codeText(purpose, code, language, options);
  dispatchInBackground(ctx, () =>
    channel === 'sms'
      ? sendSms(ctx, { to: destination, text })
      : sendEmail(ctx, {
          to: destination,
          subject: language === 'en' ? `Lumbung code: ${code}` : `Kode Lumbung: ${code}`,
          text,
        }),
  );
}

/** 'si***@example.com' */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length))}***${email.slice(at)}`;
}
