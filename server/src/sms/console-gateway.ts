// Development gateway: prints each outbound SMS on the log instead of sending it.
import { maskPhone } from '@lumbung/core';
import type { Logger } from '../logger';
import type { SmsGateway } from './sms-gateway';

export function consoleSmsGateway(log: Logger): SmsGateway {
  return {
    name: 'console',
    send: async (to, text, options) => {
      log.info({ smsTo: maskPhone(to), reference: options?.reference }, `[sms console] ${text}`);
      return {};
    },
  };
}
