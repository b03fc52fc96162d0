// A generic HTTP aggregator: Lumbung POSTs {to, from, text, reference, statusUrl} as JSON with
// `x-timestamp: <Unix seconds>` and `x-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`
// under the shared secret; the aggregator answers 2xx with an optional {id}. It calls back
// /api/v1/sms/inbound and /api/v1/sms/status signed the same way (sms-signature.ts).
import { systemClock, type Clock } from '../services/clock';
import { GATEWAY_TIMEOUT_MS, SmsGatewayError, type SmsGateway } from './sms-gateway';
import { signatureHeaders } from './sms-signature';

export interface WebhookGatewayOptions {
  readonly url: string;
  readonly secret: string;
  readonly from: string;
  readonly statusUrl: string;
  /** Stamps each request; the aggregator refuses one whose timestamp is far from its own clock. */
  readonly clock?: Clock;
}

export function webhookSmsGateway(options: WebhookGatewayOptions): SmsGateway {
  return {
    name: 'webhook',
    send: async (to, text, sendOptions) => {
      const body = JSON.stringify({
        to,
        from: options.from,
        text,
        reference: sendOptions?.reference ?? null,
        statusUrl: options.statusUrl,
      });
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...signatureHeaders(options.secret, (options.clock ?? systemClock).now(), body),
          },
          body,
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        });
      } catch (error) {
        throw new SmsGatewayError('SMS webhook could not be reached', { cause: error });
      }
      const answer = await response.text();
      if (!response.ok)
        throw new SmsGatewayError(
          `SMS webhook refused the message: ${response.status} ${answer.slice(0, 200)}`,
        );
      try {
        const parsed: unknown = JSON.parse(answer);
        const id =
          typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined;
        return typeof id === 'string' || typeof id === 'number' ? { providerMessageId: String(id) } : {};
      } catch {
        return {};
      }
    },
  };
}
