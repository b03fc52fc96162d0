// Structured logs with PII redacted: secrets and personal data never reach a log line.
import pino, { type Logger } from 'pino';

/** Keys whose values are secrets or personal data, wherever they appear in a log object. */
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'nik',
  'phone',
  'email',
  'otp',
  'address',
  'bankAccount',
  'accountNumber',
  'motherMaidenName',
  'token',
  'secret',
  'totpSecret',
] as const;

// pino's redaction matches fixed paths, so each key is listed at the top level and two levels down
// (`*.key`, `*.*.key`): deep enough for the objects services log (`{ member: { nik } }`).
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  // A one-time code sits inside a body or a message; a top-level `code` is a problem code (`otp_expired`).
  '*.code',
  '*.*.code',
];

interface LoggedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly hostname?: string;
  readonly ip?: string;
  readonly id?: string;
}

/**
 * The request as logged: without its query string, which can carry an identifier (the development
 * outbox's `?to=<phone>`, a search) that the redaction paths cannot see inside a URL.
 */
export function serializeRequest(request: LoggedRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: request.url?.split('?')[0],
    host: request.hostname,
    remoteAddress: request.ip,
  };
}

export function createLogger(level: string, pretty = false, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
