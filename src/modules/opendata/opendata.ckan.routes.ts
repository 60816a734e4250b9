/**
 * CKAN Action API v3 at /api/3/action/<name> and /api/action/<name> (GET with query, POST with JSON).
 * This scope has its own error handler: CKAN clients expect CKAN's envelope, not problem+json.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/errors.js';
import { CkanError } from './opendata.ckan.js';
import type { CkanParams, CkanService } from './opendata.ckan.service.js';

const Envelope = Type.Object({
  help: Type.String(),
  success: Type.Boolean(),
  // CKAN dicts are wide; they are built field by field from the public dataset view (opendata.ckan.ts).
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const ckanRoutes: FastifyPluginAsyncTypebox<{ ckan: CkanService }> = async (app, { ckan }) => {
  app.setErrorHandler((error: FastifyError | CkanError, req, reply) => {
    const action = (req.params as { action?: string } | undefined)?.action ?? '';
    if (error instanceof CkanError && error.status === 400 && error.type === 'Bad Request') {
      // CKAN answers an unknown action with a bare JSON string.
      return reply.status(400).type('application/json; charset=utf-8').send(JSON.stringify(error.message));
    }
    if (error instanceof CkanError) {
      const body = error.fields ? { __type: error.type, ...error.fields } : { __type: error.type, message: error.message };
      return reply.status(error.status).send({ help: ckan.helpUrl(action), success: false, error: body });
    }
    if (error instanceof AppError && error.status < 500) {
      // The platform's own checks (a NUL in a parameter, …): CKAN reports bad input as a 409
      // "Validation Error" with a list of messages per field.
      const fields = Object.fromEntries(error.errors.map((e) => [e.field.replace(/^(query|body)\./, ''), [e.message]]));
      const status = error.status === 400 ? 409 : error.status;
      const type = status === 404 ? 'Not Found Error' : status === 409 ? 'Validation Error' : error.code;
      const body =
        type === 'Validation Error' && error.errors.length
          ? { __type: type, ...fields }
          : { __type: type, message: error.message };
      return reply.status(status).send({ help: ckan.helpUrl(action), success: false, error: body });
    }
    if ((error as FastifyError).statusCode === 400) {
      return reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify('Bad request - JSON Error: Invalid request body'));
    }
    req.log.error({ err: error }, 'CKAN action failed');
    return reply.status(500).send({
      help: ckan.helpUrl(action),
      success: false,
      error: { __type: 'Internal Server Error', message: 'Internal Server Error' },
    });
  });

  const Params = Type.Object({ action: Type.String({ maxLength: 100 }) });
  const schema = (summary: string) => ({
    tags: ['ckan'],
    summary,
    params: Params,
    response: { 200: Envelope, 400: Type.Unknown(), 404: Envelope, 409: Envelope },
  });

  for (const prefix of ['/api/3/action', '/api/action']) {
    app.get(
      `${prefix}/:action`,
      { schema: schema('CKAN Action API v3 (read-only subset), GET with query parameters.') },
      async (req) => ({
        help: ckan.helpUrl(req.params.action),
        success: true,
        result: await ckan.call(req.params.action, req.query as CkanParams),
      }),
    );
    app.post(
      `${prefix}/:action`,
      {
        schema: {
          ...schema('CKAN Action API v3 (read-only subset), POST with a JSON object.'),
          body: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        },
      },
      async (req) => ({
        help: ckan.helpUrl(req.params.action),
        success: true,
        result: await ckan.call(req.params.action, { ...(req.query as CkanParams), ...(req.body ?? {}) }),
      }),
    );
  }
};
