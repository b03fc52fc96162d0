// The SQL of migration 0008 repeats one rule of the core: the partial unique index that allows one open
// claim per KPJ and programme lists exactly the core's open statuses (derived from the state machine).
import { readFileSync } from 'node:fs';
import { OPEN_CLAIM_STATUSES } from '@lumbung/core';
import { describe, expect, it } from 'vitest';

const migration = readFileSync(new URL('../../migrations/0008_claims.sql', import.meta.url), 'utf8');

describe('migration 0008 and the core', () => {
  it('limits open claims with the same statuses as OPEN_CLAIM_STATUSES', () => {
    const index = /create unique index claims_one_open_idx[^;]*where status in \(([^)]*)\)/s.exec(migration);
    const statuses = (index?.[1] ?? '').split(',').map((status) => status.trim().replace(/'/g, ''));
    expect(statuses).toEqual([...OPEN_CLAIM_STATUSES]);
  });
});
