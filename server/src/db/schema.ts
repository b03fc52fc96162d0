// The whole database as Kysely sees it. Each feature keeps its tables in db/tables/<feature>-tables.ts
// (beside its migration) and adds itself to this list.
import type { AlertTables } from './tables/alert-tables';
import type { ClaimTables } from './tables/claim-tables';
import type { FoundationTables } from './tables/foundation-tables';
import type { IdentityTables } from './tables/identity-tables';
import type { JobTables } from './tables/job-tables';
import type { LedgerTables } from './tables/ledger-tables';
import type { MigrationTables } from './tables/migration-tables';
import type { PortalTables } from './tables/portal-tables';
import type { SmsTables } from './tables/sms-tables';
import type { StaffTables } from './tables/staff-tables';
import type { TicketAttachmentTables } from './tables/ticket-attachment-tables';

export interface DB
  extends
    MigrationTables,
    FoundationTables,
    PortalTables,
    IdentityTables,
    StaffTables,
    LedgerTables,
    SmsTables,
    AlertTables,
    ClaimTables,
    JobTables,
    TicketAttachmentTables {}
