// RFC 9457 problem responses: a stable code, the message in Indonesian and English, and the title in
// the language the client asked for.
import { errorMessages, isErrorCode, type Err, type ErrorCode, type Language } from '@lumbung/core';
import { interpolate } from '@lumbung/core/errors/message';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { statusFor } from './error-status';

export interface FieldProblem {
  readonly field?: string;
  /** 1-based line of an uploaded file, when the problem is in one. */
  readonly line?: number;
  readonly code: string;
  readonly message: { readonly id: string; readonly en: string };
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: { readonly id: string; readonly en: string };
  readonly errors?: readonly FieldProblem[];
}

export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export function messageFor(
  code: string,
  params?: Readonly<Record<string, string | number>>,
): { id: string; en: string } {
  const entry = isErrorCode(code) ? errorMessages[code] : errorMessages.validation_failed;
  return { id: interpolate(entry.id, params), en: interpolate(entry.en, params) };
}

export function fieldProblem(failure: Err<string>, line?: number): FieldProblem {
  return {
    code: failure.code,
    message: messageFor(failure.code, failure.params),
    ...(failure.field ? { field: failure.field } : {}),
    ...(line !== undefined ? { line } : {}),
  };
}

export function buildProblem(
  language: Language,
  code: ErrorCode,
  params?: Readonly<Record<string, string | number>>,
  errors?: readonly FieldProblem[],
): Problem {
  const message = messageFor(code, params);
  return {
    type: `urn:lumbung:problem:${code}`,
    title: message[language],
    status: statusFor(code),
    code,
    message,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  failure: Err | ErrorCode,
  errors?: readonly FieldProblem[],
): FastifyReply {
  const code = typeof failure === 'string' ? failure : failure.code;
  const params = typeof failure === 'string' ? undefined : failure.params;
  const detailErrors =
    errors ?? (typeof failure !== 'string' && failure.field ? [fieldProblem(failure)] : undefined);
  const problem = buildProblem(requestLanguage(request), code, params, detailErrors);
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
