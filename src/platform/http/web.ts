/**
 * Serves the built web app (dist/web) and falls back to index.html for client-side routes. Pages
 * that describe one record (an event, an organisation) get their title, description and schema.org
 * JSON-LD into the shell's head on the server: search engines, link previews and readers without
 * JavaScript see them without running the web app.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { escapeHtml } from '../text/markdown.js';
import { AppError, notFound } from './errors.js';

/** What the shell's head says about a page before the web app runs. */
export interface PageHead {
  title: string;
  description?: string | undefined;
  /** schema.org JSON-LD, already serialised safe for a script element (no raw `<`). */
  jsonLd?: string | undefined;
}

/** The head of the web app's pages under one path pattern. */
export interface PageHeadSource {
  path: RegExp;
  /** Undefined: the plain shell. A 404 AppError answers 404 with the plain shell (the web app shows its own "not found"). */
  head(match: RegExpExecArray, request: FastifyRequest): Promise<PageHead | undefined>;
}

/** Paths that belong to APIs: an unknown one answers problem+json, never the HTML shell. */
const API_PREFIXES = ['/api/', '/sta/', '/open311/', '/health', '/ready'];

/** The id by which the web app replaces the server's JSON-LD with its own after navigating. */
export const PAGE_JSONLD_ID = 'page-jsonld';

export function withHead(html: string, head: PageHead): string {
  // Replacement functions, not strings: a "$&" in a title must stay text.
  let out = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(head.title)}</title>`);
  if (head.description !== undefined) {
    const description = `<meta name="description" content="${escapeHtml(head.description)}" />`;
    out = out.replace(/<meta name="description" content="[^"]*" \/>/, () => description);
  }
  // The JSON is serialised without a raw "<", so it cannot close the element; anything else is left out.
  if (head.jsonLd === undefined || head.jsonLd.includes('<')) return out;
  const script = `<script type="application/ld+json" id="${PAGE_JSONLD_ID}">${head.jsonLd}</script>`;
  return out.replace('</head>', () => `${script}</head>`);
}

export async function registerWeb(app: FastifyInstance, webDir: string, heads: PageHeadSource[] = []) {
  const indexFile = path.join(webDir, 'index.html');
  const hasBuild = existsSync(indexFile);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies of scripts and styles (web/vite.config.ts).
      preCompressed: true,
      setHeaders(res, filePath) {
        // Vite puts a content hash into asset names: they never change, so browsers may keep them.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const indexHtml = hasBuild ? readFileSync(indexFile, 'utf8') : undefined;

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0]!;
    if (request.method !== 'GET' || API_PREFIXES.some((p) => url.startsWith(p)) || !indexHtml) {
      throw notFound('ROUTE_NOT_FOUND', `There is nothing at ${request.method} ${url}.`);
    }
    // Client-side route: the web app renders the page (or its own 404 page).
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
    for (const source of heads) {
      const match = source.path.exec(url);
      if (!match) continue;
      try {
        const head = await source.head(match, request);
        return reply.send(head ? withHead(indexHtml, head) : indexHtml);
      } catch (error) {
        if (error instanceof AppError && error.status === 404) return reply.status(404).send(indexHtml);
        // The head is an extra: without it the web app still renders the page.
        request.log.warn({ err: error, url }, 'page head failed; serving the plain shell');
      }
      break;
    }
    return reply.send(indexHtml);
  });
}
