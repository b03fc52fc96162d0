import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { requestLogger } from './request-logger';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, stream };
}

async function appLoggingAt(level: string) {
  const { lines, stream } = capture();
  const loggerInstance: FastifyBaseLogger = createLogger(level, false, stream);
  const app = Fastify({ loggerInstance, childLoggerFactory: requestLogger });
  app.get('/event', (request) => {
    request.log.info({ member: { nik: '3273014710960010' } }, 'read balance');
    request.log.child({ step: 'inner' }).warn('inner step');
    return { level: request.log.level };
  });
  return { app, lines };
}

describe('request logger', () => {
  it('binds the request id to every line written through the request, redacted as ever', async () => {
    const { app, lines } = await appLoggingAt('info');
    const response = await app.inject({ method: 'GET', url: '/event' });
    expect(response.json()).toEqual({ level: 'info' });
    const [read, inner] = lines().filter((line) => line.msg !== 'incoming request');
    expect(read).toMatchObject({ msg: 'read balance', reqId: 'req-1', member: { nik: '[redacted]' } });
    expect(inner).toMatchObject({ msg: 'inner step', reqId: 'req-1', step: 'inner' });
    expect(JSON.stringify(lines())).not.toContain('3273014710960010');
  });

  it('writes nothing below the configured level, and still writes what is above it', async () => {
    const { app, lines } = await appLoggingAt('warn');
    await app.inject({ method: 'GET', url: '/event' });
    expect(lines().map((line) => line.msg)).toEqual(['inner step']);
    expect(lines()[0]).toMatchObject({ reqId: 'req-1', level: 40 });
  });

  it('binds no child for a request that logs nothing at an enabled level', async () => {
    const logger = createLogger('warn', false, capture().stream);
    const child = logger.child.bind(logger);
    let children = 0;
    logger.child = ((...args: Parameters<typeof child>) => {
      children += 1;
      return child(...args);
    }) as typeof logger.child;
    const app = Fastify({ loggerInstance: logger, childLoggerFactory: requestLogger });
    app.get('/quiet', (request) => {
      request.log.info('below the level');
      return { ok: true };
    });
    await app.ready();
    const atStart = children;
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/quiet' });
    expect(children - atStart).toBe(0);
  });

  it("logs Fastify's own request lines with the request id", async () => {
    const { lines, stream } = capture();
    const app = Fastify({
      loggerInstance: createLogger('info', false, stream),
      childLoggerFactory: requestLogger,
    });
    app.get('/ok', () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/ok' });
    expect(lines().map((line) => [line.msg, line.reqId])).toEqual([
      ['incoming request', 'req-1'],
      ['request completed', 'req-1'],
    ]);
  });

  it('builds an ordinary child when a route sets its own log level', async () => {
    const { lines, stream } = capture();
    const app = Fastify({
      loggerInstance: createLogger('warn', false, stream),
      childLoggerFactory: requestLogger,
    });
    app.get('/chatty', { logLevel: 'debug' }, (request) => {
      request.log.debug('route detail');
      return { ok: true };
    });
    await app.inject({ method: 'GET', url: '/chatty' });
    expect(lines().find((line) => line.msg === 'route detail')).toMatchObject({ reqId: 'req-1', level: 20 });
  });
});
