/**
 * A prepared response body for hot public reads (ParkAPI list, GeoJSON, dashboard summaries):
 * encoded once, gzip-compressed once, with a strong ETag, and then sent to every request that asks
 * for it until the data changes. Sending a prepared Buffer instead of re-encoding a large string per
 * request, answering conditional requests with 304 and sending gzip to clients that accept it
 * (browsers and apps do) is what makes such endpoints serve thousands of requests per second.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Representation {
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
  readonly contentType: string;
}

/** Below this size gzip saves too little to be worth the client's work. */
const GZIP_MIN_BYTES = 256;

export function prepareRepresentation(text: string, contentType: string): Representation {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const gzip = body.length >= GZIP_MIN_BYTES ? gzipSync(body, { level: 6 }) : body;
  return { body, gzip, etag, contentType };
}

/** Does the If-None-Match header name this ETag (or `*`)? Weak comparison, as RFC 9110 asks for GET. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Sends the representation: 304 for a matching If-None-Match, gzip when the client accepts it,
 * otherwise the plain body. `maxAge` is the Cache-Control max-age in seconds.
 */
export function sendRepresentation(req: FastifyRequest, reply: FastifyReply, rep: Representation, maxAge = 0): FastifyReply {
  reply.header('etag', rep.etag).header('vary', 'Accept-Encoding').header('cache-control', `public, max-age=${maxAge}`);
  if (matchesEtag(req.headers['if-none-match'], rep.etag)) return reply.code(304).send();
  reply.type(rep.contentType);
  if (rep.gzip !== rep.body && acceptsGzip(req.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(rep.gzip);
  }
  return reply.send(rep.body);
}
