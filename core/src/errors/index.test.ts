import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessages, isErrorCode } from './index';
import { interpolate } from './message';

describe('error messages', () => {
  it('has a non-empty Indonesian and English message for every code', () => {
    for (const [code, message] of Object.entries(errorMessages)) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(message.id.trim().length, code).toBeGreaterThan(3);
      expect(message.en.trim().length, code).toBeGreaterThan(3);
      expect(message.id, code).not.toBe(message.en);
    }
  });

  it('interpolates params and leaves unknown placeholders visible', () => {
    expect(interpolate('ends on {date}', { date: '12-01-2026' })).toBe('ends on 12-01-2026');
    expect(interpolate('ends on {date}', {})).toBe('ends on {date}');
  });

  it('knows its codes', () => {
    expect(isErrorCode('not_found')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(errorMessage('not_found', 'en')).toBe('Not found.');
  });
});
