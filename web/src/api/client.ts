// The one way the web app talks to /api/v1: same-origin cookies, the CSRF token on every write, and
// RFC 9457 problems turned into ProblemError so pages can show message[lang] and field errors.

export interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

export interface FieldError {
  readonly field: string;
  readonly line?: number;
  readonly code: string;
  readonly message: LocalizedText;
}

export interface Problem {
  readonly code: string;
  readonly title?: string;
  readonly status?: number;
  readonly message: LocalizedText;
  readonly errors?: readonly FieldError[];
}

export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.message.en || problem.code);
  }
}

/** The server could not be reached (offline, DNS, connection refused). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a member endpoint answers 401 (the session ended elsewhere). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Send these bytes as they are (e.g. a PDF) instead of JSON. */
  readonly rawBody?: Blob;
  /** Send a multipart form (a file upload); the browser sets the content type with its boundary. */
  readonly form?: FormData;
  readonly signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (sign-in and session probes). */
  readonly isAuthProbe?: boolean;
}

export interface ApiResponse<T> {
  readonly data: T;
  /** Set when the service worker answered from its cache because the network was down. */
  readonly offlineSavedAt: string | null;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.rawBody) {
    body = options.rawBody;
    headers['content-type'] = options.rawBody.type || 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.isAuthProbe) onUnauthorized?.();
    throw new ProblemError(response.status, problem);
  }
  const offlineSavedAt = response.headers.get('x-lumbung-saved-at');
  const data = response.status === 204 ? (undefined as T) : await readJson<T>(response);
  return { data, offlineSavedAt };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

/** Fetches a file (statement PDF, card PNG/PDF) and hands it to the browser as a download. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) throw new ProblemError(response.status, await readProblem(response));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (body && typeof body.code === 'string' && body.message && typeof body.message.id === 'string') {
      return body as Problem;
    }
  } catch {
    // Not JSON: fall through to a generic problem.
  }
  return {
    code: `http_${response.status}`,
    status: response.status,
    message: {
      id: `Terjadi kesalahan (${response.status}). Silakan coba lagi.`,
      en: `Something went wrong (${response.status}). Please try again.`,
    },
  };
}

/** Field errors keyed by field name, in the given language. */
export function fieldErrorsOf(error: unknown, lang: 'id' | 'en'): Record<string, string> {
  const result: Record<string, string> = {};
  if (error instanceof ProblemError) {
    for (const fieldError of error.problem.errors ?? []) {
      if (!(fieldError.field in result)) result[fieldError.field] = fieldError.message[lang];
    }
  }
  return result;
}
