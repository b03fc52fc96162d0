// `lumbung claims:expire [--max-days N]`: approved claims not paid within N days (default 30) of the
// decision expire and their ledger holds are released. Schedule it daily; a second run the same day
// finds nothing more to do. Claims waiting in a bank payment file the bank has not answered are left
// alone and counted, so an operator sees them.
import type { Config } from '../config';
import { DEFAULT_EXPIRY_DAYS, expireApprovedClaims } from '../claims/claim-payment-service';
import { startRuntime } from '../runtime';
import type { ServiceContext } from '../services/service-context';

export const claimsExpireSummary = `expire approved claims not paid within --max-days (default ${DEFAULT_EXPIRY_DAYS}) and release their holds; run daily`;

const USAGE = 'usage: lumbung claims:expire [--max-days N]   (N between 1 and 365)\n';
const MAX_DAYS_LIMIT = 365;

interface Output {
  write(text: string): unknown;
}

function parseMaxDays(args: readonly string[]): number | null {
  let maxDays = DEFAULT_EXPIRY_DAYS;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    let value: string | undefined;
    if (arg === '--max-days') {
      value = args[index + 1];
      index += 1;
    } else {
      value = /^--max-days=(.*)$/.exec(arg)?.[1];
    }
    if (value === undefined || !/^\d{1,3}$/.test(value)) return null;
    maxDays = Number(value);
  }
  return maxDays >= 1 && maxDays <= MAX_DAYS_LIMIT ? maxDays : null;
}

/** Returns the exit code: 0 after a run, 2 for a wrong argument. */
export async function runClaimsExpire(
  ctx: ServiceContext,
  args: readonly string[],
  out: Output = process.stdout,
  errors: Output = process.stderr,
): Promise<number> {
  const maxDays = parseMaxDays(args);
  if (maxDays === null) {
    errors.write(USAGE);
    return 2;
  }
  const run = await expireApprovedClaims(ctx, maxDays);
  out.write(
    `claims not paid within ${maxDays} days: ${run.expired} expired (holds released), ` +
      `${run.awaitingBank} left waiting for a bank result\n`,
  );
  return 0;
}

export async function claimsExpireCommand(config: Config, args: readonly string[]): Promise<number> {
  if (parseMaxDays(args) === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const runtime = await startRuntime(config);
  try {
    return await runClaimsExpire(runtime.ctx, args);
  } finally {
    await runtime.close();
  }
}
