/**
 * Services throw AppError with a stable code; one handler turns every error into RFC 9457
 * problem+json that names the offending field. 5xx answers never carry internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldProblem {
  /** Where the problem is, e.g. "body.email" or "query.date". */
  field: string;
  message: string;
}

export interface AppErrorOptions {
  status?: number;
  field?: string;
  errors?: FieldProblem[];
  /** Extra headers, e.g. Retry-After. */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  readonly errors: FieldProblem[];
  readonly headers: Record<string, string>;

  constructor(
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.status = options.status ?? 400;
    this.errors = options.errors ?? (options.field ? [{ field: options.field, message }] : []);
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(code, message, { status: 400, ...(field ? { field } : {}) });
export const unauthorized = (code: string, message: string) => new AppError(code, message, { status: 401 });
export const forbidden = (code: string, message: string) => new AppError(code, message, { status: 403 });
export const notFound = (code: string, message: string) => new AppError(code, message, { status: 404 });
export const conflict = (code: string, message: string, field?: string) =>
  new AppError(code, message, { status: 409, ...(field ? { field } : {}) });

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

/**
 * Turns Ajv's validation output into "body.email: must match format email". A choice of literals
 * (TypeBox unions, enums) reads as one "must be one of: a, b, c" instead of one line per literal.
 */
export function fieldProblems(context: string | undefined, issues: AjvIssue[]): FieldProblem[] {
  const where = context === 'querystring' ? 'query' : (context ?? 'body');
  const fieldOf = (issue: AjvIssue) => {
    const segments = (issue.instancePath ?? '').split('/').filter(Boolean);
    const missing = issue.params?.['missingProperty'] ?? issue.params?.['additionalProperty'];
    if (typeof missing === 'string') segments.push(missing);
    return [where, ...segments].join('.');
  };
  const choices = new Map<string, unknown[]>();
  for (const issue of issues) {
    if (issue.keyword === 'const') choices.set(fieldOf(issue), [...(choices.get(fieldOf(issue)) ?? []), issue.params?.['allowedValue']]);
    if (issue.keyword === 'enum' && Array.isArray(issue.params?.['allowedValues'])) choices.set(fieldOf(issue), issue.params['allowedValues'] as unknown[]);
  }
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue);
    let message = issue.message ?? 'is invalid';
    if (choices.has(field) && ['const', 'enum', 'anyOf'].includes(issue.keyword ?? '')) {
      message = `must be one of: ${choices.get(field)!.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;
    }
    if (issue.keyword === 'additionalProperties') message = 'is not a known field';
    if (issue.keyword === 'required') message = 'is required';
    if (!problems.some((p) => p.field === field && p.message === message)) problems.push({ field, message });
  }
  return problems;
}

/** PostgreSQL SQLSTATEs that only input out of a column's range causes. */
const DATABASE_RANGE_ERRORS: Record<string, string> = {
  '22003': 'A number in the request is out of the range that can be stored.',
  '22007': 'A date or time in the request is not valid.',
  '22008': 'A date or time in the request is out of the range that can be stored.',
  '22009': 'A date or time in the request is out of the range that can be stored.',
};

export function toProblem(error: unknown, instance?: string): Problem {
  if (error instanceof AppError) {
    return {
      type: 'about:blank',
      title: TITLES[error.status] ?? 'Error',
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(instance ? { instance } : {}),
      ...(error.errors.length ? { errors: error.errors } : {}),
    };
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation) {
    const errors = fieldProblems(fe.validationContext, fe.validation);
    return {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: errors.map((e) => `${e.field} ${e.message}`).join('; '),
      code: 'VALIDATION_FAILED',
      ...(instance ? { instance } : {}),
      errors,
    };
  }
  const outOfRange = DATABASE_RANGE_ERRORS[(error as { code?: unknown }).code as string];
  if (outOfRange) {
    // A value the schemas let through but a column cannot hold (an int4 position, a year 300000):
    // the request is wrong, not the server. Checks in the schemas name the field; this is the net.
    return { type: 'about:blank', title: 'Bad Request', status: 400, detail: outOfRange, code: 'INPUT_OUT_OF_RANGE', ...(instance ? { instance } : {}) };
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
  if (status >= 500) {
    return { type: 'about:blank', title: TITLES[500]!, status: 500, detail: 'An internal error occurred.', code: 'INTERNAL' };
  }
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail: fe.message,
    code: fe.code ?? 'REQUEST_INVALID',
    ...(instance ? { instance } : {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const problem = toProblem(error, request.url.split('?')[0]);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, problem.detail);
  if (error instanceof AppError) reply.headers(error.headers);
  const retryAfter = (error as { headers?: Record<string, string> }).headers?.['retry-after'];
  if (retryAfter) reply.header('retry-after', retryAfter);
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
