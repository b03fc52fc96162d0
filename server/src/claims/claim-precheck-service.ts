// The wizard's first screen: for every KPJ of the member and every programme and reason, what is
// claimable today and how much, or the reason code why not and from when (the core's own answer), with
// what the wizard must ask (the event date) and the online-only limit in force — so the web app repeats
// no rule of its own.
import {
  assessClaim,
  CLAIM_PROGRAMMES,
  CLAIM_REASONS,
  err,
  errorMessage,
  isErrorCode,
  isEventDateRequired,
  isHeirOnlyClaimReason,
  onlineClaimLimitOn,
  requiredClaimDocuments,
  type ClaimScheduleMonth,
} from '@lumbung/core';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { findClaimAccount, gatherClaimFacts } from './claim-facts-service';

export interface ClaimOption {
  readonly kpj: string;
  readonly programme: string;
  readonly reason: string;
  readonly isEligible: boolean;
  readonly grossRupiah: number | null;
  readonly taxRupiah: number | null;
  readonly netRupiah: number | null;
  readonly isBranchVerificationRequired: boolean;
  /** The online-only limit in force today: above it a claim is verified at a branch first. */
  readonly onlineLimitRupiah: number;
  /** The claimant must give the event date (death, accident, departure, disability certificate). */
  readonly isEventDateRequired: boolean;
  /** Only a listed heir files this reason (a death), from the heir's form. */
  readonly isHeirOnly: boolean;
  readonly monthlyRupiah: number | null;
  readonly schedule: readonly ClaimScheduleMonth[];
  readonly eligibleFrom: string | null;
  readonly requiredDocuments: readonly string[];
  /** Why not (or what is still needed, e.g. the event date): a stable code and its message. */
  readonly code: string | null;
  readonly message: { readonly id: string; readonly en: string } | null;
  readonly params: Readonly<Record<string, string | number>> | null;
}

function messageOf(code: string, params?: Readonly<Record<string, string | number>>) {
  const known = isErrorCode(code) ? code : 'validation_failed';
  return { id: errorMessage(known, 'id', params), en: errorMessage(known, 'en', params) };
}

export async function claimOptions(
  ctx: ServiceContext,
  personId: number,
): Promise<{ options: ClaimOption[]; asOf: string }> {
  const claimDate = todayInJakarta(ctx.clock);
  // One book for every option, so the screen never mixes two versions of the rules.
  const rules = ctx.rules.current;
  const accounts = await ctx.db
    .selectFrom('member_accounts')
    .select('kpj')
    .where('person_id', '=', personId)
    .where('status', '<>', 'merged')
    .orderBy('account_id')
    .execute();
  const onlineLimitRupiah = onlineClaimLimitOn(claimDate, rules);
  const options: ClaimOption[] = [];
  for (const { kpj } of accounts) {
    const account = await findClaimAccount(ctx.db, personId, kpj);
    if (!account) continue;
    const facts = await gatherClaimFacts(
      ctx.db,
      account,
      { programme: 'JHT', reason: 'resignation', claimDate },
      rules,
    );
    for (const programme of CLAIM_PROGRAMMES) {
      for (const reason of CLAIM_REASONS[programme]) {
        const isHeirOnly = isHeirOnlyClaimReason(programme, reason);
        // A death claim is the heirs' (claim-submit-service.ts refuses it on one's own account).
        const result = isHeirOnly
          ? err('claim_heirs_only')
          : assessClaim({ ...facts, programme, reason }, rules);
        const eligibleFrom =
          !result.ok && typeof result.params?.eligibleFrom === 'string' ? result.params.eligibleFrom : null;
        const common = {
          kpj,
          programme,
          reason,
          onlineLimitRupiah,
          isEventDateRequired: isEventDateRequired(programme, reason),
          isHeirOnly,
        };
        options.push(
          result.ok
            ? {
                ...common,
                isEligible: true,
                grossRupiah: result.value.grossRupiah,
                taxRupiah: result.value.taxRupiah,
                netRupiah: result.value.netRupiah,
                isBranchVerificationRequired: result.value.isBranchVerificationRequired,
                monthlyRupiah: result.value.monthlyRupiah,
                schedule: result.value.schedule,
                eligibleFrom: result.value.eligibleFrom,
                requiredDocuments: result.value.requiredDocuments,
                code: null,
                message: null,
                params: null,
              }
            : {
                ...common,
                isEligible: false,
                grossRupiah: null,
                taxRupiah: null,
                netRupiah: null,
                isBranchVerificationRequired: false,
                monthlyRupiah: null,
                schedule: [],
                eligibleFrom,
                requiredDocuments: requiredClaimDocuments(programme, reason),
                code: result.code,
                message: messageOf(result.code, result.params),
                params: result.params ?? null,
              },
        );
      }
    }
  }
  return { options, asOf: claimDate };
}
