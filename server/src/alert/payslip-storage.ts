// Where a payslip sent with "Lapor" is kept: through the claims feature's document storage port (the
// same bytes store as claim documents), written in the caller's transaction so the ticket never names
// bytes that were not stored. The one place that calls the port, so a change to it touches one function.
import type { Kysely } from 'kysely';
import { databaseDocumentStorage } from '../claims/document-storage';
import type { DB } from '../db/schema';

/** Content-addressed per member: the same payslip sent twice is stored once. */
export function payslipStorageKey(personId: number, sha256: string): string {
  return `alert-payslips/${personId}/${sha256}`;
}

export async function storePayslip(db: Kysely<DB>, key: string, bytes: Uint8Array, at: Date): Promise<void> {
  await databaseDocumentStorage.put(db, key, bytes, at);
}

export async function readPayslip(db: Kysely<DB>, key: string): Promise<Buffer | undefined> {
  return databaseDocumentStorage.get(db, key);
}
