// Every staff and admin route × every role: allowed (not 401/403) or refused with 403 'forbidden' and an
// audit entry, exactly as core/src/staff/staff-access-table.ts says — the same table docs/roles.md shows.
import {
  ALL_ROLES,
  allStaffRouteSpecs,
  staffRoutes,
  type RoleName,
  type StaffRouteId,
  type StaffRouteSpec,
} from '@lumbung/core/staff/staff-access-table';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payslipStorageKey, storePayslip } from '../alert/payslip-storage';
import { insertPerson } from '../persons/person-store';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';

const NIK = '3273014506900007';
const KPJ = '99000000010';

type Sample = { body?: unknown; query?: Record<string, string> };

/** Where a role needs its own request: an agent verifies by the call-centre checklist only. */
const roleSamples: Partial<Record<string, Partial<Record<RoleName, Sample>>>> = {
  // Each desk role changes something, so that neither answers contact_unchanged.
  updateContact: {
    branch_officer: { body: { address: 'Jl. Asia Afrika 8, Bandung', reason: 'member moved again' } },
  },
  verifyIdentity: {
    agent: {
      body: {
        channel: 'call_centre',
        birthDate: '1990-06-05',
        motherMaidenName: 'Wati Suryani',
        phone: '0812-3456-7890',
        reason: 'caller asks balance',
      },
    },
  },
};
const sampleOf = (id: string, role: RoleName): Sample => roleSamples[id]?.[role] ?? samples[id]!;

/**
 * The status an allowed call answers with its sample (200 unless listed). Samples that cannot be made
 * valid without real ids (claims' ':claimId' and ':batchId' literals) or bodies (a payment) answer 400.
 */
const allowedStatuses: Record<string, number> = {
  openTicket: 201,
  createStaffUser: 201,
  addRuleRow: 201,
  declareJhtReturn: 201,
  'POST /api/v1/admin/news': 201,
  'POST /api/v1/staff/payments': 400,
  // The bank's result file is CSV; the JSON sample is refused by its content type.
  'POST /api/v1/staff/claims/bank-results': 415,
  // The member's KPJ is still active, so the claims core refuses the claim (claim_membership_active).
  startClaim: 422,
};
const expectedAllowedStatus = (id: string): number =>
  allowedStatuses[id] ?? (/:(claimId|batchId)\b/.test(id) ? 400 : 200);

