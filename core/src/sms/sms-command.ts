// The grammar of the short-code service: one inbound SMS text → a command or a named error. Pure and
// total: any string, however long or strange, gives a value; nothing here throws.
//   DAFTAR <KPJ> <DD-MM-YYYY> <NIK>          link this phone to the account (seeds; FACTS.md §9)
//   DAFTAR SALDO#<NIK>#<DOB>#<KPJ>#<email>   the older BPJS form (e-mail is ignored)
//   SALDO [<KPJ>]   BANTUAN | HELP   BERHENTI | STOP | UNREG
import type { Language } from '../errors/message';
import { err, ok, type Result } from '../result';
import { dateFromParts, type CalendarDate } from '../time/calendar-date';

export type SmsCommand =
  | {
      readonly kind: 'register';
      /** 11 digits; whether it exists and matches is the service's question. */
      readonly kpj: string;
      readonly birthDate: CalendarDate;
      /** 16 digits. */
      readonly nik: string;
      readonly form: 'current' | 'legacy';
    }
  | { readonly kind: 'balance'; readonly kpj: string | null }
  | { readonly kind: 'help' }
  | { readonly kind: 'stop' };

export type SmsCommandKind = SmsCommand['kind'];
export type SmsParseErrorCode = 'sms_command_unknown' | 'sms_register_malformed' | 'sms_balance_malformed';

/** Longest text the parser reads; our commands are under 80 characters, a 3-part SMS is 459. */
export const MAX_SMS_INPUT_LENGTH = 480;

const KPJ_DIGITS = 11;
const NIK_DIGITS = 16;

const keywords: Readonly<
  Record<string, { readonly kind: SmsCommandKind; readonly language: Language | null }>
> = {
  DAFTAR: { kind: 'register', language: 'id' },
  SALDO: { kind: 'balance', language: 'id' },
  BANTUAN: { kind: 'help', language: 'id' },
  HELP: { kind: 'help', language: 'en' },
  BERHENTI: { kind: 'stop', language: 'id' },
  STOP: { kind: 'stop', language: 'en' },
  // UNREG is how Indonesian subscribers end any SMS service.
  UNREG: { kind: 'stop', language: null },
};

/**
 * Canonical form for matching: compatibility forms folded (full-width digits and letters), invisible
 * characters dropped, control characters and odd dashes made plain, upper case. Null when too long.
 */
export function normaliseSmsText(text: string): string | null {
  if (text.length > MAX_SMS_INPUT_LENGTH) return null;
  const folded = text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    // eslint-disable-next-line no-control-regex -- turning control characters into spaces is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u00a0\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim()
    .toUpperCase();
  return folded.length > MAX_SMS_INPUT_LENGTH ? null : folded;
}

/** The keyword and the text after it; the keyword is the leading run of Latin letters. */
function splitKeyword(text: string): { keyword: string; rest: string } {
  const match = /^([A-Z]+)([\s\S]*)$/.exec(text);
  if (!match) return { keyword: '', rest: text };
  const word = match[1] ?? '';
  const rest = match[2] ?? '';
  // 'DAFTARSALDO#…' (the old form typed without its space).
  if (word === 'DAFTARSALDO') return { keyword: 'DAFTAR', rest: ` SALDO${rest}` };
  return { keyword: word, rest };
}

/** The language the keyword was written in, when it tells (HELP → English); for replies to strangers. */
export function smsKeywordLanguage(text: string): Language | null {
  const normalised = normaliseSmsText(text);
  if (normalised === null) return null;
  return keywords[splitKeyword(normalised).keyword]?.language ?? null;
}

export function parseSmsCommand(text: string): Result<SmsCommand, SmsParseErrorCode> {
  const normalised = normaliseSmsText(text);
  if (normalised === null || normalised === '') return err('sms_command_unknown');
  const { keyword, rest } = splitKeyword(normalised);
  const entry = keywords[keyword];
  if (!entry) return err('sms_command_unknown');
  switch (entry.kind) {
    case 'register':
      return parseRegister(rest);
    case 'balance':
      return parseBalance(rest);
    case 'help':
      return ok({ kind: 'help' });
    case 'stop':
      return ok({ kind: 'stop' });
  }
}

