import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key';

describe('nameKey', () => {
  it.each([
    ['Siti  Nur-Aisyah', 'sitinuraisyah'],
    ['SITI NUR AISYAH', 'sitinuraisyah'],
    ["Ni Luh Putu Ayu'", 'niluhputuayu'],
    ['Dr. Bambang S., S.E.', 'drbambangsse'],
    ['José', 'jose'],
  ])('%s → %s', (input, key) => {
    expect(nameKey(input)).toBe(key);
  });
});
