// Tells a member about their employment's findings, once: new missing/under-paid months in one
// 'contribution_alert', months since paid in one 'contribution_resolved'. The finding rows are marked
// with the notification in the same transaction, so a rerun or a resumed run finds nothing to tell.
import type {
  AlertMonth,
  ContributionAlertParams,
  ContributionResolvedParams,
} from '@lumbung/core/alert/index';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { CONTRIBUTION_ALERT_KIND, CONTRIBUTION_RESOLVED_KIND } from '../notification/notification-kinds';
import { notify } from '../notification/notification-service';
import type { ServiceContext } from '../services/service-context';
import type { EmploymentToCheck } from './alert-data';

export interface TellOutcome {
  readonly alerts: number;
  readonly resolutions: number;
}

export async function tellMember(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  employment: EmploymentToCheck,
): Promise<TellOutcome> {
  const inTrx: ServiceContext = { ...ctx, db: trx };
  let alerts = 0;
  let resolutions = 0;

  const untold = await trx
    .selectFrom('contribution_findings')
    .select(['finding_id', 'period', 'kind', 'expected_amount', 'posted_amount', 'shortfall_amount'])
    .where('employment_id', '=', employment.employmentId)
    .where('status', '=', 'open')
    .where('kind', 'in', ['missing', 'underpaid'])
    .where('notification_id', 'is', null)
    .orderBy('period')
    .execute();
  if (untold.length > 0) {
    const months: AlertMonth[] = untold.map((row) => ({
      findingId: row.finding_id,
      period: row.period,
      kind: row.kind === 'underpaid' ? 'underpaid' : 'missing',
      expectedRupiah: row.expected_amount,
      postedRupiah: row.posted_amount,
      shortfallRupiah: row.shortfall_amount,
    }));
    const params: ContributionAlertParams = {
      employerName: employment.employerName,
      kpj: employment.kpj,
      months,
    };
    const told = await notify(inTrx, {
      personId: employment.personId,
      kind: CONTRIBUTION_ALERT_KIND,
      params,
      // Each finding is told once, so the first of the group names the event.
      dedupeKey: `contribution_alert:${months[0]?.findingId ?? 0}`,
    });
    await trx
      .updateTable('contribution_findings')
      .set({ notification_id: told.notificationId })
      .where(
        'finding_id',
        'in',
        untold.map((row) => row.finding_id),
      )
      .execute();
    alerts += 1;
  }

  const paid = await trx
    .selectFrom('contribution_findings')
    .select(['finding_id', 'period', 'posted_amount'])
    .where('employment_id', '=', employment.employmentId)
    .where('status', '=', 'resolved')
    .where('notification_id', 'is not', null)
    .where('resolved_notification_id', 'is', null)
    .orderBy('period')
    .execute();
  if (paid.length > 0) {
    const params: ContributionResolvedParams = {
      employerName: employment.employerName,
      kpj: employment.kpj,
      months: paid.map((row) => ({
        findingId: row.finding_id,
        period: row.period,
        postedRupiah: row.posted_amount,
      })),
    };
    const told = await notify(inTrx, {
      personId: employment.personId,
      kind: CONTRIBUTION_RESOLVED_KIND,
      params,
      dedupeKey: `contribution_resolved:${paid[0]?.finding_id ?? 0}`,
    });
    await trx
      .updateTable('contribution_findings')
      .set({ resolved_notification_id: told.notificationId })
      .where(
        'finding_id',
        'in',
        paid.map((row) => row.finding_id),
      )
      .execute();
    resolutions += 1;
  }
  return { alerts, resolutions };
}
