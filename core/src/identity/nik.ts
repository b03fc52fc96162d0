// NIK, the 16-digit national ID number: PP KK CC DDMMYY SSSS (Dukcapil; FACTS.md §8).
import { assert, err, ok, type Result } from '../result';
import { compareDates, dateFromParts, isCalendarDate, type CalendarDate } from '../time/calendar-date';
import { MAX_IDENTIFIER_INPUT_LENGTH, stripSeparators } from './normalise';

export type Sex = 'F' | 'M';

export type ParsedNik = {
  /** The 16 digits, separators removed. */
  readonly nik: string;
  readonly provinceCode: string;
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly birthDate: CalendarDate;
  readonly sex: Sex;
  readonly serial: string;
};

export type NikErrorCode =
  'nik_invalid_format' | 'nik_invalid_province' | 'nik_invalid_birth_date' | 'nik_invalid_serial';

/** Province codes in use (Kemendagri); used for display only, validation checks the range 11–99. */
export const provinceNames: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
};

/** Removes separators; 16 digits or an error. Does not check the date (see parseNik). */
export function normaliseNik(text: string): Result<string, 'nik_invalid_format'> {
  const digits = text.length > MAX_IDENTIFIER_INPUT_LENGTH ? '' : stripSeparators(text);
  return /^\d{16}$/.test(digits) ? ok(digits) : err('nik_invalid_format', undefined, 'nik');
}

/**
 * Parses a NIK. The birth year has two digits, so `asOf` (today, passed in) picks the century: the
 * latest birth date not after asOf. Women have 40 added to the day (Dukcapil; FACTS.md §8).
 */
export function parseNik(text: string, asOf: CalendarDate): Result<ParsedNik, NikErrorCode> {
  assert(isCalendarDate(asOf), `parseNik needs today's date as asOf, got '${asOf}'`);
  const normalised = normaliseNik(text);
  if (!normalised.ok) return normalised;
  const nik = normalised.value;
  const provinceCode = nik.slice(0, 2);
  if (Number(provinceCode) < 11) return err('nik_invalid_province', { province: provinceCode }, 'nik');
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yearTwoDigits = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31 || month < 1 || month > 12) return err('nik_invalid_birth_date', undefined, 'nik');
  const asOfYear = Number(asOf.slice(0, 4));
  const century = Math.floor(asOfYear / 100) * 100;
  let birthDate = dateFromParts(century + yearTwoDigits, month, day);
  if (birthDate === null || compareDates(birthDate, asOf) > 0) {
    birthDate = dateFromParts(century - 100 + yearTwoDigits, month, day);
  }
  if (birthDate === null) return err('nik_invalid_birth_date', undefined, 'nik');
  const serial = nik.slice(12, 16);
  if (serial === '0000') return err('nik_invalid_serial', undefined, 'nik'); // serials start at 0001
  return ok({
    nik,
    provinceCode,
    regencyCode: nik.slice(2, 4),
    districtCode: nik.slice(4, 6),
    birthDate,
    sex,
    serial,
  });
}

/** Shows only the province code and the last four digits: '32**********0001'. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 2)}${'*'.repeat(10)}${nik.slice(12)}` : '*'.repeat(nik.length);
}
