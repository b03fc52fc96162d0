// Builds the HTTP server: security headers, cookies, problem responses, per-route access, the OpenAPI
// document, every feature's routes under /api/v1, and the web app at /.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TrustProxy } from '../config';
import type { ServiceContext } from '../services/service-context';
import { securityHeadersFor } from './security-headers';
import { accessHook, assertRouteDeclaresAccess } from './access';
import { fieldProblem, sendProblem } from './problem';
import { requestLogger } from './request-logger';
import { registerRoutes } from './routes';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppOptions {
  /** Serve the built web app from this directory when it exists. */
  readonly webDistDir?: string;
}

/** A hop count trusts that many proxies nearest the server; a list trusts those addresses only. */
function trustProxyOption(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

export async function buildApp(ctx: ServiceContext, options: AppOptions = {}): Promise<App> {
  const loggerInstance: FastifyBaseLogger = ctx.log;
  const app = Fastify({
    loggerInstance,
    childLoggerFactory: requestLogger,
    // Only named proxies may set the client address (X-Forwarded-For) that per-IP limits count by.
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => assertRouteDeclaresAccess(route));

  const securityHeaders = securityHeadersFor({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: ctx.config.env === 'production',
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(securityHeaders);
  });
  await app.register(cookie);
  // Limits are opted into per route (config.rateLimit); credential and code paths set their own.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lumbung API',
        version: '1',
        description:
          'Member, employer and staff API of Lumbung. Errors are RFC 9457 problem documents with a stable `code`.',
      },
      servers: [{ url: ctx.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lumbung_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });

  app.addHook('onRequest', accessHook(ctx));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const errors = error.validation.map((issue) =>
        fieldProblem({
          ok: false,
          code: 'validation_failed',
          field:
            issue.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
            String((issue.params as { missingProperty?: string }).missingProperty ?? ''),
        }),
      );
      return sendProblem(request, reply, 'validation_failed', errors);
    }
    if (error.statusCode === 429) return sendProblem(request, reply, 'rate_limited');
    if (error.statusCode === 413) return sendProblem(request, reply, 'payload_too_large');
    if (error.statusCode === 415) return sendProblem(request, reply, 'unsupported_media_type');
    if (error.statusCode === 400) return sendProblem(request, reply, 'validation_failed');
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal_error');
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  await registerRoutes(app, ctx);

  const webDist = options.webDistDir;
  const indexHtml = webDist ? join(webDist, 'index.html') : undefined;
  if (webDist && indexHtml && existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html');
    if (isPage && indexHtml && existsSync(indexHtml)) {
      return reply.sendFile('index.html');
    }
    return sendProblem(request, reply, 'not_found');
  });

  return app;
}
