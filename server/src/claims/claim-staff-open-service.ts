// A desk officer (agent, branch officer) opens a claim on a verified member's behalf — at the counter or
// on the phone. It is the member's own claim (the same openClaim, the same checks: no death claim on the
// member's own account, one open claim per KPJ and programme), with the officer recorded as the actor of
// the first timeline event and an audit entry with the reason, both in the opening transaction. The
// member then adds the documents and the payout account and sends it from the portal.
import type { Result } from '@lumbung/core';
import { writeAudit } from '../identity/audit-log';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from '../staff/staff-actor';
import { checkReason } from '../staff/staff-reason';
import { openClaim, type ClaimRequest, type OpenedClaim } from './claim-submit-service';

export type StaffClaimRequest = Omit<ClaimRequest, 'deceased'> & { readonly idempotencyKey: string };

export async function openClaimForMember(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  request: StaffClaimRequest,
  reason: string,
): Promise<Result<OpenedClaim>> {
  const checked = checkReason(reason);
  if (!checked.ok) return checked;
  return openClaim(ctx, personId, { userId: actor.userId, role: actor.role }, request, {
    audience: 'staff',
    onOpened: (trx, claim) =>
      writeAudit(trx, {
        at: ctx.clock.now(),
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'staff.claim_open',
        subjectPersonId: personId,
        reason: checked.value,
        details: {
          claimId: claim.claim_id,
          claimNumber: claim.number,
          programme: claim.programme,
          claimReason: claim.reason,
          sessionId: actor.sessionId,
        },
      }),
  });
}
