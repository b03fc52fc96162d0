// Reading the audit log: the admin's filtered view of everything (readAuditLogAs audits the read in the
// same transaction), and the trail of who looked at one member (shown in the member 360).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';

export interface AuditLogFilter {
  readonly actorUserId?: number;
  readonly personId?: number;
  /** Exact action, or a prefix ending in '.' ('staff.'). */
  readonly action?: string;
  /** ISO timestamps, inclusive from, exclusive to. */
  readonly from?: string;
  readonly to?: string;
  /** Page backwards from this audit id (exclusive). */
  readonly beforeId?: number;
  readonly limit?: number;
}

export interface AuditLogEntry {
  readonly auditId: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly personId: number | null;
  readonly reason: string | null;
  readonly details: unknown;
}

export const MAX_AUDIT_PAGE = 200;

export async function readAuditLog(ctx: ServiceContext, filter: AuditLogFilter): Promise<AuditLogEntry[]> {
  return queryAuditLog(ctx.db, filter);
}

/**
 * The admin's read of the log, itself on the log: the entry (with the filter used) is written in the
 * same transaction as the read, so no read is ever returned without its entry.
 */
export async function readAuditLogAs(
  ctx: ServiceContext,
  actor: StaffActor,
  filter: AuditLogFilter,
): Promise<AuditLogEntry[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const entries = await queryAuditLog(trx, filter);
    await writeStaffAudit(trx, ctx.clock.now(), actor, {
      action: 'admin.audit_log_read',
      personId: filter.personId ?? null,
      reason: null,
      details: { filter, entryCount: entries.length },
    });
    return entries;
  });
}

async function queryAuditLog(db: Kysely<DB>, filter: AuditLogFilter): Promise<AuditLogEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.user_id', 'audit_log.actor_user_id')
    .select([
      'audit_log.audit_id',
      'audit_log.at',
      'audit_log.actor_user_id',
      'audit_log.actor_role',
      'audit_log.action',
      'audit_log.subject_person_id',
      'audit_log.reason',
      'audit_log.details',
      'users.display_name',
    ]);
  if (filter.actorUserId !== undefined)
    query = query.where('audit_log.actor_user_id', '=', filter.actorUserId);
  if (filter.personId !== undefined) query = query.where('audit_log.subject_person_id', '=', filter.personId);
  if (filter.action) {
    query = filter.action.endsWith('.')
      ? query.where('audit_log.action', 'like', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`)
      : query.where('audit_log.action', '=', filter.action);
  }
  if (filter.from) query = query.where('audit_log.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('audit_log.at', '<', new Date(filter.to));
  if (filter.beforeId !== undefined) query = query.where('audit_log.audit_id', '<', filter.beforeId);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_AUDIT_PAGE);
  const rows = await query.orderBy('audit_log.audit_id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    auditId: row.audit_id,
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.display_name,
    actorRole: row.actor_role,
    action: row.action,
    personId: row.subject_person_id,
    reason: row.reason,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as unknown) : row.details,
  }));
}

const STAFF_ROLES = ['agent', 'branch_officer', 'claims_officer', 'admin'];

/** Who on the staff looked at or acted on this member, newest first. */
export async function memberAccessTrail(
  ctx: ServiceContext,
  personId: number,
  limit = 50,
): Promise<AuditLogEntry[]> {
  const entries = await readAuditLog(ctx, { personId, limit: MAX_AUDIT_PAGE });
  return entries
    .filter((entry) => entry.actorRole !== null && STAFF_ROLES.includes(entry.actorRole))
    .slice(0, limit);
}
