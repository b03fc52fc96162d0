// The months a periodic benefit's one payout covers (JKP: up to 6 months of 60% of the capped wage),
// grouped where the amount repeats, with the plain statement that they are transferred together.
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/money';
import type { ClaimScheduleMonth } from './claim-api';

interface MonthRun {
  readonly from: number;
  readonly to: number;
  readonly amountRupiah: number;
}

function runsOf(schedule: readonly ClaimScheduleMonth[]): MonthRun[] {
  const runs: MonthRun[] = [];
  for (const month of schedule) {
    const last = runs.at(-1);
    if (last && last.amountRupiah === month.amountRupiah && last.to === month.month - 1) {
      runs[runs.length - 1] = { ...last, to: month.month };
    } else {
      runs.push({ from: month.month, to: month.month, amountRupiah: month.amountRupiah });
    }
  }
  return runs;
}

export function ClaimSchedule({ schedule }: { readonly schedule: readonly ClaimScheduleMonth[] }) {
  const { t } = useTranslation();
  if (schedule.length < 2) return null;
  return (
    <div className="claim-schedule">
      <p className="small">{t('claim.schedule.title', { months: schedule.length })}</p>
      <ul className="small">
        {runsOf(schedule).map((run) => (
          <li key={run.from}>
            {run.from === run.to
              ? t('claim.schedule.month', { month: run.from })
              : t('claim.schedule.months', { from: run.from, to: run.to })}
            : <Money amount={run.amountRupiah} />
          </li>
        ))}
      </ul>
      <p className="muted small">{t('claim.schedule.paidTogether')}</p>
    </div>
  );
}
