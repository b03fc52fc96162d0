// Turns a rendered notification into an e-mail: a plain-text body and a small, inline-styled HTML body
// (mail clients ignore style sheets), both ending with a link to the notification centre.
import type { Language, NotificationText } from '@lumbung/core/alert/index';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/** Where the member reads and acts on notifications (the web route of the centre). */
export function notificationCentreUrl(publicUrl: string): string {
  return `${publicUrl}/notifikasi`;
}

export function renderNotificationEmail(
  text: NotificationText,
  language: Language,
  publicUrl: string,
): RenderedEmail {
  const url = notificationCentreUrl(publicUrl);
  const open = language === 'en' ? 'Open the notification centre' : 'Buka pusat notifikasi';
  const footer =
    language === 'en'
      ? 'You receive this e-mail because e-mail notifications are on. Change this under Notification settings.'
      : 'Anda menerima e-mail ini karena notifikasi e-mail aktif. Ubah di Pengaturan notifikasi.';
  const plain = [
    text.intro,
    ...(text.lines.length > 0 ? ['', ...text.lines.map((line) => `- ${line}`), ''] : []),
    ...(text.outro ? [text.outro, ''] : []),
    `${open}: ${url}`,
    '',
    '--',
    footer,
  ].join('\n');
  const list =
    text.lines.length > 0
      ? `<ul style="padding-left:20px">${text.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
      : '';
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5">`,
    `<h1 style="font-size:20px">${escapeHtml(text.title)}</h1>`,
    `<p>${escapeHtml(text.intro)}</p>`,
    list,
    text.outro ? `<p>${escapeHtml(text.outro)}</p>` : '',
    `<p><a href="${escapeHtml(url)}" style="color:#0b6e4f;font-weight:bold">${escapeHtml(open)}</a></p>`,
    `<p style="font-size:12px;color:#616e7c">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: text.title, text: plain, html };
}
