// What a contribution month's status means for the member: whether Riwayat iuran flags it as a problem
// and what the member can do, so the page shows the server's judgement instead of deciding it.
import type { MonthStatus } from './contribution-service';

/**
 * - `none`: nothing to do (paid; or paid late, when the month is still credited to its own period and
 *   the late penalty the compliance calculator computes is the employer's to pay);
 * - `wait`: reported and not yet due (the due date is core/src/contribution/payment-deadline.ts's);
 * - `report`: nothing or too little arrived after the due date: ask HR, then tell the fund, which
 *   chases the employer.
 */
export type ContributionAdvice = 'none' | 'wait' | 'report';

export interface MonthJudgement {
  /** Shown as a month that needs the member's attention and counted in the page's summary. */
  readonly isFlagged: boolean;
  readonly advice: ContributionAdvice;
}

export function judgeMonth(status: MonthStatus): MonthJudgement {
  switch (status) {
    case 'paid':
      return { isFlagged: false, advice: 'none' };
    case 'pending':
      return { isFlagged: false, advice: 'wait' };
    case 'late':
      return { isFlagged: true, advice: 'none' };
    case 'missing':
    case 'underpaid':
      return { isFlagged: true, advice: 'report' };
  }
}
