// Who may call each staff claims route, as data: the routes take their access from here, and the staff
// role table (core/src/staff/staff-access-table.ts → docs/roles.md, the route-matrix test) lists them.
import type { RoleName, StaffRouteSpec } from '../staff/staff-access-table';
import { canMoveClaim } from './claim-status';
import type { ClaimStatus } from './claim-types';

const OFFICER: readonly RoleName[] = ['claims_officer'];
const REVIEW: readonly RoleName[] = ['claims_officer', 'branch_officer'];

const route = (
  method: StaffRouteSpec['method'],
  path: string,
  roles: readonly RoleName[],
  summary: string,
): StaffRouteSpec => ({
  method,
  path: `/api/v1/staff/claims${path}`,
  roles,
  needsVerification: false,
  summary,
  owner: 'claims',
});

export const claimStaffRoutes = {
  queue: route('GET', '', REVIEW, 'Claims queue with ageing against the 5-working-day service level'),
  detail: route('GET', '/:claimId', REVIEW, 'A claim with its documents, payout account and timeline'),
  document: route('GET', '/:claimId/documents/:documentId', REVIEW, 'View one claim document'),
  branchVerification: route(
    'POST',
    '/:claimId/branch-verification',
    REVIEW,
    'Record the branch verification of a claim above the online-only limit',
  ),
  approve: route('POST', '/:claimId/approve', OFFICER, 'Approve with the checklist (places a ledger hold)'),
  reject: route(
    'POST',
    '/:claimId/reject',
    OFFICER,
    'Reject with a reason code the member sees (releases the hold)',
  ),
  pay: route('POST', '/:claimId/payment', OFFICER, 'Record the payment (posts the withdrawal once)'),
  paymentFiles: route(
    'GET',
    '/payment-files',
    OFFICER,
    'Bank payment files, newest first, with how many of their claims are paid or returned',
  ),
  paymentFile: route(
    'POST',
    '/payment-files',
    OFFICER,
    'Put approved (and bank-refused) claims into a new bank payment file',
  ),
  paymentFileCsv: route('GET', '/payment-files/:batchId', OFFICER, 'Download a bank payment file (CSV)'),
  bankResult: route('POST', '/bank-results', OFFICER, "Import the bank's payment result (CSV, idempotent)"),
} as const satisfies Record<string, StaffRouteSpec>;

export type ClaimStaffRouteId = keyof typeof claimStaffRoutes;

/** What an officer can do with one claim: the route's roles and the state machine together. */
export interface ClaimStaffActions {
  readonly branchVerify: boolean;
  readonly approve: boolean;
  readonly reject: boolean;
  readonly pay: boolean;
}

/**
 * The decisions the console offers this role on a claim in this status. A claim in a bank payment file
 * that the bank has not answered yet cannot be rejected (the bank may be paying it right now).
 */
export function claimStaffActions(
  role: RoleName,
  status: ClaimStatus,
  isAwaitingBank: boolean,
): ClaimStaffActions {
  const may = (id: ClaimStaffRouteId) => claimStaffRoutes[id].roles.includes(role);
  return {
    branchVerify: may('branchVerification') && status === 'branch_verification',
    approve: may('approve') && status === 'submitted',
    reject: may('reject') && canMoveClaim(status, 'rejected') && !isAwaitingBank,
    pay: may('pay') && canMoveClaim(status, 'paid'),
  };
}
