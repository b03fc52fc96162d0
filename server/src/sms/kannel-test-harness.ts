// Runs a real Kannel for the integration test: bearerbox with a `fake` SMSC, smsbox pointing its
// get-url at Lumbung, and fakesmsc as the handset side. Everything listens on 127.0.0.1 on free ports,
// runs in its own process group and is killed by stop(), also when start() fails half-way.
//
// Every child's stderr is read to the end. gwlib writes each log line to stderr as well as to the
// log-file, with a blocking write(): an unread pipe fills up (~200 KB of socket buffer), the writing
// thread blocks holding the log lock, and smsbox silently stops calling Lumbung (docs/sms.md, Kannel).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const KANNEL_BINARIES = {
  bearerbox: '/usr/sbin/bearerbox',
  smsbox: '/usr/sbin/smsbox',
  fakesmsc: '/usr/lib/kannel/test/fakesmsc',
} as const;

export function isKannelInstalled(): boolean {
  return Object.values(KANNEL_BINARIES).every((path) => existsSync(path));
}

/** Free TCP ports on 127.0.0.1 (held open together so they differ, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = createServer();
      return new Promise<ReturnType<typeof createServer>>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(server)),
      );
    }),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export interface KannelPorts {
  readonly admin: number;
  readonly smsbox: number;
  readonly fakeSmsc: number;
  readonly sendsms: number;
}

export interface KannelOptions {
  readonly ports: KannelPorts;
  readonly getUrl: string;
  readonly username: string;
  readonly password: string;
}

export function kannelConf(dir: string, options: KannelOptions): string {
  const { ports } = options;
  return `group = core
admin-port = ${ports.admin}
admin-interface = 127.0.0.1
admin-password = lumbung-admin
smsbox-port = ${ports.smsbox}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "${join(dir, 'bearerbox.log')}"
log-level = 0
dlr-storage = internal
http-timeout = 5

group = smsc
smsc = fake
smsc-id = fake
port = ${ports.fakeSmsc}
our-host = 127.0.0.1
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${ports.smsbox}
sendsms-port = ${ports.sendsms}
sendsms-interface = 127.0.0.1
log-file = "${join(dir, 'smsbox.log')}"
log-level = 0
http-request-retry = 3
http-queue-delay = 1

group = sendsms-user
username = ${options.username}
password = ${options.password}

group = sms-service
keyword = default
catch-all = true
get-url = "${options.getUrl}"
accept-x-kannel-headers = true
max-messages = 3
concatenation = true
omit-empty = true
`;
}

export interface ReceivedSms {
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

/** Reads fakesmsc's "Got message N: <from to text|data|udh … body>" lines. */
export function parseFakesmscLine(line: string): ReceivedSms | null {
  const match = /Got message \d+: <(\S+) (\S+) (text|data|udh \S+) (.*)>$/.exec(line);
  if (!match) return null;
  const [, from = '', to = '', type = '', body = ''] = match;
  const text = type === 'text' ? body : decodeURIComponent(body.replace(/\+/g, ' '));
  return { from, to, text };
}

/** Characters of each program's stderr kept for failure messages. */
const STDERR_TAIL_CHARS = 4_000;

/** Process groups of every harness still running: killed if the test process exits without stop(). */
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
});

export class KannelHarness {
  private readonly children: ChildProcess[] = [];
  private readonly stderrTails = new Map<string, string>();
  private fakesmsc: ChildProcess | undefined;
  readonly received: ReceivedSms[] = [];

  private constructor(
    readonly dir: string,
    readonly options: KannelOptions,
  ) {}

  /** Starts bearerbox, smsbox and fakesmsc; if any step fails, stops what it started and rethrows. */
  static async start(options: KannelOptions): Promise<KannelHarness> {
    const dir = await mkdtemp(join(tmpdir(), 'lumbung-kannel-'));
    const harness = new KannelHarness(dir, options);
    try {
      const conf = join(dir, 'kannel.conf');
      await writeFile(conf, kannelConf(dir, options));
      // -v 2: warnings and errors on stderr; the log-file keeps everything (log-level 0).
      harness.spawn('bearerbox', KANNEL_BINARIES.bearerbox, ['-v', '2', conf]);
      await harness.waitFor(async () => (await harness.status()) !== null, 'bearerbox admin port');
      harness.spawn('smsbox', KANNEL_BINARIES.smsbox, ['-v', '2', conf]);
      await harness.connectFakesmsc();
      await harness.waitFor(async () => {
        const status = (await harness.status()) ?? '';
        return /smsbox:[^\n]*127\.0\.0\.1/.test(status) && /fake[^\n]*online/i.test(status);
      }, 'smsbox and fakesmsc connected');
      return harness;
    } catch (error) {
      await harness.stop();
      throw error;
    }
  }

