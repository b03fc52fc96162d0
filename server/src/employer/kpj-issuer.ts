// Issues Lumbung KPJ numbers from the database sequence (core issueKpj adds the prefix and check digit).
import { issueKpj } from '@lumbung/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

export async function issueNextKpj(db: Kysely<DB> | Transaction<DB>): Promise<string> {
  const result = await sql<{ n: number }>`select nextval('kpj_number_seq') as n`.execute(db);
  return issueKpj(Number(result.rows[0]?.n));
}