/** Separators people put between fields: spaces and the ones feature phones make easy to type. */
const FIELD_TEXT = /^[\d\s#*.,;:\-/_]*$/;

function digitGroups(text: string): string[] {
  return text.split(/\D+/).filter((group) => group.length > 0);
}

function parseBalance(rest: string): Result<SmsCommand, SmsParseErrorCode> {
  if (!FIELD_TEXT.test(rest)) return err('sms_balance_malformed');
  const digits = digitGroups(rest).join('');
  if (digits === '') return ok({ kind: 'balance', kpj: null });
  return digits.length === KPJ_DIGITS ? ok({ kind: 'balance', kpj: digits }) : err('sms_balance_malformed');
}

function parseRegister(rest: string): Result<SmsCommand, SmsParseErrorCode> {
  const legacy = /^[\s#*.,;:\-/_]*SALDO(?![A-Z])([\s\S]*)$/.exec(rest);
  if (legacy) {
    const body = withoutEmail(legacy[1] ?? '');
    if (!FIELD_TEXT.test(body)) return err('sms_register_malformed');
    const parsed = assignFields(digitGroups(body), NIK_DIGITS, KPJ_DIGITS);
    if (!parsed) return err('sms_register_malformed');
    return ok({
      kind: 'register',
      kpj: parsed.last,
      birthDate: parsed.date,
      nik: parsed.first,
      form: 'legacy',
    });
  }
  const body = withoutEmail(rest);
  if (!FIELD_TEXT.test(body)) return err('sms_register_malformed');
  const groups = digitGroups(body);
  const current =
    assignFields(groups, KPJ_DIGITS, NIK_DIGITS) ??
    (groups.length === 1 ? positionalFields(groups[0] ?? '') : null);
  if (current) {
    return ok({
      kind: 'register',
      kpj: current.first,
      birthDate: current.date,
      nik: current.last,
      form: 'current',
    });
  }
  // The old order (NIK, date, KPJ) without the word SALDO: the lengths tell the two orders apart.
  const swapped = assignFields(groups, NIK_DIGITS, KPJ_DIGITS);
  if (swapped) {
    return ok({
      kind: 'register',
      kpj: swapped.last,
      birthDate: swapped.date,
      nik: swapped.first,
      form: 'legacy',
    });
  }
  return err('sms_register_malformed');
}

/** The old form ends in an e-mail address; it is not needed and Lumbung does not take it from SMS. */
function withoutEmail(text: string): string {
  return text
    .split(/[\s#*,;]+/)
    .filter((field) => !field.includes('@'))
    .join(' ');
}

type Fields = { readonly first: string; readonly date: CalendarDate; readonly last: string };

/**
 * Splits digit groups into <first> <date> <last> at group boundaries: the first groups must add up to
 * exactly `firstLength` digits and the last to `lastLength`, so '99 0000 0001 8' still reads as one
 * KPJ while the date in between may be '17-08-1990', '17/8/1990' or '17081990'.
 */
function assignFields(groups: readonly string[], firstLength: number, lastLength: number): Fields | null {
  let start = 0;
  let firstDigits = '';
  while (start < groups.length && firstDigits.length < firstLength) firstDigits += groups[start++] ?? '';
  if (firstDigits.length !== firstLength) return null;
  let end = groups.length;
  let lastDigits = '';
  while (end > start && lastDigits.length < lastLength) lastDigits = (groups[--end] ?? '') + lastDigits;
  if (lastDigits.length !== lastLength) return null;
  const date = dateFromGroups(groups.slice(start, end));
  return date === null ? null : { first: firstDigits, date, last: lastDigits };
}

/** All 35 digits typed as one run: KPJ (11), DDMMYYYY (8), NIK (16) by position. */
function positionalFields(digits: string): Fields | null {
  if (digits.length !== KPJ_DIGITS + 8 + NIK_DIGITS) return null;
  const date = dateFromGroups([digits.slice(KPJ_DIGITS, KPJ_DIGITS + 8)]);
  return date === null
    ? null
    : { first: digits.slice(0, KPJ_DIGITS), date, last: digits.slice(KPJ_DIGITS + 8) };
}

/** DDMMYYYY as one group, or day, month and a four-digit year as three. Two-digit years are refused. */
function dateFromGroups(groups: readonly string[]): CalendarDate | null {
  let day: string | undefined;
  let month: string | undefined;
  let year: string | undefined;
  if (groups.length === 1 && groups[0]?.length === 8) {
    const only = groups[0];
    [day, month, year] = [only.slice(0, 2), only.slice(2, 4), only.slice(4)];
  } else if (groups.length === 3) {
    [day, month, year] = groups;
  }
  if (day === undefined || month === undefined || year === undefined) return null;
  if (day.length > 2 || month.length > 2 || year.length !== 4) return null;
  return dateFromParts(Number(year), Number(month), Number(day));
}
