// The outbound side of an SMS gateway: hand one text to one number. Kannel (sendsms), a JSON webhook
// for HTTP aggregators, and the console for development implement it; sms-delivery.ts puts it behind
// the delivery port so one-time codes and alerts travel the same way as short-code replies.
import type { Config } from '../config';
import type { Logger } from '../logger';
import { consoleSmsGateway } from './console-gateway';
import { kannelSmsGateway } from './kannel-gateway';
import { webhookSmsGateway } from './webhook-gateway';

export interface SmsSendOptions {
  /** Lumbung's sms_messages id: comes back in the delivery report. */
  readonly reference?: string;
}

export interface SmsGateway {
  readonly name: 'console' | 'kannel' | 'webhook';
  /** Resolves when the gateway accepted the message; throws when it refused or could not be reached. */
  send(to: string, text: string, options?: SmsSendOptions): Promise<{ providerMessageId?: string }>;
}

/** Longest wait for a gateway's HTTP answer; a hung gateway must not hold a request or a job. */
export const GATEWAY_TIMEOUT_MS = 10_000;

export class SmsGatewayError extends Error {
  override name = 'SmsGatewayError';
}

export function createSmsGateway(config: Config, log: Logger): SmsGateway {
  const sms = config.sms;
  switch (sms.adapter) {
    case 'kannel':
      if (!sms.kannel || !sms.inboundSecret)
        throw new Error('Kannel adapter needs sendsms URL, credentials and the inbound secret');
      return kannelSmsGateway({
        ...sms.kannel,
        from: sms.shortCode,
        dlrBaseUrl: `${config.publicUrl}/api/v1/sms/kannel/dlr`,
        secret: sms.inboundSecret,
      });
    case 'webhook':
      if (!sms.webhook)
        throw new Error('webhook adapter needs LUMBUNG_SMS_WEBHOOK_URL and LUMBUNG_SMS_WEBHOOK_SECRET');
      return webhookSmsGateway({
        ...sms.webhook,
        from: sms.shortCode,
        statusUrl: `${config.publicUrl}/api/v1/sms/status`,
      });
    case 'console':
      return consoleSmsGateway(log);
  }
}
