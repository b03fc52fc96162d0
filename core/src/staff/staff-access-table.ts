// Who may call each staff-console and admin route, as data. The server takes every route's access list
// from here, the route-matrix test checks every route × role against it, and docs/roles.md renders it,
// so the three cannot drift apart.
import { claimStaffRoutes } from '../claims/claim-staff-routes';

export const ALL_ROLES = [
  'member',
  'employer_admin',
  'agent',
  'branch_officer',
  'claims_officer',
  'admin',
] as const;
export type RoleName = (typeof ALL_ROLES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface StaffRouteSpec {
  readonly method: HttpMethod;
  /** Fastify path, e.g. '/api/v1/staff/members/:personId'. */
  readonly path: string;
  readonly roles: readonly RoleName[];
  /** The member's identity must have been verified in this staff session (identity_not_verified). */
  readonly needsVerification: boolean;
  readonly summary: string;
  /** The feature that builds the route when it is not the staff console. */
  readonly owner?: 'sms' | 'portal' | 'ledger' | 'claims';
}

const DESK: readonly RoleName[] = ['agent', 'branch_officer'];
const ADMIN: readonly RoleName[] = ['admin'];

const desk = (
  method: HttpMethod,
  path: string,
  summary: string,
  needsVerification = true,
): StaffRouteSpec => ({
  method,
  path: `/api/v1/staff${path}`,
  roles: DESK,
  needsVerification,
  summary,
});
const admin = (method: HttpMethod, path: string, summary: string): StaffRouteSpec => ({
  method,
  path: `/api/v1/admin${path}`,
  roles: ADMIN,
  needsVerification: false,
  summary,
});

export const staffRoutes = {
  searchMembers: desk(
    'POST',
    '/members/search',
    'Find a member by NIK, KPJ or name + birth date (masked results)',
    false,
  ),
  memberCard: desk('GET', '/members/:personId', 'Masked member card and verification state', false),
  verifyIdentity: desk(
    'POST',
    '/members/:personId/verifications',
    'Record the identity checklist for the channel',
    false,
  ),
  memberOverview: desk(
    'GET',
    '/members/:personId/overview',
    'Member 360: KPJ, balances, gaps, claims, tickets, SMS, sign-in',
  ),
  memberBalances: desk('GET', '/members/:personId/balances', 'Balances per KPJ and programme'),
  memberContributions: desk('GET', '/members/:personId/contributions', 'Contribution history with gaps'),
  memberAccessLog: desk('GET', '/members/:personId/access-log', 'Who looked at this member, when and why'),
  linkSmsPhone: desk('POST', '/members/:personId/sms-link', 'Link a phone to a KPJ for the SMS service'),
  unlinkSmsPhone: desk('POST', '/members/:personId/sms-unlink', 'Unlink a phone from the SMS service'),
  sendPasswordReset: desk(
    'POST',
    '/members/:personId/password-reset',
    'Send a password-reset code to the registered contact',
  ),
  updateContact: desk('PUT', '/members/:personId/contact', 'Update phone, e-mail or address with a reason'),
  mergeKpj: desk(
    'POST',
    '/members/:personId/merge-kpj',
    'Merge a duplicate KPJ (balance moved by ledger entries)',
  ),
  reissueCard: desk('POST', '/members/:personId/card-reissue', 'Reissue the digital membership card'),
  memberTickets: desk('GET', '/members/:personId/tickets', "The member's help requests"),
  openTicket: desk('POST', '/members/:personId/tickets', 'Open a help request for the member'),
  startClaim: desk(
    'POST',
    '/members/:personId/claims',
    'Open a draft claim for the member (portal rules); they add documents and bank account',
  ),
  ticketQueue: desk('GET', '/tickets', 'Open help requests from all members', false),
  ticketThread: desk('GET', '/tickets/:ticketId', 'A help request with its whole thread', false),
  ticketAttachment: desk(
    'GET',
    '/tickets/:ticketId/attachments/:attachmentId',
    'Open a file sent with a help request (a payslip), served only if it matches its SHA-256',
    false,
  ),
  replyTicket: desk('POST', '/tickets/:ticketId/replies', 'Answer a help request', false),
  closeTicket: desk('POST', '/tickets/:ticketId/close', 'Close a help request', false),
  listStaffUsers: admin('GET', '/staff-users', 'List staff users'),
  createStaffUser: admin('POST', '/staff-users', 'Create a staff user (returns the TOTP secret once)'),
  disableStaffUser: admin(
    'POST',
    '/staff-users/:userId/disable',
    'Disable a staff user and end their sessions',
  ),
  readAuditLog: admin('GET', '/audit-log', 'Read the audit log with filters'),
  listRuleTables: admin('GET', '/rule-tables', 'Rule tables with their rows and operator overrides'),
  addRuleRow: admin(
    'POST',
    '/rule-tables/:tableId/rows',
    'Add an effective-dated rule row with its citation',
  ),
  declareJhtReturn: admin('POST', '/jht-returns', 'Declare the yearly JHT development return rate'),
  runJhtReturn: admin(
    'POST',
    '/jht-returns/:year/run',
    'Credit the declared return to every JHT account (resumable)',
  ),
  jhtReturnProgress: admin('GET', '/jht-returns/:year', 'Progress of a yearly JHT return run'),
} as const satisfies Record<string, StaffRouteSpec>;

export type StaffRouteId = keyof typeof staffRoutes;

/** Staff and admin routes that other features build; listed so the matrix and the docs cover them too. */
export const foreignStaffRoutes: readonly StaffRouteSpec[] = [
  { ...admin('POST', '/news', 'Publish news in Indonesian and English'), owner: 'portal' },
  {
    method: 'POST',
    path: '/api/v1/staff/sms/simulate',
    roles: ['agent', 'branch_officer', 'admin'],
    needsVerification: false,
    summary: 'SMS simulator: send a message as a phone and read the replies (not in production)',
    owner: 'sms',
  },
  {
    method: 'POST',
    path: '/api/v1/staff/payments',
    roles: ['branch_officer', 'admin'],
    needsVerification: false,
    summary: 'Record an employer payment received at the branch',
    owner: 'ledger',
  },
  {
    method: 'GET',
    path: '/api/v1/staff/arrears',
    roles: ['agent', 'branch_officer', 'admin'],
    needsVerification: false,
    summary: 'Employers ranked by contribution arrears',
    owner: 'ledger',
  },
  ...Object.values(claimStaffRoutes),
];

export function allStaffRouteSpecs(): readonly StaffRouteSpec[] {
  return [...Object.values(staffRoutes), ...foreignStaffRoutes];
}

export const ROLE_TABLE_BEGIN =
  '<!-- staff-route-table:begin (generated from core/src/staff/staff-access-table.ts) -->';
export const ROLE_TABLE_END = '<!-- staff-route-table:end -->';

/** The docs/roles.md section: one row per route, ✓ for each role allowed, † when verification is needed. */
export function renderStaffRoleTable(): string {
  const header = `| Route | ${ALL_ROLES.join(' | ')} | Verified | What |`;
  const rule = `|---|${ALL_ROLES.map(() => ':-:').join('|')}|:-:|---|`;
  const rows = allStaffRouteSpecs().map((spec) => {
    const cells = ALL_ROLES.map((role) => (spec.roles.includes(role) ? '✓' : '·'));
    const owner = spec.owner ? ` (${spec.owner})` : '';
    return `| \`${spec.method} ${spec.path}\` | ${cells.join(' | ')} | ${spec.needsVerification ? '†' : ''} | ${spec.summary}${owner} |`;
  });
  return [ROLE_TABLE_BEGIN, header, rule, ...rows, ROLE_TABLE_END].join('\n');
}
