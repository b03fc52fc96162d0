import { describe, expect, it } from 'vitest';
import { reportableFinding, type NotificationItem } from './notification-api';

const item = (kind: string, params: unknown): NotificationItem => ({
  id: 1,
  kind,
  title: 't',
  intro: 'i',
  lines: [],
  outro: '',
  createdAt: '2026-07-16T03:00:00.000Z',
  readAt: null,
  isRead: false,
  params,
});

describe('reportableFinding', () => {
  it('offers Lapor on a contribution alert, for its first month', () => {
    expect(
      reportableFinding(item('contribution_alert', { months: [{ findingId: 42 }, { findingId: 43 }] })),
    ).toBe(42);
  });

  it('offers nothing on other kinds or malformed params', () => {
    expect(reportableFinding(item('contribution_resolved', { months: [{ findingId: 42 }] }))).toBeNull();
    expect(reportableFinding(item('contribution_alert', { months: [] }))).toBeNull();
    expect(reportableFinding(item('contribution_alert', null))).toBeNull();
    expect(reportableFinding(item('contribution_alert', { months: [{ findingId: '42' }] }))).toBeNull();
  });
});
