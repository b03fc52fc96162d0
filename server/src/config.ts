// Configuration from the environment, validated once at start. A wrong value stops the server with a
// message naming the variable. Feature settings (SMS, e-mail, bank) add fields here with their parser.
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export type RuntimeEnv = 'development' | 'test' | 'production';

export interface Config {
  readonly env: RuntimeEnv;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly publicUrl: string;
  /** Seed the demo data set into an empty database on start. */
  readonly seedDemo: boolean;
  /** Run the background job worker inside `lumbung serve` (docs/operations.md). */
  readonly jobs: boolean;
  /** 'keyId:base64(32 bytes)' pairs; the first is used to encrypt, all are tried to decrypt. */
  readonly piiKeys: string | undefined;
  readonly blindIndexKey: string | undefined;
  readonly webDistDir: string;
  /** HMAC-SHA256 key the bank signs payment callbacks with (raw body). */
  readonly bankCallbackSecret: string;
  /**
   * Which proxies may set X-Forwarded-For (the client address rate limits count by): none (false), the
   * number of proxy hops in front of the server, or their addresses/CIDRs. Never "everyone".
   */
  readonly trustProxy: TrustProxy;
  /** How often a process checks for rule rows another process added (docs/adr/0005-rule-overrides.md). */
  readonly ruleRefreshSeconds: number;
  /** How long a cached session or balance view may be served at most; 0 turns the caches off. */
  readonly readCacheSeconds: number;
  readonly sms: SmsConfig;
  readonly mail: MailConfig;
}

