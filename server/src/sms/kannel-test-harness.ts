// Runs a real Kannel for the integration test: bearerbox with a `fake` SMSC, smsbox pointing its
// get-url at Lumbung, and fakesmsc as the handset side. Everything listens on 127.0.0.1 on free ports,
// runs in its own process group and is killed by stop().
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

export class KannelHarness {
  private readonly children: ChildProcess[] = [];
  private fakesmsc: ChildProcess | undefined;
  private fakesmscOutput = '';
  readonly received: ReceivedSms[] = [];

  private constructor(
    readonly dir: string,
    readonly options: KannelOptions,
  ) {}

  static async start(options: KannelOptions): Promise<KannelHarness> {
    const dir = await mkdtemp(join(tmpdir(), 'lumbung-kannel-'));
    const harness = new KannelHarness(dir, options);
    const conf = join(dir, 'kannel.conf');
    await writeFile(conf, kannelConf(dir, options));
    harness.spawn(KANNEL_BINARIES.bearerbox, [conf]);
    await harness.waitFor(async () => (await harness.status()) !== null, 'bearerbox admin port');
    harness.spawn(KANNEL_BINARIES.smsbox, [conf]);
    await harness.connectFakesmsc();
    await harness.waitFor(async () => {
      const status = (await harness.status()) ?? '';
      return /smsbox:[^\n]*127\.0\.0\.1/.test(status) && /fake[^\n]*online/i.test(status);
    }, 'smsbox and fakesmsc connected');
    return harness;
  }

  private spawn(command: string, args: string[]): ChildProcess {
    // detached: its own process group, so stop() can kill it with everything it forked.
    const child = spawn(command, args, { detached: true, stdio: ['pipe', 'ignore', 'pipe'] });
    this.children.push(child);
    return child;
  }

  private async connectFakesmsc(): Promise<void> {
    const { fakeSmsc } = this.options.ports;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const child = this.spawn(KANNEL_BINARIES.fakesmsc, ['-H', '127.0.0.1', '-r', String(fakeSmsc)]);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => this.onFakesmscOutput(chunk));
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
    throw new Error(`fakesmsc could not connect to bearerbox:\n${this.fakesmscOutput.slice(-2000)}`);
  }

  private onFakesmscOutput(chunk: string): void {
    this.fakesmscOutput = (this.fakesmscOutput + chunk).slice(-200_000);
    for (const line of chunk.split('\n')) {
      const sms = parseFakesmscLine(line.trim());
      if (sms) this.received.push(sms);
    }
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
    return `--- bearerbox.log\n${await tail('bearerbox.log')}\n--- smsbox.log\n${await tail('smsbox.log')}\n--- fakesmsc\n${this.fakesmscOutput.slice(-3000)}`;
  }

  /** Kills every process group this harness started (TERM, then KILL) and removes the temp dir. */
  async stop(): Promise<void> {
    const running = this.children.filter(
      (child) => child.pid !== undefined && child.exitCode === null && child.signalCode === null,
    );
    const exits = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of running) killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => running.forEach((child) => killGroup(child, 'SIGKILL')), 3_000);
    await Promise.all(exits);
    clearTimeout(timer);
    if (!process.env.KEEP_KANNEL_DIR) await rm(this.dir, { recursive: true, force: true });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
