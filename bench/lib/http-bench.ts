// HTTP benchmark plumbing: the real app and a bare Fastify route listening on 127.0.0.1, real member
// sign-ins over HTTP (password, then the new-device code from the development outbox), and bounded
// autocannon runs in a separate process.
import { spawn } from 'node:child_process';
import Fastify, { type FastifyInstance } from 'fastify';
import { flushDeliveries } from '../../server/src/delivery/delivery-port';
import { readOutbox } from '../../server/src/delivery/outbox-adapter';
import { buildApp, type App } from '../../server/src/http/app';
import { createMemberUser } from '../../server/src/identity/user-store';
import type { ServiceContext } from '../../server/src/services/service-context';
import type { LoadJob, LoadSummary } from './load-client';

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance | App): Promise<Listening> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export async function startApp(ctx: ServiceContext): Promise<Listening> {
  const app = await buildApp(ctx);
  return listen(app);
}

/** The ceiling: Fastify answering a fixed JSON body of about the same size, no database, no session. */
export async function startBareServer(body: unknown): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.get('/bare', () => body);
  return listen(app);
}

const PASSWORD = 'bench-kebun-kopi-lembang';

export interface SignedIn {
  /** 'lumbung_session=…' for the cookie header. */
  readonly cookie: string;
  /** Needed in x-csrf-token on cookie-authenticated writes. */
  readonly csrfToken: string;
}

/** Creates member users for the given persons and signs each in over HTTP; returns their sessions. */
export async function signInMembers(
  ctx: ServiceContext,
  baseUrl: string,
  personIds: readonly number[],
): Promise<SignedIn[]> {
  const sessions: SignedIn[] = [];
  for (const personId of personIds) {
    const email = `bench-${personId}@bench.invalid`;
    await createMemberUser(ctx, { personId, password: PASSWORD, email });
    const first = await postJson(baseUrl, '/api/v1/auth/sign-in', { identifier: email, password: PASSWORD });
    if (first.body.status !== 'code_required') throw new Error(`sign-in: ${JSON.stringify(first.body)}`);
    await flushDeliveries();
    const [message] = await readOutbox(ctx, email, 1);
    const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
    if (!code) throw new Error(`no sign-in code for ${email}`);
    const second = await postJson(baseUrl, '/api/v1/auth/sign-in/verify', {
      challengeId: first.body.challengeId,
      code,
    });
    const cookie = /lumbung_session=([^;]+)/.exec(second.setCookie)?.[1];
    if (second.status !== 200 || !cookie) throw new Error(`sign-in verify: ${second.status}`);
    sessions.push({ cookie: `lumbung_session=${cookie}`, csrfToken: String(second.body.csrfToken) });
  }
  return sessions;
}

async function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown>; setCookie: string }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    setCookie: response.headers.get('set-cookie') ?? '',
  };
}

/** Runs autocannon in a child process and returns its summary. */
export async function runLoad(job: LoadJob): Promise<LoadSummary> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/load-client.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(JSON.stringify(job));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`load client exited with ${code}`);
  const line = output.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as LoadSummary;
}

/** Person ids spread evenly over the dataset, so the load does not read one hot row. */
export async function spreadPersonIds(ctx: ServiceContext, count: number): Promise<number[]> {
  const rows = await ctx.db.selectFrom('member_accounts').select('person_id').orderBy('person_id').execute();
  const step = Math.max(1, Math.floor(rows.length / count));
  return Array.from({ length: Math.min(count, rows.length) }, (_, i) => rows[i * step]!.person_id);
}
