// The staff member acting, as services see them: the signed-in user and the session that a
// verification is bound to. Built from the HTTP principal at the edge; services never see HTTP types.
import type { RoleName } from '@lumbung/core/staff/staff-access-table';

export interface StaffActor {
  readonly userId: number;
  readonly role: RoleName;
  readonly displayName: string;
  readonly sessionId: number;
}
