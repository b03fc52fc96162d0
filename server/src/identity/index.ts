// What other features use from identity: creating users, sessions for tests and seeds, the audit log.
export {
  createMemberUser,
  createStaffUser,
  findUserByIdentifier,
  publicUser,
  type PublicUser,
} from './user-store';
export { createSession, revokeAllSessions } from './session-service';
export { writeAudit, type AuditEntry } from './audit-log';
export { checkPasswordPolicy, hashPassword } from './password-hashing';
