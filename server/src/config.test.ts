import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has defaults a new user needs nothing for', () => {
    const config = loadConfig({}, '/srv/lumbung');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/lumbung/data');
    expect(config.seedDemo).toBe(true);
    expect(config.env).toBe('development');
  });

  it('names every wrong variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('requires real keys in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LUMBUNG_PII_KEYS: required in production/);
    expect(() => loadConfig({ LUMBUNG_PII_KEYS: 'k1:short' })).toThrow(/LUMBUNG_PII_KEYS/);
  });
});
