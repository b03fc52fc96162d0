import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** Well-formed keys, so production's own checks pass and a test sees only the variable it sets. */
const productionKeys = {
  LUMBUNG_PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  LUMBUNG_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  LUMBUNG_BANK_CALLBACK_SECRET: 'a-production-bank-secret',
};

describe('config', () => {
  it('has defaults a new user needs nothing for', () => {
    const config = loadConfig({}, '/srv/lumbung');
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/lumbung/data');
    expect(config.seedDemo).toBe(true);
    expect(config.env).toBe('development');
  });

  it('runs the job worker in serve unless LUMBUNG_JOBS turns it off', () => {
    expect(loadConfig({}).jobs).toBe(true);
    expect(loadConfig({ LUMBUNG_JOBS: 'false' }).jobs).toBe(false);
    expect(loadConfig({ LUMBUNG_JOBS: '0' }).jobs).toBe(false);
    expect(() => loadConfig({ LUMBUNG_JOBS: 'sometimes' })).toThrow(/LUMBUNG_JOBS: must be true or false/);
  });

  it('trusts no proxy unless LUMBUNG_TRUST_PROXY names hops or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...productionKeys }).trustProxy).toBe(false);
    expect(loadConfig({ LUMBUNG_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ LUMBUNG_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ LUMBUNG_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'loopback',
    ]);
    for (const wrong of ['true', '*', '11', '10.0.0.0/33', '300.1.1.1', 'fe80::/129', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ LUMBUNG_TRUST_PROXY: wrong }), wrong).toThrow(/LUMBUNG_TRUST_PROXY/);
    }
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