/** Outgoing e-mail (docs/alerts.md): the development outbox, or SMTP through nodemailer. */
export interface MailConfig {
  readonly adapter: 'outbox' | 'smtp';
  /** smtp://user:pass@host:587 or smtps://…; required for the smtp adapter. */
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

/** The SMS short-code service and its gateway (docs/sms.md). */
export interface SmsConfig {
  readonly adapter: 'console' | 'kannel' | 'webhook';
  readonly shortCode: string;
  /** Shared secret Kannel's get-url (and the DLR url) carry; the inbound Kannel routes are off without it. */
  readonly inboundSecret: string | undefined;
  readonly kannel:
    { readonly sendsmsUrl: string; readonly username: string; readonly password: string } | undefined;
  readonly webhook: { readonly url: string; readonly secret: string } | undefined;
}

export type TrustProxy = false | number | readonly string[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;
type Parser<T> = (raw: string) => T | { error: string };

const problems: string[] = [];

function read<T>(env: Env, name: string, parse: Parser<T>, fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = parse(raw);
  if (value !== null && typeof value === 'object' && 'error' in value) {
    problems.push(
      `${name}: ${value.error} (got ${JSON.stringify(raw.length > 60 ? raw.slice(0, 60) + '…' : raw)})`,
    );
    return fallback;
  }
  return value;
}

const port: Parser<number> = (raw) =>
  /^\d+$/.test(raw) && Number(raw) > 0 && Number(raw) < 65536
    ? Number(raw)
    : { error: 'must be a port 1–65535' };
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) =>
    (values as string[]).includes(raw) ? (raw as T) : { error: `must be one of ${values.join(', ')}` };
const bool: Parser<boolean> = (raw) =>
  ['1', 'true', 'yes'].includes(raw)
    ? true
    : ['0', 'false', 'no'].includes(raw)
      ? false
      : { error: 'must be true or false' };
const text: Parser<string> = (raw) => raw;
const postgresUrl: Parser<string> = (raw) =>
  /^postgres(ql)?:\/\//.test(raw) ? raw : { error: 'must be a postgres:// or postgresql:// URL' };
const httpUrl: Parser<string> = (raw) =>
  /^https?:\/\/[^\s]+$/.test(raw) ? raw.replace(/\/+$/, '') : { error: 'must be an http(s) URL' };
const key32 = (raw: string): boolean =>
  /^[A-Za-z0-9+/]{43}=$/.test(raw) && Buffer.from(raw, 'base64').length === 32;
const piiKeys: Parser<string> = (raw) =>
  raw.split(',').every((pair) => /^[a-z0-9-]{1,16}:/.test(pair) && key32(pair.slice(pair.indexOf(':') + 1)))
    ? raw
    : { error: "must be 'keyId:base64key' pairs separated by commas, each key 32 bytes in base64" };
const secret: Parser<string> = (raw) =>
  raw.length >= 16 ? raw : { error: 'must be at least 16 characters' };
const shortCode: Parser<string> = (raw) =>
  /^\+?\d{3,15}$/.test(raw) ? raw : { error: 'must be 3–15 digits' };
const refreshSeconds: Parser<number> = (raw) =>
  /^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 3600
    ? Number(raw)
    : { error: 'must be 1–3600 seconds' };
const cacheSeconds: Parser<number> = (raw) =>
  /^\d+$/.test(raw) && Number(raw) <= 300 ? Number(raw) : { error: 'must be 0–300 seconds' };
const blindKey: Parser<string> = (raw) => (key32(raw) ? raw : { error: 'must be 32 bytes in base64' });

/** proxy-addr's names for address ranges, accepted beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (entry: string): boolean => {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};
const trustProxy: Parser<TrustProxy> = (raw) => {
  const text = raw.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? hops || false : { error: 'a hop count must be 0–10' };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isProxyAddress)
    ? entries
    : { error: 'must be a hop count or comma-separated proxy addresses/CIDRs (not "true": name them)' };
};

/** Development and test only; production refuses to start with it. */
export const DEV_BANK_CALLBACK_SECRET = 'lumbung-development-bank-callback-secret';

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  problems.length = 0;
  const runtime = read<RuntimeEnv>(
    env,
    'NODE_ENV',
    oneOf('development', 'test', 'production'),
    'development',
  );
  const hostPort = read(env, 'PORT', port, 3000);
  const config: Config = {
    env: runtime,
    host: read(env, 'HOST', text, '127.0.0.1'),
    port: hostPort,
    databaseUrl: read<string | undefined>(env, 'DATABASE_URL', postgresUrl, undefined),
    dataDir: resolve(cwd, read(env, 'LUMBUNG_DATA_DIR', text, './data')),
    logLevel: read(
      env,
      'LOG_LEVEL',
      oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
      'info',
    ),
    publicUrl: read(env, 'LUMBUNG_PUBLIC_URL', httpUrl, `http://localhost:${hostPort}`),
    seedDemo: read(env, 'LUMBUNG_SEED_DEMO', bool, runtime !== 'production'),
    jobs: read(env, 'LUMBUNG_JOBS', bool, true),
    piiKeys: read<string | undefined>(env, 'LUMBUNG_PII_KEYS', piiKeys, undefined),
    blindIndexKey: read<string | undefined>(env, 'LUMBUNG_BLIND_INDEX_KEY', blindKey, undefined),
    webDistDir: resolve(cwd, read(env, 'LUMBUNG_WEB_DIST', text, './web/dist')),
    bankCallbackSecret: read(env, 'LUMBUNG_BANK_CALLBACK_SECRET', text, DEV_BANK_CALLBACK_SECRET),
    trustProxy: read<TrustProxy>(env, 'LUMBUNG_TRUST_PROXY', trustProxy, false),
    ruleRefreshSeconds: read(env, 'LUMBUNG_RULE_REFRESH_SECONDS', refreshSeconds, 60),
    readCacheSeconds: read(env, 'LUMBUNG_READ_CACHE_SECONDS', cacheSeconds, 30),
    sms: readSmsConfig(env),
    mail: readMailConfig(env),
  };
  if (runtime === 'production') {
    if (!config.piiKeys) problems.push('LUMBUNG_PII_KEYS: required in production');
    if (!config.blindIndexKey) problems.push('LUMBUNG_BLIND_INDEX_KEY: required in production');
    if (config.bankCallbackSecret === DEV_BANK_CALLBACK_SECRET) {
      problems.push('LUMBUNG_BANK_CALLBACK_SECRET: required in production');
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

function readSmsConfig(env: Env): SmsConfig {
  const adapter = read(env, 'LUMBUNG_SMS_ADAPTER', oneOf('console', 'kannel', 'webhook'), 'console');
  const sendsmsUrl = read<string | undefined>(env, 'LUMBUNG_KANNEL_SENDSMS_URL', httpUrl, undefined);
  const username = read<string | undefined>(env, 'LUMBUNG_KANNEL_USERNAME', text, undefined);
  const password = read<string | undefined>(env, 'LUMBUNG_KANNEL_PASSWORD', text, undefined);
  const webhookUrl = read<string | undefined>(env, 'LUMBUNG_SMS_WEBHOOK_URL', httpUrl, undefined);
  const webhookSecret = read<string | undefined>(env, 'LUMBUNG_SMS_WEBHOOK_SECRET', secret, undefined);
  const inboundSecret = read<string | undefined>(env, 'LUMBUNG_SMS_INBOUND_SECRET', secret, undefined);
  if (adapter === 'kannel') {
    if (!sendsmsUrl) problems.push('LUMBUNG_KANNEL_SENDSMS_URL: required when LUMBUNG_SMS_ADAPTER=kannel');
    if (!username || !password)
      problems.push('LUMBUNG_KANNEL_USERNAME/PASSWORD: required when LUMBUNG_SMS_ADAPTER=kannel');
    if (!inboundSecret) problems.push('LUMBUNG_SMS_INBOUND_SECRET: required when LUMBUNG_SMS_ADAPTER=kannel');
  }
  if (adapter === 'webhook' && (!webhookUrl || !webhookSecret)) {
    problems.push('LUMBUNG_SMS_WEBHOOK_URL/SECRET: required when LUMBUNG_SMS_ADAPTER=webhook');
  }
  return {
    adapter,
    shortCode: read(env, 'LUMBUNG_SMS_SHORT_CODE', shortCode, '2757'),
    inboundSecret,
    kannel: sendsmsUrl && username && password ? { sendsmsUrl, username, password } : undefined,
    webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : undefined,
  };
}

const smtpUrl: Parser<string> = (raw) =>
  /^smtps?:\/\/[^\s]+$/.test(raw) ? raw : { error: 'must be an smtp:// or smtps:// URL' };
const mailFrom: Parser<string> = (raw) =>
  /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(raw)
    ? raw
    : { error: "must be an address, e.g. 'Lumbung <noreply@example.org>'" };

function readMailConfig(env: Env): MailConfig {
  const adapter = read(env, 'LUMBUNG_MAIL_ADAPTER', oneOf('outbox', 'smtp'), 'outbox');
  const url = read<string | undefined>(env, 'LUMBUNG_SMTP_URL', smtpUrl, undefined);
  if (adapter === 'smtp' && !url) problems.push('LUMBUNG_SMTP_URL: required when LUMBUNG_MAIL_ADAPTER=smtp');
  return {
    adapter,
    smtpUrl: url,
    from: read(env, 'LUMBUNG_MAIL_FROM', mailFrom, 'Lumbung <noreply@lumbung.invalid>'),
  };
}
