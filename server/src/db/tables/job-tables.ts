// Kysely row types for migrations/0010_jobs.sql.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: written as a JSON string, read back parsed by both drivers. */
type Json = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  job_id: Generated<number>;
  job_key: string;
  kind: string;
  payload: Json;
  status: Generated<JobStatus>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: NullableTimestamp;
  result: NullableJson;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface JobTables {
  jobs: JobsTable;
}
