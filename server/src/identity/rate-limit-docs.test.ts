// docs/security.md lists every rate limit with its maximum and window exactly as LIMITS has them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './rate-limit';

const securityDoc = fileURLToPath(new URL('../../../docs/security.md', import.meta.url));

function windowText(windowMs: number): string {
  const minutes = windowMs / 60_000;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

/** `name → [max, window]` from the table between the rate-limit markers. */
function documentedLimits(text: string): Map<string, [string, string]> {
  const start = text.indexOf('<!-- rate-limit-table:begin -->');
  const end = text.indexOf('<!-- rate-limit-table:end -->');
  const rows = new Map<string, [string, string]>();
  for (const line of text.slice(start, end).split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, [cells[3] ?? '', cells[4] ?? '']);
  }
  return rows;
}

describe('docs/security.md rate-limit table', () => {
  it('shows every limit of LIMITS, and only those, with its maximum and window', () => {
    const documented = documentedLimits(readFileSync(securityDoc, 'utf8'));
    const expected = new Map(
      Object.values(LIMITS).map((limit) => [limit.name, [String(limit.max), windowText(limit.windowMs)]]),
    );
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(expected));
  });
});
