// Kannel's sendsms HTTP interface (smsbox `sendsms-port`): GET /cgi-bin/sendsms?username&password&from
// &to&text&dlr-mask&dlr-url. Kannel answers 202 when it took the message; anything else is a refusal.
// Delivery reports come back on dlr-url (routes/sms-routes.ts).
import { get } from 'node:http';
import { GATEWAY_TIMEOUT_MS, SmsGatewayError, type SmsGateway } from './sms-gateway';

export interface KannelGatewayOptions {
  /** e.g. http://127.0.0.1:13013/cgi-bin/sendsms */
  readonly sendsmsUrl: string;
  readonly username: string;
  readonly password: string;
  /** The short code replies come from. */
  readonly from: string;
  /** Lumbung's DLR endpoint; the shared secret and the message reference are added as parameters. */
  readonly dlrBaseUrl: string;
  readonly secret: string;
}

/**
 * Kannel DLR mask: 1 delivered, 2 failed, 4 buffered, 8 accepted by the SMSC, 16 rejected by the SMSC.
 * 19 asks for the final outcomes only: one report request per message. Kannel 1.4.5 also handles 31
 * (tested: two reports per message); 8 would only add an intermediate 'sent' step.
 */
export const KANNEL_DLR_MASK = 19;

/** Kannel and most Indonesian SMSCs take the international number without '+': 6281234567890. */
export function kannelNumber(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** The dlr-url for one message: Kannel replaces %d (report type), %A (SMSC answer) and %T (time). */
export function kannelDlrUrl(dlrBaseUrl: string, secret: string, reference: string): string {
  const fixed = new URLSearchParams({ secret, ref: reference }).toString();
  return `${dlrBaseUrl}?${fixed}&type=%d&answer=%A&at=%T`;
}

export function kannelSmsGateway(options: KannelGatewayOptions): SmsGateway {
  return {
    name: 'kannel',
    send: async (to, text, sendOptions) => {
      const params = new URLSearchParams({
        username: options.username,
        password: options.password,
        from: options.from,
        to: kannelNumber(to),
        text,
        charset: 'UTF-8',
        coding: '0',
      });
      if (sendOptions?.reference) {
        params.set('dlr-mask', String(KANNEL_DLR_MASK));
        params.set('dlr-url', kannelDlrUrl(options.dlrBaseUrl, options.secret, sendOptions.reference));
      }
      const answer = await httpGetClosing(`${options.sendsmsUrl}?${params.toString()}`);
      // 202 with "Sent." (1.4.5) or "0: Accepted for delivery" / "3: Queued for later delivery" (1.4.4+).
      if (answer.status !== 202 && answer.status !== 200) {
        throw new SmsGatewayError(`Kannel sendsms refused the message: ${answer.status} ${answer.body}`);
      }
      return {};
    },
  };
}

/**
 * One GET on its own connection, closed after the answer: sendsms calls are few (codes, alerts), and
 * a fresh connection cannot be one that smsbox has already dropped.
 */
function httpGetClosing(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(
      url,
      { agent: false, headers: { connection: 'close' }, timeout: GATEWAY_TIMEOUT_MS },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < 1_000) body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: body.slice(0, 200).trim() }),
        );
        response.on('error', (error) =>
          reject(new SmsGatewayError('Kannel sendsms answer broke off', { cause: error })),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) =>
      reject(new SmsGatewayError('Kannel sendsms could not be reached', { cause: error })),
    );
  });
}
