// Ledger CLI commands: `seed` (the demo data of a first start, into an empty database), `verify` (prove
// the ledger; exit 1 with the reason when it does not hold) and `jht-return` (declare a year's rate and
// credit it).
import { errorMessage } from '@lumbung/core';
import type { Config } from '../config';
import { declareJhtReturn, runJhtReturn } from '../jht-return/jht-return-service';
import { formatVerifyReport, verifyLedger } from '../ledger/ledger-verify';
import { startRuntime } from '../runtime';
import { printDemoLogins } from '../seed/demo-logins-print';
import { isDatabaseEmpty, seedDemoData } from '../seed/demo-seed';
import type { ServiceContext } from '../services/service-context';

interface Output {
  write(text: string): unknown;
}

/** Returns the exit code: 0 when every check passes, 1 otherwise (the failing checks are printed). */
export async function runVerify(ctx: ServiceContext, out: Output = process.stdout): Promise<number> {
  const report = await verifyLedger(ctx.db);
  out.write(`${formatVerifyReport(report)}\n`);
  return report.isPassed ? 0 : 1;
}

/**
 * Seeds exactly what the first start of `serve` seeds into an empty database (seedDemoData: the ledger
 * history, news, sign-ins and the first contribution-alert run) and prints the sign-ins as serve does.
 */
export async function runSeed(ctx: ServiceContext, out: Output = process.stdout): Promise<number> {
  if (!(await isDatabaseEmpty(ctx))) {
    out.write('the database already holds people; demo data is only seeded into an empty database\n');
    return 1;
  }
  const started = Date.now();
  const { ledger, logins, alerts } = await seedDemoData(ctx);
  out.write(
    `seeded ${ledger.employers.length} employers and ${ledger.members.length} members in ${Date.now() - started} ms\n`,
  );
  for (const member of ledger.members)
    out.write(`  ${member.fullName.padEnd(22)} ${member.email.padEnd(36)} KPJ ${member.kpj.join(', ')}\n`);
  out.write(
    `contribution alerts as of ${alerts.asOf}: ${alerts.findingsOpened} findings, ${alerts.alertsSent} members told in the app (SMS and e-mail queued)\n`,
  );
  printDemoLogins(logins, out);
  return 0;
}

const JHT_RETURN_USAGE = 'usage: lumbung jht-return <year> [--rate <basis points>] [--batch <accounts>]\n';

export async function runJhtReturnCommand(
  ctx: ServiceContext,
  args: readonly string[],
  out: Output = process.stdout,
): Promise<number> {
  const year = Number(args[0]);
  const option = (name: string): string | undefined => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const rate = option('--rate');
  const batch = Number(option('--batch') ?? 1_000);
  if (
    !Number.isInteger(year) ||
    (rate !== undefined && !/^\d+$/.test(rate)) ||
    !Number.isInteger(batch) ||
    batch < 1
  ) {
    process.stderr.write(JHT_RETURN_USAGE);
    return 2;
  }
  if (rate !== undefined) {
    const declared = await declareJhtReturn(ctx, { year, rateBasisPoints: Number(rate), declaredBy: 'cli' });
    // Declared before at this very rate: a retry, so the run resumes. Any other refusal (another rate,
    // a year not over) stops here with the code and its message.
    if (!declared.ok && declared.code !== 'jht_return_already_declared') {
      out.write(
        `cannot declare ${year}: ${declared.code}: ${errorMessage(declared.code, 'en', declared.params)}\n`,
      );
      return 1;
    }
  }
  const result = await runJhtReturn(ctx, year, {
    batchSize: batch,
    onProgress: (p) =>
      out.write(
        `  ${year}: ${p.accountsDone}/${p.accountsTotal ?? '?'} accounts, Rp${p.amountCreditedRupiah} credited\n`,
      ),
  });
  if (!result.ok) {
    out.write(`cannot run ${year}: ${result.code}\n`);
    return 1;
  }
  out.write(
    `JHT return ${year} ${result.value.status}: ${result.value.accountsDone} accounts, Rp${result.value.amountCreditedRupiah}\n`,
  );
  return 0;
}

async function withRuntime(config: Config, run: (ctx: ServiceContext) => Promise<number>): Promise<number> {
  const runtime = await startRuntime(config);
  try {
    return await run(runtime.ctx);
  } finally {
    await runtime.close();
  }
}

export const ledgerCommands = {
  seed: {
    summary: 'seed the demo employers, members and years of contributions into an empty database',
    run: (config: Config) => withRuntime(config, (ctx) => runSeed(ctx)),
  },
  verify: {
    summary:
      'verify the ledger (entries balance, balances = Σ postings, Σ = 0, unique keys); exit 1 on failure',
    run: (config: Config) => withRuntime(config, (ctx) => runVerify(ctx)),
  },
  'jht-return': {
    summary: 'declare (--rate <bp>) and credit the yearly JHT development return; resumable',
    run: (config: Config, args: readonly string[]) =>
      withRuntime(config, (ctx) => runJhtReturnCommand(ctx, args)),
  },
};
