// The load generator, run as its own process (so it does not share the server's event loop): autocannon
// against one URL for a bounded time, rotating through the given requests (e.g. one session cookie per
// signed-in member, one signed SMS per phone). Reads its job as JSON on stdin, prints the summary as JSON.
import autocannon from 'autocannon';

export interface LoadJob {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly requests: ReadonlyArray<{
    readonly method: 'GET' | 'POST';
    readonly path: string;
    readonly headers?: Record<string, string>;
    readonly body?: string;
  }>;
}

export interface LoadSummary {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

const job = JSON.parse(await readStdin()) as LoadJob;
let next = 0;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  timeout: 10,
  requests: [
    {
      setupRequest: (request) => {
        const pick = job.requests[next++ % job.requests.length]!;
        return {
          ...request,
          method: pick.method,
          path: pick.path,
          headers: { ...request.headers, ...pick.headers },
          ...(pick.body === undefined ? {} : { body: pick.body }),
        };
      },
    },
  ],
});
const summary: LoadSummary = {
  requestsPerSecond: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
