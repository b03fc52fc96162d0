// The short-code service: one inbound SMS → the replies to send back. Every channel (Kannel, the JSON
// webhook, the console simulator, the CLI) calls handleInboundSms; the gateway route only decides how
// the replies travel. The inbound message, any link change and the replies are written in one
// transaction; a gateway that retries the same message id gets the stored replies again.
import { normalisePhone, type Language } from '@lumbung/core';
import { parseSmsCommand, smsKeywordLanguage, type SmsCommand } from '@lumbung/core/sms/sms-command';
import { renderSmsReply, type SmsReply } from '@lumbung/core/sms/sms-reply';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SmsGatewayName } from '../db/tables/sms-tables';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { endLinks, findActiveLinks, type ActiveLink } from './phone-link-store';
import type { SmsBalanceReader } from './sms-balance';
import {
  findRepliesToProviderMessage,
  insertSmsMessage,
  setInboundOutcome,
  type StoredReply,
} from './sms-message-log';
import { countHit, SMS_LIMITS } from './sms-rate-limit';
import { registerByDaftar } from './sms-register';

export interface SmsServiceDeps {
  readonly readBalance: SmsBalanceReader;
}

export interface InboundSms {
  /** The sender as the gateway gives it: '6281234567890', '+62812…', '0812…'. */
  readonly from: string;
  readonly text: string;
  readonly gateway: SmsGatewayName;
  /** The gateway's own id for the message (Kannel %I), for idempotent retries. */
  readonly providerMessageId?: string | null;
}

export interface InboundOutcome {
  /** Null when the sender is not an Indonesian mobile number: nothing is stored or answered. */
  readonly inboundMessageId: number | null;
  readonly phone: string | null;
  readonly replies: readonly StoredReply[];
  readonly isRepeat: boolean;
}

interface Decision {
  readonly reply: SmsReply | null;
  readonly personId: number | null;
  readonly language: Language | null;
  readonly kind: string;
  readonly detail: string | null;
}

export async function handleInboundSms(
  ctx: ServiceContext,
  deps: SmsServiceDeps,
  message: InboundSms,
): Promise<InboundOutcome> {
  const phone = normalisePhone(message.from);
  if (!phone.ok) {
    ctx.log.warn(
      { gateway: message.gateway, code: phone.code },
      'SMS from a number that is not an Indonesian mobile; ignored',
    );
    return { inboundMessageId: null, phone: null, replies: [], isRepeat: false };
  }
  const from = phone.value;
  try {
    return await answerInTransaction(ctx, deps, message, from);
  } catch (error) {
    if (!(error instanceof BalanceUnavailableError)) throw error;
    // The transaction rolled back; the member still gets an answer, and the log still has both messages.
    ctx.log.error({ err: error.cause }, 'SMS balance read failed');
    return answerInTransaction(ctx, deps, message, from, { kind: 'unavailable' });
  }
}

class BalanceUnavailableError extends Error {
  override name = 'BalanceUnavailableError';
}

async function answerInTransaction(
  ctx: ServiceContext,
  deps: SmsServiceDeps,
  message: InboundSms,
  from: string,
  forcedReply?: SmsReply,
): Promise<InboundOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const inboundId = await insertSmsMessage(ctx, trx, {
      direction: 'in',
      gateway: message.gateway,
      phone: from,
      kind: 'received',
      text: message.text,
      providerMessageId: message.providerMessageId ?? null,
      status: 'received',
    });
    if (inboundId === null) {
      const previous = await findRepliesToProviderMessage(
        ctx,
        trx,
        message.gateway,
        message.providerMessageId ?? '',
      );
      return {
        inboundMessageId: previous?.inboundMessageId ?? null,
        phone: from,
        replies: previous?.replies ?? [],
        isRepeat: true,
      };
    }
    const links = await findActiveLinks(ctx, trx, from);
    const decision: Decision = forcedReply
      ? {
          reply: forcedReply,
          personId: links[0]?.personId ?? null,
          language: null,
          kind: 'balance',
          detail: 'unavailable',
        }
      : await decide(ctx, trx, deps, from, message.text, links);
    await setInboundOutcome(trx, inboundId, {
      personId: decision.personId,
      kind: decision.kind,
      detail: decision.detail,
    });
    if (decision.reply === null)
      return { inboundMessageId: inboundId, phone: from, replies: [], isRepeat: false };
    const language =
      decision.language ?? links[0]?.preferredLanguage ?? smsKeywordLanguage(message.text) ?? 'id';
    const text = renderSmsReply(decision.reply, language, { shortCode: ctx.config.sms.shortCode });
    const replyId = await insertSmsMessage(ctx, trx, {
      direction: 'out',
      gateway: message.gateway,
      phone: from,
      personId: decision.personId,
      kind: decision.reply.kind,
      text,
      inReplyTo: inboundId,
      status: 'queued',
    });
    return {
      inboundMessageId: inboundId,
      phone: from,
      replies: [{ messageId: replyId ?? 0, text }],
      isRepeat: false,
    };
  });
}

