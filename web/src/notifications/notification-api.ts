// The notification centre's endpoints: list, unread count, mark read, preferences, and "Lapor".
import { api } from '../api/client';

export interface NotificationItem {
  readonly id: number;
  readonly kind: string;
  readonly title: string;
  readonly intro: string;
  readonly lines: readonly string[];
  readonly outro: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly isRead: boolean;
  readonly params: unknown;
}

export interface NotificationPage {
  readonly items: readonly NotificationItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly unreadCount: number;
}

export interface NotificationPreferences {
  readonly sms: boolean;
  readonly email: boolean;
  readonly inApp: true;
  readonly hasPhone: boolean;
  readonly hasEmail: boolean;
}

export interface ReportOutcome {
  readonly ticketId: number;
  readonly ticketNumber: string;
  readonly findingIds: readonly number[];
  readonly isNew: boolean;
  /** The payslip attached to the new ticket; null without one and when the month was reported already. */
  readonly payslip: {
    readonly attachmentId: number;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
  } | null;
}

export const PAGE_SIZE = 20;

export const fetchNotifications = (page: number, lang: 'id' | 'en'): Promise<NotificationPage> =>
  api(`/api/v1/me/notifications?page=${page}&pageSize=${PAGE_SIZE}&lang=${lang}`);

export const fetchUnreadCount = (): Promise<{ unreadCount: number }> =>
  api('/api/v1/me/notifications/unread-count');

export const markNotificationRead = (id: number): Promise<{ unreadCount: number }> =>
  api(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });

export const markAllNotificationsRead = (): Promise<{ marked: number; unreadCount: number }> =>
  api('/api/v1/me/notifications/read-all', { method: 'POST' });

export const fetchPreferences = (): Promise<NotificationPreferences> =>
  api('/api/v1/me/notification-preferences');

export const savePreferences = (sms: boolean, email: boolean): Promise<NotificationPreferences> =>
  api('/api/v1/me/notification-preferences', { method: 'PUT', body: { sms, email } });

/**
 * "Lapor", with the payslip as the multipart field `payslip` when the member chose one. Its type and size
 * are the server's to judge (alert_payslip_type_invalid, alert_payslip_too_large).
 */
export function reportFinding(findingId: number, payslip: File | null = null): Promise<ReportOutcome> {
  const url = `/api/v1/me/alerts/${encodeURIComponent(findingId)}/report`;
  if (!payslip) return api(url, { method: 'POST' });
  const form = new FormData();
  form.append('payslip', payslip, payslip.name);
  return api(url, { method: 'POST', form });
}

/** The finding a contribution alert's "Lapor" reports (the first month; the ticket carries them all). */
export function reportableFinding(item: NotificationItem): number | null {
  if (item.kind !== 'contribution_alert' || typeof item.params !== 'object' || item.params === null)
    return null;
  const months = (item.params as { months?: unknown }).months;
  if (!Array.isArray(months)) return null;
  const first: unknown = months[0];
  const id =
    typeof first === 'object' && first !== null ? (first as { findingId?: unknown }).findingId : undefined;
  return typeof id === 'number' ? id : null;
}
