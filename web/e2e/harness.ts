// Browser-test harness: builds the web app, starts the real server as a child process on a free port
// with a throw-away data directory, drives Debian's chromium through playwright-core, saves
// screenshots under test-artifacts/web/, and runs axe-core on each page.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const isE2eRequired = process.env.LUMBUNG_E2E === '1';
/** Run the browser suites when chromium is there; LUMBUNG_E2E=1 makes a missing chromium a failure. */
export const shouldRun = hasChromium || isE2eRequired;
export const skipReason = `browser tests skipped: ${chromiumPath} not found (apt-get install chromium; set LUMBUNG_E2E=1 to require them)`;
export const e2eTimeoutMs = 180_000;

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const artifactsDir = join(repoRoot, 'test-artifacts', 'web');

export const viewports = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof viewports;

export async function buildWeb(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, under which Vite builds a development bundle (React's development build,
  // import.meta.env.PROD false, so no service worker): build what `npm start` serves instead.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(repoRoot, 'web', 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningServer {
  readonly baseUrl: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/** Builds the app into a temp dir and starts `lumbung serve` on it with a fresh embedded database. */
export async function startServer(): Promise<RunningServer> {
  const workDir = mkdtempSync(join(tmpdir(), 'lumbung-e2e-'));
  const webDist = join(workDir, 'dist');
  await buildWeb(webDist);
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LUMBUNG_DATA_DIR: join(workDir, 'data'),
      LUMBUNG_WEB_DIST: webDist,
      LUMBUNG_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 90 s:\n${log}`);
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    baseUrl,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseUrl: string,
  viewport: ViewportName,
  options: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: viewports[viewport],
    deviceScaleFactor: 1,
    isMobile: viewport === 'mobile',
    hasTouch: viewport === 'mobile',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: options.serviceWorkers ?? 'block',
    acceptDownloads: true,
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const size = page.viewportSize();
  const file = join(artifactsDir, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`);
  // A sticky header is drawn where the viewport was: scroll to the top so it sits at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  // A fixed bottom tab bar is painted where the viewport ended, mid-page, on a page taller than it.
  const isTaller = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);
  await page.screenshot({
    path: file,
    fullPage: true,
    ...(isTaller ? { style: '.tabbar { visibility: hidden !important; }' } : {}),
  });
  return file;
}

export interface AxeProblem {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core with the WCAG 2.x A/AA rules; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