/** One valid request per route; a Record over every route id, so a new route needs a sample here. */
const samples: Record<StaffRouteId, Sample> & Record<string, Sample> = {
  searchMembers: { body: { nik: NIK, reason: 'caller lost card' } },
  memberCard: {},
  verifyIdentity: {
    body: { channel: 'branch', idCardSeen: true, photoMatches: true, nik: NIK, reason: 'member at counter' },
  },
  memberOverview: {},
  memberBalances: {},
  memberContributions: {},
  memberAccessLog: {},
  linkSmsPhone: { body: { kpj: KPJ, phone: '081234567890', reason: 'member asked at branch' } },
  unlinkSmsPhone: { body: { phone: '081234567890', reason: 'member asked at branch' } },
  sendPasswordReset: { body: { reason: 'member forgot password' } },
  updateContact: { body: { address: 'Jl. Merdeka 1, Bandung', reason: 'member moved house' } },
  mergeKpj: { body: { fromKpj: '99000000028', intoKpj: KPJ, reason: 'duplicate card' } },
  reissueCard: { body: { reason: 'card lost' } },
  memberTickets: {},
  openTicket: { body: { subject: 'Saldo', body: 'Member asks about the balance' } },
  startClaim: {
    body: {
      claim: { kpj: KPJ, programme: 'JHT', reason: 'resignation' },
      idempotencyKey: 'matrix-claim-0001',
      reason: 'member asks at the counter',
    },
  },
  ticketQueue: {},
  ticketThread: {},
  ticketAttachment: {},
  replyTicket: { body: { body: 'Terima kasih, sudah kami periksa.' } },
  closeTicket: {},
  listStaffUsers: {},
  createStaffUser: { body: { email: 'new.agent@lumbung.test', displayName: 'Agen Baru', role: 'agent' } },
  disableStaffUser: {},
  readAuditLog: { query: { limit: '5' } },
  listRuleTables: {},
  addRuleRow: {
    body: {
      value: { wageCapRupiah: 12_345_600 },
      validFrom: '2099-03-01',
      validTo: null,
      regulation: 'Surat Direksi BPJS',
      article: 'lampiran',
    },
  },
  'POST /api/v1/staff/sms/simulate': { body: { from: '081234567890', text: 'SALDO 99000000010' } },
  declareJhtReturn: { body: { year: 2025, rateBasisPoints: 500 } },
  runJhtReturn: {},
  jhtReturnProgress: {},
  'POST /api/v1/staff/payments': { body: {} },
  'GET /api/v1/staff/arrears': {},
  'POST /api/v1/admin/news': { body: { titleId: 'Berita', titleEn: 'News', bodyId: 'Isi', bodyEn: 'Body' } },
  // Claims (owner 'claims'): ids stay as ':claimId' literals, so allowed calls end in 400, never 401/403.
  'GET /api/v1/staff/claims': {},
  'GET /api/v1/staff/claims/:claimId': {},
  'GET /api/v1/staff/claims/:claimId/documents/:documentId': {},
  'POST /api/v1/staff/claims/:claimId/branch-verification': { body: { note: null } },
  'POST /api/v1/staff/claims/:claimId/approve': { body: {} },
  'POST /api/v1/staff/claims/:claimId/reject': { body: { reasonCode: 'other' } },
  'POST /api/v1/staff/claims/:claimId/payment': { body: {} },
  'GET /api/v1/staff/claims/payment-files': {},
  'POST /api/v1/staff/claims/payment-files': {},
  'GET /api/v1/staff/claims/payment-files/:batchId': {},
  'POST /api/v1/staff/claims/bank-results': { body: {} },
};

