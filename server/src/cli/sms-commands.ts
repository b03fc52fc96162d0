// `lumbung sms <phone> "<text>"`: the development simulator on the command line. Sends the text as
// that number through the same service the gateways use, and prints the reply. Real links and the
// real ledger of the configured database are used; nothing is sent to a gateway.
import type { Config } from '../config';
import { createLogger } from '../logger';
import { startRuntime } from '../runtime';
import type { ServiceContext } from '../services/service-context';
import { ledgerSmsBalanceReader } from '../sms/sms-balance';
import { applyDeliveryStatus } from '../sms/sms-message-log';
import { handleInboundSms, type SmsServiceDeps } from '../sms/sms-service';

export const smsCommandSummary = 'simulate an SMS to the short code: sms <phone> "<text>" prints the reply';

const SMS_USAGE = 'usage: lumbung sms <phone> "<text>"   e.g. lumbung sms 081234567890 "SALDO 99000000018"\n';

interface Output {
  write(text: string): unknown;
}

/**
 * Handles the text as if `from` had sent it and prints each reply on its own line, marking it sent.
 * Exit codes: 0 answered (or nothing to answer), 2 bad arguments or a number that is not a mobile.
 */
export async function runSmsCommand(
  ctx: ServiceContext,
  args: readonly string[],
  out: Output = process.stdout,
  errors: Output = process.stderr,
  deps: SmsServiceDeps = { readBalance: ledgerSmsBalanceReader },
): Promise<number> {
  const [from, ...words] = args;
  if (!from || words.length === 0) {
    errors.write(SMS_USAGE);
    return 2;
  }
  const outcome = await handleInboundSms(ctx, deps, { from, text: words.join(' '), gateway: 'simulator' });
  if (outcome.phone === null) {
    errors.write(`${from} is not an Indonesian mobile number (08…, 628…, +628…)\n`);
    return 2;
  }
  if (outcome.replies.length === 0) out.write('(no reply)\n');
  for (const reply of outcome.replies) {
    await applyDeliveryStatus(ctx, reply.messageId, 'sent', 'simulated');
    out.write(`${reply.text}\n`);
  }
  return 0;
}

export async function smsCommand(config: Config, args: readonly string[]): Promise<number> {
  if (!args[0] || args.length < 2) {
    process.stderr.write(SMS_USAGE);
    return 2;
  }
  const runtime = await startRuntime(config, {
    log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  });
  try {
    return await runSmsCommand(runtime.ctx, args);
  } finally {
    await runtime.close();
  }
}
