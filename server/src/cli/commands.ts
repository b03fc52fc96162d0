// The command table of the `lumbung` CLI. A feature adds its command here.
import type { Config } from '../config';
import { currentTotp } from '../identity/totp';
import { startRuntime } from '../runtime';
import {
  alertsRunCommand,
  alertsRunSummary,
  notificationsSendCommand,
  notificationsSendSummary,
} from './alert-commands';
import { writeRulesDoc, RULES_DOC_PATH } from '../docs/rules-doc';
import { claimsExpireCommand, claimsExpireSummary } from './claim-commands';
import {
  jobsListCommand,
  jobsListSummary,
  jobsRetryCommand,
  jobsRetrySummary,
  jobsRunDueCommand,
  jobsRunDueSummary,
} from './job-commands';
import { ledgerCommands } from './ledger-commands';
import { serveCommand } from './serve-command';
import { smsCommand, smsCommandSummary } from './sms-commands';

export interface Command {
  readonly summary: string;
  run(config: Config, args: readonly string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'start the HTTP server (migrates first; seeds demo data into an empty database)',
    run: async (config) => {
      await serveCommand(config);
      return new Promise<number>(() => undefined);
    },
  },
  migrate: {
    summary: 'apply pending database migrations and exit',
    run: async (config) => {
      const runtime = await startRuntime(config);
      await runtime.close();
      process.stdout.write('migrations are up to date\n');
      return 0;
    },
  },
  totp: {
    summary: 'print the current authenticator code for a base32 TOTP secret (demo staff sign-in)',
    run: async (_config, args) => {
      const secret = args[0];
      if (!secret || !/^[A-Z2-7]{16,}=*$/i.test(secret)) {
        process.stderr.write('usage: lumbung totp <base32-secret>\n');
        return 2;
      }
      process.stdout.write(`${currentTotp(secret.toUpperCase(), new Date())}\n`);
      return 0;
    },
  },
  sms: { summary: smsCommandSummary, run: smsCommand },
  'alerts:run': { summary: alertsRunSummary, run: alertsRunCommand },
  'notifications:send': {
    summary: notificationsSendSummary,
    run: (config) => notificationsSendCommand(config),
  },
  jobs: { summary: jobsListSummary, run: jobsListCommand },
  'jobs:run-due': { summary: jobsRunDueSummary, run: jobsRunDueCommand },
  'jobs:retry': { summary: jobsRetrySummary, run: jobsRetryCommand },
  'claims:expire': { summary: claimsExpireSummary, run: claimsExpireCommand },
  ...ledgerCommands,
  'docs:rules': {
    summary: 'regenerate docs/rules.md from the rule tables in core/',
    run: async () => {
      await writeRulesDoc();
      process.stdout.write(`wrote ${RULES_DOC_PATH}\n`);
      return 0;
    },
  },
};