async function decide(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  deps: SmsServiceDeps,
  phone: string,
  text: string,
  links: readonly ActiveLink[],
): Promise<Decision> {
  const knownPerson = links[0]?.personId ?? null;
  const hits = await countHit(ctx, trx, SMS_LIMITS.messagesPerPhone, ctx.pii.blindIndex('phone', phone));
  if (hits > SMS_LIMITS.messagesPerPhone.max) {
    // One warning per window; after that silence, so a flood does not become a flood of replies.
    const reply: SmsReply | null =
      hits === SMS_LIMITS.messagesPerPhone.max + 1 ? { kind: 'rate_limited' } : null;
    return { reply, personId: knownPerson, language: null, kind: 'rate_limited', detail: null };
  }
  const parsed = parseSmsCommand(text);
  if (!parsed.ok) {
    const topic =
      parsed.code === 'sms_register_malformed'
        ? 'register'
        : parsed.code === 'sms_balance_malformed'
          ? 'balance'
          : 'any';
    return {
      reply: { kind: 'format', topic },
      personId: knownPerson,
      language: null,
      kind: 'unknown',
      detail: parsed.code,
    };
  }
  return decideCommand(ctx, trx, deps, phone, parsed.value, links);
}

async function decideCommand(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  deps: SmsServiceDeps,
  phone: string,
  command: SmsCommand,
  links: readonly ActiveLink[],
): Promise<Decision> {
  const knownPerson = links[0]?.personId ?? null;
  switch (command.kind) {
    case 'help':
      return { reply: { kind: 'help' }, personId: knownPerson, language: null, kind: 'help', detail: null };
    case 'stop': {
      const ended = await endLinks(ctx, trx, phone, 'stop');
      return {
        reply: { kind: 'stopped' },
        personId: knownPerson,
        language: null,
        kind: 'stop',
        detail: `unlinked ${ended}`,
      };
    }
    case 'register': {
      const outcome = await registerByDaftar(ctx, trx, phone, command);
      return { ...outcome, personId: outcome.personId ?? knownPerson, kind: 'register' };
    }
    case 'balance':
      return decideBalance(ctx, trx, deps, command.kpj, links);
  }
}

async function decideBalance(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  deps: SmsServiceDeps,
  kpj: string | null,
  links: readonly ActiveLink[],
): Promise<Decision> {
  const link =
    kpj === null
      ? links.length === 1
        ? links[0]
        : undefined
      : links.find((candidate) => candidate.kpj === kpj);
  if (!link) {
    const distinct = [...new Set(links.map((candidate) => candidate.kpj))];
    const reply: SmsReply =
      kpj === null && distinct.length > 1
        ? { kind: 'balance_choose_account', kpjs: distinct }
        : { kind: 'balance_not_linked' };
    return {
      reply,
      personId: links[0]?.personId ?? null,
      language: null,
      kind: 'balance',
      detail: 'not_linked',
    };
  }
  const asOf = todayInJakarta(ctx.clock);
  const balance = await deps
    .readBalance(trx, { personId: link.personId, accountId: link.accountId, asOf })
    .catch((error: unknown) => {
      throw new BalanceUnavailableError('balance read failed', { cause: error });
    });
  return {
    reply: { kind: 'balance', kpj: link.kpj, asOf, ...balance },
    personId: link.personId,
    language: link.preferredLanguage,
    kind: 'balance',
    detail: null,
  };
}
