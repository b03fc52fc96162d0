// Per-channel notification preferences. In-app is always on; SMS and e-mail are on until the member
// switches them off (a missing row means both on), and are sent only where a contact is known.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import { memberContacts } from './member-contacts';

export interface NotificationPreferences {
  readonly sms: boolean;
  readonly email: boolean;
}

export interface PreferencesView extends NotificationPreferences {
  readonly inApp: true;
  /** Whether a phone / e-mail is on file: a channel without one cannot deliver. */
  readonly hasPhone: boolean;
  readonly hasEmail: boolean;
}

export async function readPreferences(db: Kysely<DB>, personId: number): Promise<NotificationPreferences> {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['sms_enabled', 'email_enabled'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return { sms: row?.sms_enabled ?? true, email: row?.email_enabled ?? true };
}

export async function getPreferences(ctx: ServiceContext, personId: number): Promise<PreferencesView> {
  const preferences = await readPreferences(ctx.db, personId);
  const contacts = await memberContacts(ctx, personId);
  return {
    ...preferences,
    inApp: true,
    hasPhone: contacts.phone !== null,
    hasEmail: contacts.email !== null,
  };
}

/** Setting the same preferences twice changes nothing but the time. */
export async function setPreferences(
  ctx: ServiceContext,
  personId: number,
  preferences: NotificationPreferences,
): Promise<PreferencesView> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) =>
    trx
      .insertInto('notification_preferences')
      .values({
        person_id: personId,
        sms_enabled: preferences.sms,
        email_enabled: preferences.email,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.column('person_id').doUpdateSet({
          sms_enabled: preferences.sms,
          email_enabled: preferences.email,
          updated_at: now,
        }),
      )
      .execute(),
  );
  return getPreferences(ctx, personId);
}
