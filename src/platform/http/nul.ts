/**
 * PostgreSQL text cannot hold U+0000: a NUL in any input would fail deep in a query as a 500. Every
 * request's path parameters, query and parsed body are checked once, before validation, and a NUL
 * is refused as a 400 naming the field (`query.q`, `body.organisation.name`, `params.slug`).
 */
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.js';

const NUL = '\u0000';

/** Data, not bytes: buffers and streams (multipart files) are not text. */
const isData = (v: object) =>
  !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer) && typeof (v as { pipe?: unknown }).pipe !== 'function';

/** The path of the first string (or key) holding a NUL, or undefined. Iterative, and each object once (multipart fields refer back to the whole body). */
export function findNul(value: unknown, root: string): string | undefined {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return path;
    } else if (v !== null && typeof v === 'object' && isData(v) && !seen.has(v)) {
      seen.add(v);
      for (const [key, child] of Object.entries(v)) {
        const childPath = `${path}.${key}`;
        if (key.includes(NUL)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

export function refuseNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [value, root] of [
      [request.params, 'params'],
      [request.query, 'query'],
      [request.body, 'body'],
    ] as const) {
      const field = findNul(value, root);
      if (field) {
        throw badRequest(
          'INPUT_NUL_CHARACTER',
          `${field} contains a NUL character (U+0000), which no text field can hold.`,
          field,
        );
      }
    }
  });
}
