import { describe, expect, it } from 'vitest';
import { judgeMonth } from './contribution-advice';

describe('judgeMonth', () => {
  it.each([
    ['paid', false, 'none'],
    ['pending', false, 'wait'],
    ['late', true, 'none'],
    ['missing', true, 'report'],
    ['underpaid', true, 'report'],
  ] as const)('%s → flagged %s, advice %s', (status, isFlagged, advice) => {
    expect(judgeMonth(status)).toEqual({ isFlagged, advice });
  });
});
