// The append-only audit log: every staff read of a member and every sensitive change. The table
// refuses UPDATE, DELETE and TRUNCATE (a trigger in migration 0003), so an entry once written stays.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface AuditEntry {
  readonly at: Date;
  readonly actorUserId: number | null;
  readonly actorRole: string | null;
  /** A stable snake_case verb, e.g. 'member_viewed', 'password_reset', 'contact_changed'. */
  readonly action: string;
  readonly subjectPersonId?: number | null;
  /** The reason a staff member gave, when one is required. */
  readonly reason?: string | null;
  /** Never PII in plaintext: ids, codes and field names only. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Writes one entry on trx, inside the caller's transaction so the entry commits with the change. */
export async function writeAudit(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_role: entry.actorRole,
      action: entry.action,
      subject_person_id: entry.subjectPersonId ?? null,
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
