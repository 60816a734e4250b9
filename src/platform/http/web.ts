/** Serves the built web app (dist/web) and falls back to index.html for client-side routes. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from './errors.js';

/** Paths that belong to APIs: an unknown one answers problem+json, never the HTML shell. */
const API_PREFIXES = ['/api/', '/sta/', '/open311/', '/health', '/ready'];

export async function registerWeb(app: FastifyInstance, webDir: string) {
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
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
