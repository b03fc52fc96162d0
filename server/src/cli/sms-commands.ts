// `lumbung sms <phone> "<text>"`: the development simulator on the command line. Sends the text as
// that number through the same service the gateways use, and prints the reply. Real links and the
// real ledger of the configured database are used; nothing is sent to a gateway.
import type { Config } from '../config';
import { createLogger } from '../logger';
import { startRuntime } from '../runtime';
import { ledgerSmsBalanceReader } from '../sms/sms-balance';
import { applyDeliveryStatus } from '../sms/sms-message-log';
import { handleInboundSms } from '../sms/sms-service';

export const smsCommandSummary = 'simulate an SMS to the short code: sms <phone> "<text>" prints the reply';

export async function smsCommand(config: Config, args: readonly string[]): Promise<number> {
  const [from, ...words] = args;
  if (!from || words.length === 0) {
    process.stderr.write(
      'usage: lumbung sms <phone> "<text>"   e.g. lumbung sms 081234567890 "SALDO 99000000018"\n',
    );
    return 2;
  }
  const runtime = await startRuntime(config, {
    log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
  });
  try {
    const outcome = await handleInboundSms(
      runtime.ctx,
      { readBalance: ledgerSmsBalanceReader },
      {
        from,
        text: words.join(' '),
        gateway: 'simulator',
      },
    );
    if (outcome.phone === null) {
      process.stderr.write(`${from} is not an Indonesian mobile number (08…, 628…, +628…)\n`);
      return 2;
    }
    if (outcome.replies.length === 0) process.stdout.write('(no reply)\n');
    for (const reply of outcome.replies) {
      await applyDeliveryStatus(runtime.ctx, reply.messageId, 'sent', 'simulated');
      process.stdout.write(`${reply.text}\n`);
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
