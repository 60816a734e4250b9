/**
 * SensorThings 1.1 batch requests in the OData JSON batch format: `POST /sta/v1.1/$batch` with
 * `{"requests": [{id, method, url, body?, headers?, dependsOn?}]}` answers
 * `{"responses": [{id, status, headers?, body?}]}` in the order of the requests.
 *
 * Each request runs through the normal HTTP stack (authentication, CSRF, limits, the same
 * handlers), with the caller's credentials, one after the other. `dependsOn` makes a request wait
 * for earlier ones and fail with 424 when one of them failed; a URL may start with `$<id>` to address
 * the entity an earlier request created (its Location). Atomicity groups (all or nothing across
 * requests) are not supported and refused: a deep insert is the atomic way to create related entities.
 */
import type { FastifyInstance, FastifyRequest, InjectOptions } from 'fastify';
import { AppError } from '../../platform/http/errors.js';

export const MAX_BATCH_REQUESTS = 100;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);
/** Headers of the batch request that each inner request carries (the caller's credentials). */
const FORWARDED = ['authorization', 'cookie', 'x-csrf-token', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-prefix', 'accept-language'];

interface BatchItem {
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const bad = (field: string, message: string) => new AppError('STA_BATCH_INVALID', message, { status: 400, field });

function parseBatch(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw bad('body.requests', 'A JSON batch needs a "requests" array.');
  if (requests.length === 0) throw bad('body.requests', 'The batch holds no request.');
  if (requests.length > MAX_BATCH_REQUESTS) throw bad('body.requests', `A batch holds at most ${MAX_BATCH_REQUESTS} requests.`);
  const seen = new Set<string>();
  return requests.map((raw: unknown, i) => {
    const f = `body.requests[${i}]`;
    if (!raw || typeof raw !== 'object') throw bad(f, 'Each request is an object.');
    const r = raw as Record<string, unknown>;
    const id = r['id'];
    if (typeof id !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw bad(`${f}.id`, 'id is a string of letters, digits, "_", "." or "-".');
    if (seen.has(id)) throw bad(`${f}.id`, `id "${id}" is used twice.`);
    const method = typeof r['method'] === 'string' ? r['method'].toUpperCase() : '';
    if (!METHODS.has(method)) throw bad(`${f}.method`, 'method is one of get, post, patch, put, delete.');
    if (typeof r['url'] !== 'string' || r['url'] === '') throw bad(`${f}.url`, 'url is a resource path such as "Things" or "$1/Datastreams".');
    if (r['atomicityGroup'] !== undefined) throw bad(`${f}.atomicityGroup`, 'Atomicity groups are not supported; create related entities atomically with a deep insert.');
    const dependsOn = r['dependsOn'] ?? [];
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' || !seen.has(d))) {
      throw bad(`${f}.dependsOn`, 'dependsOn lists ids of earlier requests in this batch.');
    }
    const headers = r['headers'];
    if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string'))) {
      throw bad(`${f}.headers`, 'headers is an object of strings.');
    }
    seen.add(id);
    return { id, method, url: r['url'], body: r['body'], headers: headers as Record<string, string> | undefined, dependsOn: dependsOn as string[] };
  });
}

/** `/prefix/sta/v1.1/Things(1)` → `/sta/v1.1/Things(1)`: links carry the public URL, which may have a path prefix. */
const fromSta = (path: string) => (path.includes('/sta/') ? path.slice(path.indexOf('/sta/')) : path);

/** The request's URL below the service root: relative, absolute path or absolute URL; `$id` refers to an earlier Location. */
function resolveUrl(url: string, root: string, locations: Map<string, string>, field: string): string {
  let u = url;
  const ref = /^\$([A-Za-z0-9_.-]+)(.*)$/.exec(u);
  if (ref) {
    const location = locations.get(ref[1]!);
    if (!location) throw bad(field, `"$${ref[1]}" does not name an earlier request that created an entity.`);
    u = location + ref[2]!;
  }
  if (/^https?:\/\//.test(u)) u = fromSta(new URL(u).pathname) + new URL(u).search;
  if (u.startsWith('/')) {
    if (!u.startsWith(`${root}/`)) throw bad(field, `url must lie below ${root}.`);
    return u;
  }
  return `${root}/${u}`;
}

export async function runBatch(app: FastifyInstance, request: FastifyRequest, version: string): Promise<{ responses: BatchResponse[] }> {
  const items = parseBatch(request.body);
  const root = `/sta/${version}`;
  const forwarded = Object.fromEntries(FORWARDED.flatMap((h) => (request.headers[h] !== undefined ? [[h, String(request.headers[h])]] : [])));
  const status = new Map<string, number>();
  const locations = new Map<string, string>();
  const responses: BatchResponse[] = [];

  for (const [i, item] of items.entries()) {
    if (item.dependsOn.some((d) => (status.get(d) ?? 500) >= 400)) {
      status.set(item.id, 424);
      responses.push({ id: item.id, status: 424, body: { code: 424, type: 'error', message: 'A request this one depends on failed.' } });
      continue;
    }
    let url: string;
    try {
      url = resolveUrl(item.url, root, locations, `body.requests[${i}].url`);
    } catch (err) {
      const message = (err as Error).message;
      status.set(item.id, 400);
      responses.push({ id: item.id, status: 400, body: { code: 400, type: 'error', message } });
      continue;
    }
    const options: InjectOptions = {
      method: item.method,
      url,
      headers: { ...item.headers, ...forwarded, ...(item.body !== undefined ? { 'content-type': item.headers?.['content-type'] ?? 'application/json' } : {}) },
      ...(item.body !== undefined ? { payload: JSON.stringify(item.body) } : {}),
      remoteAddress: request.ip,
    };
    const res = await app.inject(options);
    status.set(item.id, res.statusCode);
    const location = res.headers['location'];
    if (typeof location === 'string') locations.set(item.id, fromSta(new URL(location, 'http://x').pathname));
    const text = res.body;
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    responses.push({ id: item.id, status: res.statusCode, ...(typeof location === 'string' ? { headers: { location } } : {}), ...(body !== undefined ? { body } : {}) });
  }
  return { responses };
}
