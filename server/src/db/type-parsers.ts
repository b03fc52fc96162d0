// One set of type parsers for both backends: bigint and numeric become safe integers (money is whole
// Rupiah), date stays a plain 'YYYY-MM-DD' string (no time-zone trap), timestamptz becomes a Date.
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export function parseInteger(text: string): number {
  if (!/^-?\d+$/.test(text)) {
    throw new Error(`expected an integer from the database, got ${JSON.stringify(text)}`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`integer ${text} from the database is beyond the safe range`);
  }
  return value;
}

/** numeric arrives from SUM(bigint): integral by construction. A fraction is a programmer error. */
export function parseNumeric(text: string): number {
  return parseInteger(text.replace(/\.0+$/, ''));
}

export function parseDate(text: string): string {
  return text;
}

export const typeParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.INT8]: parseInteger,
  [OID.NUMERIC]: parseNumeric,
  [OID.DATE]: parseDate,
};