  private spawn(
    name: string,
    command: string,
    args: string[],
    options: { stdin?: 'pipe'; onLine?: (line: string) => void } = {},
  ): ChildProcess {
    // detached: its own process group, so stop() can kill it with everything it forked.
    const child = spawn(command, args, {
      detached: true,
      stdio: [options.stdin ?? 'ignore', 'ignore', 'pipe'],
    });
    this.children.push(child);
    if (child.pid !== undefined) liveGroups.add(child.pid);
    child.once('exit', () => {
      if (child.pid !== undefined) liveGroups.delete(child.pid);
    });
    const keep = (text: string): void => {
      this.stderrTails.set(name, ((this.stderrTails.get(name) ?? '') + text).slice(-STDERR_TAIL_CHARS));
    };
    child.on('error', (error) => keep(`\n[spawn ${command}: ${error.message}]\n`));
    let partial = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      keep(chunk);
      if (!options.onLine) return;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    });
    return child;
  }

  private async connectFakesmsc(): Promise<void> {
    const { fakeSmsc } = this.options.ports;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const child = this.spawn(
        'fakesmsc',
        KANNEL_BINARIES.fakesmsc,
        ['-H', '127.0.0.1', '-r', String(fakeSmsc)],
        { stdin: 'pipe', onLine: (line) => this.onFakesmscLine(line) },
      );
      const exited = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 500);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!exited) {
        this.fakesmsc = child;
        return;
      }
    }
    throw new Error(`fakesmsc could not connect to bearerbox:\n${await this.logs()}`);
  }

  private onFakesmscLine(line: string): void {
    const sms = parseFakesmscLine(line.trim());
    if (sms) this.received.push(sms);
  }

  /** Injects a mobile-originated SMS at the fake SMSC. */
  send(from: string, to: string, text: string): void {
    if (!this.fakesmsc?.stdin) throw new Error('fakesmsc is not running');
    this.fakesmsc.stdin.write(`${from} ${to} text ${text}\n`);
  }

  /** Waits for the next SMS fakesmsc receives for `to`, after the first `skip` ones. */
  async nextFor(to: string, skip: number, timeoutMs = 15_000): Promise<ReceivedSms> {
    let found: ReceivedSms | undefined;
    await this.waitFor(
      async () => {
        found = this.received.filter((sms) => sms.to === to)[skip];
        return found !== undefined;
      },
      `an SMS to ${to}`,
      timeoutMs,
    );
    return found!;
  }

  async status(): Promise<string | null> {
    try {
      const response = await fetch(
        `http://127.0.0.1:${this.options.ports.admin}/status.txt?password=lumbung-admin`,
        {
          signal: AbortSignal.timeout(1_000),
        },
      );
      return await response.text();
    } catch {
      return null;
    }
  }

  async waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}\n${await this.logs()}`);
  }

  async logs(): Promise<string> {
    const tail = async (name: string): Promise<string> =>
      (await readFile(join(this.dir, name), 'utf8').catch(() => '')).split('\n').slice(-30).join('\n');
    const stderr = [...this.stderrTails].map(([name, text]) => `--- ${name} stderr\n${text}`).join('\n');
    return `--- bearerbox.log\n${await tail('bearerbox.log')}\n--- smsbox.log\n${await tail('smsbox.log')}\n${stderr}`;
  }

  /** Kills every process group this harness started (TERM, then KILL) and removes the temp dir. */
  async stop(): Promise<void> {
    const running = this.children.filter(
      (child) => child.pid !== undefined && child.exitCode === null && child.signalCode === null,
    );
    const exits = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of running) signalGroup(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => running.forEach((child) => signalGroup(child.pid!, 'SIGKILL')), 3_000);
    await Promise.all(exits);
    clearTimeout(timer);
    if (!process.env.KEEP_KANNEL_DIR) await rm(this.dir, { recursive: true, force: true });
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}
