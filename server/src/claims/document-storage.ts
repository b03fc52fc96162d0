// The storage port for claim documents, and its database adapter (bytes in claim_document_blobs, written
// in the caller's transaction so a document row never points at bytes that were not stored). An
// S3-compatible or local-directory adapter implements the same three calls.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface DocumentStorage {
  put(db: Kysely<DB>, key: string, bytes: Uint8Array, at: Date): Promise<void>;
  get(db: Kysely<DB>, key: string): Promise<Buffer | undefined>;
}

export const databaseDocumentStorage: DocumentStorage = {
  async put(db, key, bytes, at) {
    await db
      .insertInto('claim_document_blobs')
      .values({ storage_key: key, bytes, created_at: at })
      .onConflict((conflict) => conflict.column('storage_key').doNothing())
      .execute();
  },
  async get(db, key) {
    const row = await db
      .selectFrom('claim_document_blobs')
      .select('bytes')
      .where('storage_key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    return Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  },
};
