// Beneficiaries (ahli waris): listed with the NIK masked, added after the core's checks, removed by
// marking the row (the history of who was named stays for later claims).
import { maskNik, ok, type Result } from '@lumbung/core';
import {
  summariseShares,
  validateNewBeneficiary,
  type BeneficiaryErrorCode,
  type BeneficiaryInput,
  type BeneficiaryRelation,
  type ShareSummary,
} from '@lumbung/core/beneficiary/beneficiary';
import { getPerson } from '../persons/person-store';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';

export interface BeneficiaryView {
  readonly id: number;
  readonly name: string;
  readonly relation: BeneficiaryRelation;
  /** Masked: '32**********0002'. */
  readonly nik: string;
  readonly sharePercent: number;
  readonly createdAt: string;
}

export interface BeneficiaryList {
  readonly beneficiaries: BeneficiaryView[];
  readonly totalSharePercent: number;
  readonly remainingSharePercent: number;
  /** True while the shares do not add up to exactly 100%. */
  readonly shareWarning: boolean;
}

async function activeRows(ctx: ServiceContext, personId: number) {
  return ctx.db
    .selectFrom('beneficiaries')
    .select(['beneficiary_id', 'full_name', 'relation', 'nik_cipher', 'share_percent', 'created_at'])
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .orderBy('beneficiary_id')
    .execute();
}

function listOf(rows: Awaited<ReturnType<typeof activeRows>>, ctx: ServiceContext): BeneficiaryList {
  const summary: ShareSummary = summariseShares(rows.map((row) => row.share_percent));
  return {
    beneficiaries: rows.map((row) => ({
      id: row.beneficiary_id,
      name: row.full_name,
      relation: row.relation,
      nik: maskNik(ctx.pii.decrypt(row.nik_cipher)),
      sharePercent: row.share_percent,
      createdAt: new Date(row.created_at).toISOString(),
    })),
    totalSharePercent: summary.totalPercent,
    remainingSharePercent: summary.remainingPercent,
    shareWarning: !summary.isComplete,
  };
}

export async function listBeneficiaries(ctx: ServiceContext, personId: number): Promise<BeneficiaryList> {
  return listOf(await activeRows(ctx, personId), ctx);
}

export async function addBeneficiary(
  ctx: ServiceContext,
  personId: number,
  input: BeneficiaryInput,
): Promise<Result<{ id: number; list: BeneficiaryList }, BeneficiaryErrorCode>> {
  const member = await getPerson(ctx.db, ctx.pii, personId);
  return ctx.db.transaction().execute(async (trx) => {
    // Lock the person's row so that two concurrent adds cannot both pass the 100% check.
    await trx
      .selectFrom('persons')
      .select('person_id')
      .where('person_id', '=', personId)
      .forUpdate()
      .execute();
    const rows = await trx
      .selectFrom('beneficiaries')
      .select(['relation', 'nik_cipher', 'share_percent'])
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .execute();
    const checked = validateNewBeneficiary(input, {
      existing: rows.map((row) => ({
        relation: row.relation,
        nik: ctx.pii.decrypt(row.nik_cipher),
        sharePercent: row.share_percent,
      })),
      memberNik: member.nik,
      asOf: todayInJakarta(ctx.clock),
    });
    if (!checked.ok) return checked;
    const inserted = await trx
      .insertInto('beneficiaries')
      .values({
        person_id: personId,
        full_name: checked.value.name,
        relation: checked.value.relation,
        nik_cipher: ctx.pii.encrypt(checked.value.nik),
        nik_index: ctx.pii.blindIndex('nik', checked.value.nik),
        share_percent: checked.value.sharePercent,
        created_at: ctx.clock.now(),
      })
      .returning('beneficiary_id')
      .executeTakeFirstOrThrow();
    const list = await trx
      .selectFrom('beneficiaries')
      .select(['beneficiary_id', 'full_name', 'relation', 'nik_cipher', 'share_percent', 'created_at'])
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .orderBy('beneficiary_id')
      .execute();
    return ok({ id: inserted.beneficiary_id, list: listOf(list, ctx) });
  });
}

/** Removes one of the person's own beneficiaries; false when there is none with that id. */
export async function removeBeneficiary(
  ctx: ServiceContext,
  personId: number,
  beneficiaryId: number,
): Promise<boolean> {
  const result = await ctx.db
    .updateTable('beneficiaries')
    .set({ removed_at: ctx.clock.now() })
    .where('beneficiary_id', '=', beneficiaryId)
    .where('person_id', '=', personId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
