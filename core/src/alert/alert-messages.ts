// The words of a contribution alert and of its resolution, in the member's language: what an in-app
// notification, an SMS and an e-mail say. Pure: the server stores the params and renders on demand.
import type { Language } from '../errors/message';
import { isRupiah, sumRupiah, type Rupiah } from '../money/rupiah';
import { isPeriod, type Period } from '../time/period';
import { formatAlertMonth, formatAlertRupiah, joinMonths } from './alert-format';

/** What every notification kind renders to; the e-mail is built from title, intro, lines and outro. */
export interface NotificationText {
  readonly title: string;
  readonly intro: string;
  readonly lines: readonly string[];
  readonly outro: string;
  /** One short message; long lists are cut to a few months with "and N more". */
  readonly sms: string;
}

export type AlertMonthKind = 'missing' | 'underpaid';

export interface AlertMonth {
  readonly findingId: number;
  readonly period: Period;
  readonly kind: AlertMonthKind;
  readonly expectedRupiah: Rupiah;
  readonly postedRupiah: Rupiah;
  readonly shortfallRupiah: Rupiah;
}

/** Params of kind 'contribution_alert' (months found missing or under-paid in one run). */
export interface ContributionAlertParams {
  readonly employerName: string;
  readonly kpj: string;
  readonly months: readonly AlertMonth[];
}

/** Params of kind 'contribution_resolved' (months that have since been paid in full). */
export interface ContributionResolvedParams {
  readonly employerName: string;
  readonly kpj: string;
  readonly months: ReadonlyArray<{
    readonly findingId: number;
    readonly period: Period;
    readonly postedRupiah: Rupiah;
  }>;
}

/** SMS shows at most this many months by name; the rest are counted. */
export const SMS_MONTHS_SHOWN = 2;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 200;

function isAlertMonth(value: unknown): value is AlertMonth {
  return (
    isRecord(value) &&
    isId(value.findingId) &&
    isPeriod(value.period) &&
    (value.kind === 'missing' || value.kind === 'underpaid') &&
    isRupiah(value.expectedRupiah) &&
    isRupiah(value.postedRupiah) &&
    isRupiah(value.shortfallRupiah)
  );
}

/** Stored params are read back as unknown JSON; a shape that does not match is refused, not guessed. */
export function parseContributionAlertParams(value: unknown): ContributionAlertParams | null {
  if (!isRecord(value) || !isText(value.employerName) || !isText(value.kpj)) return null;
  const months = value.months;
  if (!Array.isArray(months) || months.length === 0 || !months.every(isAlertMonth)) return null;
  return { employerName: value.employerName, kpj: value.kpj, months };
}

export function parseContributionResolvedParams(value: unknown): ContributionResolvedParams | null {
  if (!isRecord(value) || !isText(value.employerName) || !isText(value.kpj)) return null;
  const months = value.months;
  const isMonth = (month: unknown) =>
    isRecord(month) && isId(month.findingId) && isPeriod(month.period) && isRupiah(month.postedRupiah);
  if (!Array.isArray(months) || months.length === 0 || !months.every(isMonth)) return null;
  return {
    employerName: value.employerName,
    kpj: value.kpj,
    months: months as ContributionResolvedParams['months'],
  };
}

function smsMonths(periods: readonly Period[], language: Language): string {
  const shown = periods.slice(0, SMS_MONTHS_SHOWN);
  const rest = periods.length - shown.length;
  if (rest === 0) return joinMonths(shown, language);
  const names = shown.map((period) => formatAlertMonth(period, language)).join(', ');
  return language === 'en' ? `${names} and ${rest} more` : `${names} dan ${rest} bulan lain`;
}

function monthLine(month: AlertMonth, language: Language): string {
  const name = formatAlertMonth(month.period, language);
  const expected = formatAlertRupiah(month.expectedRupiah);
  if (month.kind === 'missing') {
    return language === 'en'
      ? `${name}: not paid (due ${expected})`
      : `${name}: belum dibayar (seharusnya ${expected})`;
  }
  const posted = formatAlertRupiah(month.postedRupiah);
  const short = formatAlertRupiah(month.shortfallRupiah);
  return language === 'en'
    ? `${name}: under-paid by ${short} (due ${expected}, received ${posted})`
    : `${name}: kurang bayar ${short} (seharusnya ${expected}, diterima ${posted})`;
}

export function contributionAlertText(params: ContributionAlertParams, language: Language): NotificationText {
  const periods = params.months.map((month) => month.period);
  const total = formatAlertRupiah(sumRupiah(params.months.map((month) => month.shortfallRupiah)));
  const count = params.months.length;
  const single = count === 1 ? formatAlertMonth(periods[0] ?? '', language) : '';
  if (language === 'en') {
    return {
      title:
        count === 1
          ? `Contribution for ${single} not received in full`
          : `Contributions for ${count} months not received in full`,
      intro: `${params.employerName} has not paid your BPJS Ketenagakerjaan contributions in full (KPJ ${params.kpj}):`,
      lines: params.months.map((month) => monthLine(month, 'en')),
      outro:
        `Missing in total: ${total}. Your employer has been reminded. If money was deducted from your pay, ` +
        'tap "Report" (Lapor) and our staff will follow it up with the employer.',
      sms: `Lumbung: ${params.employerName} has not paid your contribution for ${smsMonths(periods, 'en')} in full, missing ${total}. Open the Lumbung app to report it.`,
    };
  }
  return {
    title: count === 1 ? `Iuran ${single} belum diterima penuh` : `Iuran ${count} bulan belum diterima penuh`,
    intro: `${params.employerName} belum membayar penuh iuran BPJS Ketenagakerjaan Anda (KPJ ${params.kpj}):`,
    lines: params.months.map((month) => monthLine(month, 'id')),
    outro:
      `Total kekurangan: ${total}. Pemberi kerja Anda sudah kami ingatkan. Bila upah Anda sudah dipotong ` +
      'untuk iuran, tekan "Lapor" agar petugas kami menindaklanjutinya dengan pemberi kerja.',
    sms: `Lumbung: iuran ${smsMonths(periods, 'id')} dari ${params.employerName} belum dibayar penuh, kurang ${total}. Buka aplikasi Lumbung untuk melapor.`,
  };
}

export function contributionResolvedText(
  params: ContributionResolvedParams,
  language: Language,
): NotificationText {
  const periods = params.months.map((month) => month.period);
  const months = joinMonths(periods, language);
  const lines = params.months.map((month) =>
    language === 'en'
      ? `${formatAlertMonth(month.period, 'en')}: ${formatAlertRupiah(month.postedRupiah)} received`
      : `${formatAlertMonth(month.period, 'id')}: ${formatAlertRupiah(month.postedRupiah)} diterima`,
  );
  if (language === 'en') {
    return {
      title: `Contributions for ${months} are now paid`,
      intro: `${params.employerName} has paid the missing contributions (KPJ ${params.kpj}):`,
      lines,
      outro: 'They are credited to your balance. No action is needed.',
      sms: `Lumbung: ${params.employerName} has now paid your contribution for ${smsMonths(periods, 'en')}. No action is needed.`,
    };
  }
  return {
    title: `Iuran ${months} sudah dibayar`,
    intro: `${params.employerName} telah membayar iuran yang kurang (KPJ ${params.kpj}):`,
    lines,
    outro: 'Iuran sudah masuk ke saldo Anda. Tidak ada yang perlu Anda lakukan.',
    sms: `Lumbung: iuran ${smsMonths(periods, 'id')} dari ${params.employerName} sudah dibayar. Tidak ada yang perlu Anda lakukan.`,
  };
}