describe('staff route matrix', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  const tokens = new Map<RoleName, string>();
  let personId = 0;
  let ticketId = 0;
  let attachmentId = 0;
  let victimUserId = 0;

  beforeAll(async () => {
    test = await createTestApp();
    const { ctx } = test;
    personId = await insertPerson(ctx.db, ctx.pii, {
      nik: NIK,
      fullName: 'Siti Aminah',
      birthDate: '1990-06-05',
      sex: 'F',
      phone: '+6281234567890',
      motherMaidenName: 'Wati Suryani',
    });
    await ctx.db
      .insertInto('member_accounts')
      .values([
        { person_id: personId, kpj: KPJ, segment: 'PU', joined_on: '2015-01-01' },
        { person_id: personId, kpj: '99000000028', segment: 'PU', joined_on: '2012-01-01' },
      ])
      .execute();
    const employer = await ctx.db
      .insertInto('employers')
      .values({ npp: 'NPP0001', name: 'PT Sinar Jaya', jkk_risk_class: 'low' })
      .returning('employer_id')
      .executeTakeFirstOrThrow();
    const now = ctx.clock.now();
    const ticket = await ctx.db
      .insertInto('tickets')
      .values({
        person_id: personId,
        number: 'TK-2026-900001',
        subject: 'Saldo',
        created_at: now,
        updated_at: now,
      })
      .returning('ticket_id')
      .executeTakeFirstOrThrow();
    ticketId = ticket.ticket_id;
    // A payslip on the ticket, its bytes stored as "Lapor" stores them, so the download answers 200.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const storageKey = payslipStorageKey(personId, sha256);
    await storePayslip(ctx.db, storageKey, png, now);
    const attachment = await ctx.db
      .insertInto('ticket_attachments')
      .values({
        ticket_id: ticketId,
        person_id: personId,
        kind: 'payslip',
        file_name: 'slip.png',
        content_type: 'image/png',
        size_bytes: png.length,
        sha256,
        storage_key: storageKey,
        created_at: now,
      })
      .returning('attachment_id')
      .executeTakeFirstOrThrow();
    attachmentId = attachment.attachment_id;
    for (const role of ALL_ROLES) {
      tokens.set(
        role,
        await bearerFor(ctx, {
          role,
          ...(role === 'member' ? { personId } : {}),
          ...(role === 'employer_admin' ? { employerId: employer.employer_id } : {}),
          displayName: `Uji ${role}`,
        }),
      );
    }
    // The admin's disable route needs a staff user to disable that is not one of the callers above.
    await bearerFor(ctx, { role: 'agent', displayName: 'Agen Yang Dinonaktifkan' });
    const victim = await ctx.db
      .selectFrom('users')
      .select('user_id')
      .where('display_name', '=', 'Agen Yang Dinonaktifkan')
      .executeTakeFirstOrThrow();
    victimUserId = victim.user_id;
  });
  afterAll(async () => {
    await test.close();
  });

  const call = (spec: StaffRouteSpec, role: RoleName, sample: Sample) => {
    const url = spec.path
      .replace(':personId', String(personId))
      .replace(':ticketId', String(ticketId))
      .replace(':attachmentId', String(attachmentId))
      .replace(':userId', String(victimUserId))
      .replace(':tableId', 'jp_wage_cap')
      .replace(':year', '2025');
    const query = sample.query ? `?${new URLSearchParams(sample.query).toString()}` : '';
    return test.app.inject({
      method: spec.method,
      url: `${url}${query}`,
      headers: { authorization: `Bearer ${tokens.get(role)}` },
      ...(sample.body !== undefined ? { payload: sample.body as object } : {}),
    });
  };

  it('refuses routes that need verification until the staff session has verified the member', async () => {
    for (const [id, spec] of Object.entries(staffRoutes)) {
      if (!spec.needsVerification) continue;
      const response = await call(spec, 'agent', samples[id]!);
      expect({ id, status: response.statusCode, code: response.json().code }).toEqual({
        id,
        status: 403,
        code: 'identity_not_verified',
      });
    }
  });

  it('matches the role table for every route and role', async () => {
    // Each allowed desk role verifies the member first, so that allowed means allowed.
    for (const role of ['agent', 'branch_officer'] as const) {
      const verified = await call(staffRoutes.verifyIdentity, role, sampleOf('verifyIdentity', role));
      expect(verified.json().outcome).toBe('passed');
    }
    const forbiddenBefore = await test.ctx.db
      .selectFrom('audit_log')
      .select('audit_id')
      .where('action', '=', 'staff.forbidden')
      .execute();
    let refusals = 0;
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const spec of allStaffRouteSpecs()) {
      const id =
        Object.entries(staffRoutes).find(([, candidate]) => candidate === spec)?.[0] ??
        `${spec.method} ${spec.path}`;
      for (const role of ALL_ROLES) {
        const response = await call(spec, role, sampleOf(id, role));
        const isAllowed = response.statusCode !== 403 && response.statusCode !== 401;
        outcomes.push(`${spec.method} ${spec.path} ${role}: ${isAllowed ? 'allowed' : 'refused'}`);
        expected.push(
          `${spec.method} ${spec.path} ${role}: ${spec.roles.includes(role) ? 'allowed' : 'refused'}`,
        );
        if (isAllowed) {
          expect(response.statusCode, `${id} as ${role}: ${response.body}`).toBe(expectedAllowedStatus(id));
        } else {
          expect(response.json().code, `${id} as ${role}`).toBe('forbidden');
          // The access check audits every role refusal, whichever feature owns the route.
          refusals += 1;
        }
      }
    }
    expect(outcomes).toEqual(expected);
    const forbiddenAfter = await test.ctx.db
      .selectFrom('audit_log')
      .select('audit_id')
      .where('action', '=', 'staff.forbidden')
      .execute();
    expect(forbiddenAfter.length - forbiddenBefore.length).toBe(refusals);
  });

  it('lists every staff and admin route the app serves in the role table', async () => {
    const document = (await test.app.inject('/api/v1/openapi.json')).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const served = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/staff/') || path.startsWith('/api/v1/admin/'))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const listed = allStaffRouteSpecs()
      .map((spec) => `${spec.method} ${spec.path}`)
      .sort();
    expect(served).toEqual(listed);
  });

  it('refuses without a session (401) before any role check', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/admin/audit-log' });
    expect(response.statusCode).toBe(401);
  });
});
