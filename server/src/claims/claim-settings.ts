// The JHT tax rule and the online-only claim limit in force, with an operator's rule row (admin route
// POST /api/v1/admin/rule-tables/:tableId/rows) taking precedence over the core's built-in table.
import type { ClaimSettings, JhtTaxRule } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

async function overrideValue(db: Kysely<DB>, tableId: string, date: string): Promise<unknown> {
  const row = await db
    .selectFrom('rule_row_overrides')
    .select('value')
    .where('table_id', '=', tableId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('valid_from', 'desc')
    .orderBy('override_id', 'desc')
    .executeTakeFirst();
  return row?.value;
}

const isWhole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export async function claimSettingsOn(db: Kysely<DB>, date: string): Promise<ClaimSettings> {
  const tax = (await overrideValue(db, 'jht_tax', date)) as Partial<JhtTaxRule> | undefined;
  const limit = (await overrideValue(db, 'jht_online_claim_limit', date)) as
    { maxBalanceRupiah?: unknown } | undefined;
  return {
    ...(tax && isWhole(tax.exemptUpToRupiah) && isWhole(tax.rateAboveBasisPoints)
      ? {
          jhtTaxRule: {
            exemptUpToRupiah: tax.exemptUpToRupiah,
            rateAboveBasisPoints: tax.rateAboveBasisPoints,
          },
        }
      : {}),
    ...(limit && isWhole(limit.maxBalanceRupiah) ? { onlineLimitRupiah: limit.maxBalanceRupiah } : {}),
  };
}
