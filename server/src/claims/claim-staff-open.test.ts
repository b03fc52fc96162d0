// A branch officer opens a claim on a verified member's behalf over the staff API: the member's own draft
// (the same service and checks as the portal), the officer recorded in the timeline and the audit log,
// and the member finishes it in the portal. Unverified sessions and other roles are refused.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';
import { createClaimMember, type ClaimMember } from './claim-fixtures';

const NIK = '3273014506900019';
let test: Awaited<ReturnType<typeof createTestApp>>;
let member: ClaimMember;
let officer = '';
let officerUserId = 0;

const inject = (options: InjectOptions) => test.app.inject(options);
const startClaim = (token: string, payload: object) =>
  inject({
    method: 'POST',
    url: `/api/v1/staff/members/${member.personId}/claims`,
    headers: { authorization: `Bearer ${token}` },
    payload,
  });
const resignation = (idempotencyKey: string) => ({
  claim: { kpj: member.kpj, programme: 'JHT', reason: 'resignation' },
  idempotencyKey,
  reason: 'member at the counter, no smartphone',
});

beforeAll(async () => {
  test = await createTestApp();
  member = await createClaimMember(test.ctx, {
    nik: NIK,
    exit: { exitedOn: '2026-10-01', reason: 'resignation' },
  });
  officer = await bearerFor(test.ctx, { role: 'branch_officer', displayName: 'Petugas Cabang Klaim' });
  const user = await test.ctx.db
    .selectFrom('users')
    .select('user_id')
    .where('display_name', '=', 'Petugas Cabang Klaim')
    .executeTakeFirstOrThrow();
  officerUserId = user.user_id;
});
afterAll(async () => {
  await test.close();
});

describe('a claim opened by a desk officer for the member', () => {
  it('is refused before the member is verified, and to a claims officer', async () => {
    const unverified = await startClaim(officer, resignation('desk-claim-0001'));
    expect([unverified.statusCode, unverified.json().code]).toEqual([403, 'identity_not_verified']);
    const claimsOfficer = await bearerFor(test.ctx, { role: 'claims_officer' });
    expect((await startClaim(claimsOfficer, resignation('desk-claim-0001'))).statusCode).toBe(403);
  });

  it('opens the member’s draft, records the officer, and the member completes it', async () => {
    const verified = await inject({
      method: 'POST',
      url: `/api/v1/staff/members/${member.personId}/verifications`,
      headers: { authorization: `Bearer ${officer}` },
      payload: {
        channel: 'branch',
        idCardSeen: true,
        photoMatches: true,
        nik: NIK,
        reason: 'at the counter',
      },
    });
    expect(verified.json().outcome).toBe('passed');

    const opened = await startClaim(officer, resignation('desk-claim-0001'));
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      status: 'draft',
      kpj: member.kpj,
      grossRupiah: 570_000,
      timeline: [{ status: 'draft', by: 'staff' }],
    });
    const claimId = opened.json().id as number;
    const again = await startClaim(officer, resignation('desk-claim-0001'));
    expect([again.statusCode, again.json().id]).toEqual([200, claimId]);

    const row = await test.ctx.db
      .selectFrom('claims')
      .select(['person_id', 'claimant_person_id'])
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ person_id: member.personId, claimant_person_id: null });
    const event = await test.ctx.db
      .selectFrom('claim_status_events')
      .select(['actor_user_id', 'actor_role'])
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_user_id: officerUserId, actor_role: 'branch_officer' });
    const audit = await test.ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_person_id', 'reason', 'details'])
      .where('action', '=', 'staff.claim_open')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_user_id: officerUserId,
      subject_person_id: member.personId,
      reason: 'member at the counter, no smartphone',
      details: { claimId, programme: 'JHT', claimReason: 'resignation' },
    });

    const memberAuth = {
      authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member', personId: member.personId })}`,
    };
    const mine = await inject({ method: 'GET', url: '/api/v1/me/claims', headers: memberAuth });
    expect(mine.json().claims).toEqual([expect.objectContaining({ id: claimId, status: 'draft' })]);
    // The member 360 lists it through the claims feature's own summary.
    const overview = await inject({
      method: 'GET',
      url: `/api/v1/staff/members/${member.personId}/overview`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(overview.json().claims).toEqual({
      items: [expect.objectContaining({ id: claimId, kpj: member.kpj, programme: 'JHT', status: 'draft' })],
      note: null,
    });
    expect(overview.json().claims.items[0]).not.toHaveProperty('person_id');
  });

  it('applies the member path’s rules: one open claim, no death claim, a reason for the audit', async () => {
    const second = await startClaim(officer, resignation('desk-claim-0002'));
    expect([second.statusCode, second.json().code]).toEqual([409, 'claim_already_open']);
    const death = await startClaim(officer, {
      claim: { kpj: member.kpj, programme: 'JKM', reason: 'death', eventDate: '2026-11-01' },
      idempotencyKey: 'desk-claim-0003',
      reason: 'caller says the member died',
    });
    expect([death.statusCode, death.json().code]).toEqual([422, 'claim_heirs_only']);
    const noReason = await startClaim(officer, { ...resignation('desk-claim-0004'), reason: '' });
    expect(noReason.json().code).toBe('staff_reason_required');
  });
});
