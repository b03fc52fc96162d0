// Who may call each staff claims route, as data: the routes take their access from here, and the staff
// role table (core/src/staff/staff-access-table.ts → docs/roles.md, the route-matrix test) lists them.
import type { RoleName, StaffRouteSpec } from '../staff/staff-access-table';

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
  paymentFile: route('POST', '/payment-files', OFFICER, 'Put approved claims into a bank payment file'),
  paymentFileCsv: route('GET', '/payment-files/:batchId', OFFICER, 'Download a bank payment file (CSV)'),
  bankResult: route('POST', '/bank-results', OFFICER, "Import the bank's payment result (CSV, idempotent)"),
} as const satisfies Record<string, StaffRouteSpec>;

export type ClaimStaffRouteId = keyof typeof claimStaffRoutes;
