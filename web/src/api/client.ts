/**
 * The one place that talks to the backend. It adds the CSRF header to every write made while
 * a session exists and turns every failure (problem+json, network, non-JSON) into an ApiError,
 * so pages only ever handle one error shape.
 */
import type { Problem } from './types';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }

  get status(): number {
    return this.problem.status;
  }

  /**
   * Field errors keyed by input name: "body.password" → "password". `nested` keeps the whole path
   * below the body ("organisation.name", "links.0.url") for forms that edit nested objects.
   */
  fieldErrors(nested = false): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const path = e.field.replace(/^(body|query|params|querystring)\./, '');
      const name = nested ? path : (path.split('.')[0] ?? e.field);
      out[name] = out[name] ? `${out[name]}; ${e.message}` : e.message;
    }
    return out;
  }
}

// Kept in memory only: the token must never reach localStorage where other scripts could read
// it; after a reload it comes back from GET /api/auth/session.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/** Problems that happen before the server answers sensibly; the UI translates these codes. */
function localProblem(code: 'NETWORK' | 'BAD_RESPONSE', status = 0): Problem {
  return { type: 'about:blank', title: code, status, detail: '', code };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw request body (imports) instead of JSON. */
  file?: Blob;
  /** A multipart form (photo uploads); the browser sets the Content-Type with its boundary. */
  form?: FormData;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | Blob | FormData | undefined;
  if (method !== 'GET') {
    if (options.form) {
      body = options.form;
    } else {
      headers['Content-Type'] = options.file ? options.file.type || 'application/octet-stream' : 'application/json';
      body = options.file ?? JSON.stringify(options.body ?? {});
    }
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }

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
    throw new ApiError(localProblem('NETWORK'));
  }

  if (response.status === 204) return undefined as T;

  const type = response.headers.get('content-type') ?? '';
  // A missing backend (static preview, proxy error page) answers with HTML; treat as an outage.
  if (!/json/i.test(type)) throw new ApiError(localProblem('BAD_RESPONSE', response.ok ? 0 : response.status));

  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ApiError(localProblem('BAD_RESPONSE', response.status));
  }
  if (!response.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    throw new ApiError({
      type: p.type ?? 'about:blank',
      title: p.title ?? response.statusText,
      status: p.status ?? response.status,
      detail: p.detail ?? '',
      code: p.code ?? 'UNKNOWN',
      ...(p.errors ? { errors: p.errors } : {}),
    });
  }
  return data as T;
}

/** Builds "?a=1&b=2" from the non-empty entries only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
