// Search and identity verification at the service layer: masked results, audited searches, the call-
// centre checklist against the record, expiry, session binding and the failed-attempt limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../identity/session-service';
import { createStaffUser } from '../identity/user-store';
import { insertPerson } from '../persons/person-store';
import { createTestContext, type TestContext } from '../test/test-context';
import { searchMembers } from './member-search-service';
import type { StaffActor } from './staff-actor';
import { recordVerification, requireVerified } from './verification-service';

const NIK = '3171014506900001';

describe('member search and identity verification', () => {
  let test: TestContext;
  let personId = 0;
  let agent: StaffActor;
  let otherSession: StaffActor;
  let officer: StaffActor;

  beforeAll(async () => {
    test = await createTestContext();
    const { ctx } = test;
    personId = await insertPerson(ctx.db, ctx.pii, {
      nik: NIK,
      fullName: 'Siti Nur Aminah',
      birthDate: '1990-06-05',
      sex: 'F',
      phone: '+6281234567890',
      motherMaidenName: 'Wati Suryani',
    });
    const account = await ctx.db
      .insertInto('member_accounts')
      .values({ person_id: personId, kpj: '99000000010', segment: 'PU', joined_on: '2015-01-01' })
      .returning('account_id')
      .executeTakeFirstOrThrow();
    const employer = await ctx.db
      .insertInto('employers')
      .values({ npp: 'N1', name: 'PT Sinar Jaya', jkk_risk_class: 'low' })
      .returning('employer_id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('employments')
      .values({
        employer_id: employer.employer_id,
        person_id: personId,
        account_id: account.account_id,
        started_on: '2015-01-01',
      })
      .execute();
    const user = await createStaffUser(ctx, {
      role: 'agent',
      email: 'rina@lumbung.test',
      displayName: 'Rina',
      password: 'pw-long-enough-1',
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });
    const first = await createSession(ctx, ctx.db, user, { deviceLabel: 'a', ip: null });
    const second = await createSession(ctx, ctx.db, user, { deviceLabel: 'b', ip: null });
    const sessions = await ctx.db
      .selectFrom('sessions')
      .select('session_id')
      .where('user_id', '=', user.user_id)
      .orderBy('session_id')
      .execute();
    expect(first.token).not.toBe(second.token);
    agent = { userId: user.user_id, role: 'agent', displayName: 'Rina', sessionId: sessions[0]!.session_id };
    otherSession = { ...agent, sessionId: sessions[1]!.session_id };
    const officerUser = await createStaffUser(ctx, {
      role: 'branch_officer',
      email: 'budi@lumbung.test',
      displayName: 'Budi',
      password: 'pw-long-enough-1',
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });
    await createSession(ctx, ctx.db, officerUser, { deviceLabel: 'c', ip: null });
    const officerSession = await ctx.db
      .selectFrom('sessions')
      .select('session_id')
      .where('user_id', '=', officerUser.user_id)
      .executeTakeFirstOrThrow();
    officer = {
      userId: officerUser.user_id,
      role: 'branch_officer',
      displayName: 'Budi',
      sessionId: officerSession.session_id,
    };
  });
  afterAll(async () => {
    await test.close();
  });

  it('finds by NIK, KPJ and name + birth date with masked results, and audits each search without the NIK', async () => {
    const byNik = await searchMembers(test.ctx, agent, { nik: '3171-0145-0690-0001' }, 'caller lost card');
    expect(byNik).toEqual({
      ok: true,
      value: [
        {
          personId,
          maskedName: 'S*** N** A*****',
          birthYear: 1990,
          maskedKpjs: ['99******010'],
          region: 'DKI Jakarta · 31.71',
        },
      ],
    });
    const byKpj = await searchMembers(test.ctx, agent, { kpj: '99000000010' }, 'caller lost card');
    expect(byKpj.ok && byKpj.value.map((hit) => hit.personId)).toEqual([personId]);
    const byName = await searchMembers(
      test.ctx,
      agent,
      { fullName: 'siti nur-aminah', birthDate: '1990-06-05' },
      'caller lost card',
    );
    expect(byName.ok && byName.value.map((hit) => hit.personId)).toEqual([personId]);
    expect((await searchMembers(test.ctx, agent, { fullName: 'Siti' }, 'caller lost card')).ok).toBe(false);
    expect(await searchMembers(test.ctx, agent, { nik: NIK }, 'x')).toMatchObject({
      ok: false,
      code: 'staff_reason_required',
    });

    const audit = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'details'])
      .where('action', '=', 'staff.member_search')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ reason: 'caller lost card', details: { by: 'nik', resultCount: 1 } });
    expect(JSON.stringify(audit)).not.toContain(NIK);
  });

  it('passes a call-centre checklist against the record, only for the same session, for 30 minutes', async () => {
    expect(await requireVerified(test.ctx, agent, personId)).toMatchObject({
      ok: false,
      code: 'identity_not_verified',
    });
    const passed = await recordVerification(
      test.ctx,
      agent,
      personId,
      'call_centre',
      { birthDate: '1990-06-05', lastEmployer: 'Sinar Jaya', phone: '0812 3456 7890' },
      'caller asks balance',
    );
    expect(passed).toMatchObject({
      ok: true,
      value: {
        outcome: 'passed',
        items: {
          birth_date: 'passed',
          registered_phone: 'passed',
          last_employer: 'passed',
          mother_maiden_name: 'not_asked',
        },
      },
    });
    expect((await requireVerified(test.ctx, agent, personId)).ok).toBe(true);
    expect(await requireVerified(test.ctx, otherSession, personId)).toMatchObject({
      ok: false,
      code: 'identity_not_verified',
    });
    test.clock.advanceMs(31 * 60_000);
    expect(await requireVerified(test.ctx, agent, personId)).toMatchObject({
      ok: false,
      code: 'identity_not_verified',
    });
  });

  it('records failures and refuses after three within an hour', async () => {
    const wrong = { birthDate: '1990-06-05', motherMaidenName: 'Someone Else', phone: '081234567890' };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await recordVerification(
        test.ctx,
        agent,
        personId,
        'call_centre',
        wrong,
        'caller asks balance',
      );
      expect(failed).toMatchObject({
        ok: true,
        value: { outcome: 'failed', validUntil: null, items: { mother_maiden_name: 'failed' } },
      });
    }
    const refused = await recordVerification(
      test.ctx,
      officer,
      personId,
      'branch',
      { idCardSeen: true, photoMatches: true, nik: NIK },
      'member at counter',
    );
    expect(refused).toMatchObject({ ok: false, code: 'verification_attempts_exceeded' });
    const incomplete = await recordVerification(
      test.ctx,
      agent,
      personId,
      'call_centre',
      { birthDate: '1990-06-05' },
      'caller asks balance',
    );
    expect(incomplete).toMatchObject({ ok: false, code: 'verification_checklist_incomplete' });
    const rows = await test.ctx.db
      .selectFrom('identity_verifications')
      .select(['outcome', 'channel'])
      .where('person_id', '=', personId)
      .execute();
    expect(rows.map((row) => row.outcome)).toEqual(['passed', 'failed', 'failed', 'failed']);
    test.clock.advanceMs(61 * 60_000);
    const later = await recordVerification(
      test.ctx,
      officer,
      personId,
      'branch',
      { idCardSeen: true, photoMatches: true, nik: NIK },
      'member at counter',
    );
    expect(later).toMatchObject({ ok: true, value: { outcome: 'passed' } });
  });

  it('refuses the branch checklist to an agent and any checklist to other roles, and audits it', async () => {
    const card = { idCardSeen: true, photoMatches: true, nik: NIK };
    const byAgent = await recordVerification(test.ctx, agent, personId, 'branch', card, 'member at counter');
    expect(byAgent).toMatchObject({
      ok: false,
      code: 'verification_channel_not_allowed',
      params: { channel: 'branch' },
    });
    const claims: StaffActor = { ...officer, role: 'claims_officer' };
    for (const channel of ['branch', 'call_centre'] as const) {
      const refused = await recordVerification(
        test.ctx,
        claims,
        personId,
        channel,
        card,
        'member at counter',
      );
      expect(refused).toMatchObject({ ok: false, code: 'verification_channel_not_allowed' });
    }
    expect((await requireVerified(test.ctx, agent, personId)).ok).toBe(false);
    const audited = await test.ctx.db
      .selectFrom('audit_log')
      .select(['actor_role', 'details'])
      .where('action', '=', 'staff.verification_refused')
      .where('details', '@>', JSON.stringify({ refused: 'channel_not_allowed' }))
      .orderBy('audit_id')
      .execute();
    expect(
      audited.map((entry) => [entry.actor_role, (entry.details as { channel: string }).channel]),
    ).toEqual([
      ['agent', 'branch'],
      ['claims_officer', 'branch'],
      ['claims_officer', 'call_centre'],
    ]);
    // A branch officer taking a call may use the call-centre checklist.
    const byPhone = await recordVerification(
      test.ctx,
      officer,
      personId,
      'call_centre',
      { birthDate: '1990-06-05', motherMaidenName: 'Wati Suryani', phone: '081234567890' },
      'member calls the branch',
    );
    expect(byPhone).toMatchObject({ ok: true, value: { outcome: 'passed' } });
  });

  it('counts parallel failures against each other: never more than three judged', async () => {
    test.clock.advanceMs(61 * 60_000);
    const wrong = { birthDate: '1990-06-05', motherMaidenName: 'Someone Else', phone: '081234567890' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        recordVerification(test.ctx, agent, personId, 'call_centre', wrong, 'caller asks balance'),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual(
      Array.from({ length: 5 }, () => 'verification_attempts_exceeded'),
    );
  });
});
