// Audit entries for staff reads of a member: the reason is the one the staff member gave in this
// session — at verification once verified, else at the search that found the member — so every read
// carries a reason without asking for one on every click.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit, type StaffAuditAction } from './staff-audit';
import { verificationState } from './verification-service';

/** The reason this staff session last gave for this member: verification first, then search. */
export async function sessionReasonFor(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
): Promise<string | null> {
  const verified = await verificationState(ctx, actor, personId);
  if (verified.reason !== null) return verified.reason;
  const searched = await ctx.db
    .selectFrom('audit_log')
    .select('reason')
    .where('actor_user_id', '=', actor.userId)
    .where('subject_person_id', '=', personId)
    .where('action', 'in', ['staff.member_search', 'staff.identity_verification'])
    .where(sql<string>`details->>'sessionId'`, '=', String(actor.sessionId))
    .orderBy('audit_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return searched?.reason ?? null;
}

export async function auditMemberRead(
  ctx: ServiceContext,
  db: Kysely<DB>,
  actor: StaffActor,
  personId: number,
  action: StaffAuditAction,
  details: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  await writeStaffAudit(db, ctx.clock.now(), actor, {
    action,
    personId,
    reason: await sessionReasonFor(ctx, actor, personId),
    details,
  });
}
