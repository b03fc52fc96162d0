import { describe, expect, it } from 'vitest';
import { isRulesDocFresh } from './rules-doc';

describe('docs/rules.md', () => {
  it('matches the rule tables in the core (regenerate with `npm run lumbung -- docs:rules`)', async () => {
    expect(await isRulesDocFresh()).toBe(true);
  });
});
