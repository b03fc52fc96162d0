// Claim documents: the type the reason asks for, the real file type read from the bytes, a size limit,
// the SHA-256 of the exact bytes, stored through the storage port in the same transaction as the row. A
// new file for a document type already uploaded replaces it (the old row and bytes stay, marked replaced);
// only 'other' documents are added side by side.
import { createHash, randomUUID } from 'node:crypto';
import {
  CLAIM_DOCUMENT_TYPES,
  isClaimDocumentAdded,
  MAX_CLAIM_DOCUMENT_BYTES,
  MAX_CLAIM_DOCUMENT_UPLOADS,
  MAX_CLAIM_DOCUMENTS,
  err,
  ok,
  type ClaimDocumentType,
  sniffClaimDocumentType,
  type Result,
} from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import { isClaimant } from './claim-heir-service';
import { lockClaim, type ClaimActor } from './claim-store';
import { listClaimDocuments, type ClaimDocumentView } from './claim-views';
import { databaseDocumentStorage, type DocumentStorage } from './document-storage';

export interface DocumentUpload {
  readonly type: string;
  readonly fileName: string;
  readonly bytes: Buffer;
}

const SAFE_NAME = /[^\p{L}\p{N}._ -]/gu;

export interface AddedDocument {
  readonly document: ClaimDocumentView;
  /** False when this exact file was already the current one of its type. */
  readonly isNew: boolean;
  /** The earlier file of the same type this one replaces, if any. */
  readonly replacedDocumentId: number | null;
}

/** Adds a document to a claim the member can still change (draft or waiting for branch verification). */
export async function addClaimDocument(
  ctx: ServiceContext,
  personId: number,
  claimId: number,
  actor: ClaimActor,
  upload: DocumentUpload,
  storage: DocumentStorage = databaseDocumentStorage,
): Promise<Result<AddedDocument>> {
  if (!(CLAIM_DOCUMENT_TYPES as readonly string[]).includes(upload.type)) {
    return err('validation_failed', { field: 'type' }, 'type');
  }
  if (upload.bytes.length > MAX_CLAIM_DOCUMENT_BYTES) {
    return err('claim_document_too_large', { maxMegabytes: MAX_CLAIM_DOCUMENT_BYTES / 1024 / 1024 });
  }
  const contentType = upload.bytes.length === 0 ? null : sniffClaimDocumentType(upload.bytes);
  if (contentType === null) return err('claim_document_type_invalid');
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const fileName = upload.fileName.replace(SAFE_NAME, '_').slice(0, 200) || 'document';
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaim(trx, claimId);
    if (!claim || !isClaimant(claim, personId)) return err('not_found');
    if (claim.status !== 'draft' && claim.status !== 'branch_verification') {
      return err('claim_status_invalid', { status: claim.status });
    }
    const documents = await listClaimDocuments(trx, claimId);
    const same = documents.find((row) => row.type === upload.type && row.sha256 === sha256);
    if (same) return ok({ document: same, isNew: false, replacedDocumentId: null });
    const replaced = isClaimDocumentAdded(upload.type as ClaimDocumentType)
      ? undefined
      : documents.find((row) => row.type === upload.type);
    const uploads = await trx
      .selectFrom('claim_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('claim_id', '=', claimId)
      .executeTakeFirst();
    if (
      (!replaced && documents.length >= MAX_CLAIM_DOCUMENTS) ||
      Number(uploads?.n ?? 0) >= MAX_CLAIM_DOCUMENT_UPLOADS
    ) {
      return err('claim_document_limit');
    }
    const now = ctx.clock.now();
    const storageKey = `claims/${claimId}/${randomUUID()}`;
    await storage.put(trx, storageKey, upload.bytes, now);
    const row = await trx
      .insertInto('claim_documents')
      .values({
        claim_id: claimId,
        person_id: claim.person_id,
        doc_type: upload.type,
        file_name: fileName,
        content_type: contentType,
        size_bytes: upload.bytes.length,
        sha256,
        storage_key: storageKey,
        uploaded_at: now,
        uploaded_by_user_id: actor.userId,
      })
      .returning('document_id')
      .executeTakeFirstOrThrow();
    if (replaced) {
      await trx
        .updateTable('claim_documents')
        .set({ replaced_at: now, replaced_by_document_id: row.document_id })
        .where('document_id', '=', replaced.id)
        .execute();
    }
    const document = (await listClaimDocuments(trx, claimId)).find((item) => item.id === row.document_id);
    if (!document) throw new Error('document row missing after insert');
    return ok({ document, isNew: true, replacedDocumentId: replaced?.id ?? null });
  });
}

/** The stored bytes of one document; personId limits a member to their own claims (null for staff). */
export async function readClaimDocument(
  ctx: ServiceContext,
  claimId: number,
  documentId: number,
  personId: number | null,
  storage: DocumentStorage = databaseDocumentStorage,
): Promise<Result<{ bytes: Buffer; contentType: string; fileName: string; sha256: string }>> {
  const row = await ctx.db
    .selectFrom('claim_documents')
    .innerJoin('claims', 'claims.claim_id', 'claim_documents.claim_id')
    .select([
      'storage_key',
      'content_type',
      'file_name',
      'sha256',
      'claims.person_id',
      'claims.claimant_person_id',
    ])
    .where('claim_documents.document_id', '=', documentId)
    .where('claim_documents.claim_id', '=', claimId)
    .executeTakeFirst();
  if (!row || (personId !== null && !isClaimant(row, personId))) return err('claim_document_not_found');
  const bytes = await storage.get(ctx.db, row.storage_key);
  if (!bytes) return err('claim_document_not_found');
  return ok({ bytes, contentType: row.content_type, fileName: row.file_name, sha256: row.sha256 });
}

/**
 * Content-Disposition for showing a stored document in the browser: an ASCII fallback name (quotes,
 * separators and non-ASCII letters replaced) and the exact name per RFC 6266 / RFC 5987.
 */
export function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\w. -]/g, '_') || 'document';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
