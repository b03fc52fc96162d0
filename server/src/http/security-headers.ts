// Security headers (helmet's set: CSP, HSTS, nosniff, frame and referrer policies …) computed once at
// start and copied onto every response. @fastify/helmet rebuilds the helmet middleware and re-parses
// the CSP on every request, which cost about a tenth of a simple route's time under load.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for these options, as name → value (names in lower case). */
export function securityHeadersFor(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: number | string | readonly string[]): void {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string): void {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  // Every option here is static (no per-request directive functions), so no request is needed.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure instanceof Error) throw failure;
  if (failure !== undefined) throw new Error('helmet refused the security header options');
  return Object.freeze(headers);
}
