// The migrations ledger written by db/migrate.ts.
import type { CreatedAt } from './foundation-tables';

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface MigrationTables {
  schema_migrations: SchemaMigrationsTable;
}
