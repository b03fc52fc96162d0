import { describe, expect, it } from 'vitest';
import { securityHeadersFor } from './security-headers';

describe('security headers computed once', () => {
  it('carries helmet’s headers for the options, CSP included', () => {
    const headers = securityHeadersFor({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: false,
    });
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers).not.toHaveProperty('strict-transport-security');
  });

  it('adds HSTS only when asked', () => {
    expect(securityHeadersFor({ strictTransportSecurity: true })['strict-transport-security']).toMatch(
      /^max-age=\d+/,
    );
  });
});
