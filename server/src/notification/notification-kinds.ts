// The notification kinds the centre knows and how each renders its stored params in a language.
// A feature registers its kind once at module load (claims: 'claim_status'); contribution alerts are
// built in. A params shape a renderer does not accept renders as a neutral fallback text, never throws.
import {
  contributionAlertText,
  contributionResolvedText,
  parseContributionAlertParams,
  parseContributionResolvedParams,
  type Language,
  type NotificationText,
} from '@lumbung/core/alert/index';

export type NotificationRenderer = (params: unknown, language: Language) => NotificationText | null;

const renderers = new Map<string, NotificationRenderer>();

const KIND = /^[a-z][a-z0-9_]{0,62}$/;

export function registerNotificationKind(kind: string, render: NotificationRenderer): void {
  if (!KIND.test(kind)) throw new Error(`notification kind must be snake_case, got '${kind}'`);
  if (renderers.has(kind)) throw new Error(`notification kind '${kind}' is registered twice`);
  renderers.set(kind, render);
}

export function isNotificationKind(kind: string): boolean {
  return renderers.has(kind);
}

function fallbackText(language: Language): NotificationText {
  return language === 'en'
    ? {
        title: 'New notification',
        intro: 'Open Lumbung to see it.',
        lines: [],
        outro: '',
        sms: 'Lumbung: you have a new notification.',
      }
    : {
        title: 'Notifikasi baru',
        intro: 'Buka Lumbung untuk melihatnya.',
        lines: [],
        outro: '',
        sms: 'Lumbung: ada notifikasi baru untuk Anda.',
      };
}

export function renderNotification(kind: string, params: unknown, language: Language): NotificationText {
  return renderers.get(kind)?.(params, language) ?? fallbackText(language);
}

export const CONTRIBUTION_ALERT_KIND = 'contribution_alert';
export const CONTRIBUTION_RESOLVED_KIND = 'contribution_resolved';

registerNotificationKind(CONTRIBUTION_ALERT_KIND, (params, language) => {
  const parsed = parseContributionAlertParams(params);
  return parsed ? contributionAlertText(parsed, language) : null;
});

registerNotificationKind(CONTRIBUTION_RESOLVED_KIND, (params, language) => {
  const parsed = parseContributionResolvedParams(params);
  return parsed ? contributionResolvedText(parsed, language) : null;
});
