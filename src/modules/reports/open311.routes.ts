/**
 * Open311 GeoReport v2 at /open311/v2/: every resource as .xml and .json, form-encoded (or, as in the
 * v2.1 draft, multipart with media files) POST, and Open311's own error documents in this scope.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { AppError, fieldProblems, notFound } from '../../platform/http/errors.js';
import { prepareRepresentation, sendRepresentation } from '../../platform/http/representation.js';
import type { VersionedCache } from '../../platform/http/versioned-cache.js';
import {
  definitionDoc,
  DiscoverySchema,
  ErrorsSchema,
  PostResultSchema,
  requestDoc,
  RequestsSchema,
  ServiceDefinitionSchema,
  serviceDoc,
  ServicesSchema,
  TokenResultSchema,
  toXml,
  w3c,
} from './open311.format.js';
import { MAX_PAGE_SIZE, parseRequestsQuery } from './open311.query.js';
import { asClientError, attributesOf, mediaOf, numberField } from './reports.input.js';
import type { ReportsService } from './reports.service.js';

type Format = 'xml' | 'json';
const formatOf = (url: string): Format => (url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml');

function send(reply: FastifyReply, format: Format, root: string, schema: TSchema, value: unknown) {
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(value);
  return reply.type('text/xml; charset=utf-8').send(toXml(root, schema, value));
}

/** Open311 error document; the body code is the HTTP status (the spec allows finer codes, clients expect these). */
function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  let status = 400;
  let descriptions: string[];
  if (error instanceof AppError) {
    status = error.status;
    descriptions = [error.message];
    reply.headers(error.headers);
  } else {
    const fe = error as FastifyError & { validation?: Parameters<typeof fieldProblems>[1]; validationContext?: string };
    if (fe.validation) {
      descriptions = fieldProblems(fe.validationContext, fe.validation).map((p) => `${p.field} ${p.message}`);
    } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      status = fe.statusCode;
      descriptions = [fe.statusCode === 413 ? 'The request is too large.' : fe.message];
      const retry = (error as { headers?: Record<string, string> }).headers?.['retry-after'];
      if (retry) reply.header('retry-after', retry);
    } else {
      status = 500;
      descriptions = ['An internal error occurred. Please try again later.'];
      request.log.error({ err: error }, 'open311 request failed');
    }
  }
  const body = descriptions.map((description) => ({ code: status, description }));
  return send(reply.status(status), formatOf(request.url), 'errors', ErrorsSchema, body);
}

const Fmt = Type.Object({ format: Type.String({ maxLength: 10 }) });
const FileParams = Type.Object({ file: Type.String({ maxLength: 200 }) });
const Jurisdiction = { jurisdiction_id: Type.Optional(Type.String({ maxLength: 200 })) };

const RequestsQuery = Type.Object(
  {
    ...Jurisdiction,
    service_request_id: Type.Optional(Type.String({ maxLength: 20_000 })),
    service_code: Type.Optional(Type.String({ maxLength: 2000 })),
    start_date: Type.Optional(Type.String({ maxLength: 40 })),
    end_date: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    bbox: Type.Optional(Type.String({ maxLength: 200, description: 'extension: minLong,minLat,maxLong,maxLat' })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'extension: text search in description, address, category' })),
    district: Type.Optional(Type.String({ maxLength: 2000, description: 'extension: Stadtteile by id or name, comma-separated' })),
    updated_after: Type.Optional(Type.String({ maxLength: 40, description: 'extension (v2.1 draft)' })),
    updated_before: Type.Optional(Type.String({ maxLength: 40, description: 'extension (v2.1 draft)' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'extension: 1-based page' })),
    page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, description: 'extension: default and maximum 1000' })),
    extensions: Type.Optional(Type.String({ maxLength: 5, description: 'extension: "true" adds extended_attributes' })),
  },
  { additionalProperties: true },
);

const Field = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const PostBody = Type.Object(
  {
    ...Jurisdiction,
    api_key: Field(200),
    service_code: Field(100),
    lat: Field(40),
    long: Field(40),
    address_string: Field(500),
    address_id: Field(100),
    email: Field(254),
    device_id: Field(200),
    account_id: Field(200),
    first_name: Field(200),
    last_name: Field(200),
    phone: Field(50),
    description: Field(4000),
    media_url: Field(2000),
  },
  { additionalProperties: true, description: 'attribute[CODE] and attribute[CODE][] fields; media files (multipart, v2.1 draft)' },
);

const responses = (ok: TSchema) => ({ 200: ok, 400: ErrorsSchema, 403: ErrorsSchema, 404: ErrorsSchema });

export const open311Routes: FastifyPluginAsyncTypebox<{ service: ReportsService; cache: VersionedCache; rateLimitPerMinute: number }> = async (
  app,
  { service, cache, rateLimitPerMinute },
) => {
  const { settings } = service;
  app.setErrorHandler((error, request, reply) => sendError(request, reply, asClientError(error)));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, notFound('REPORTS_OPEN311_NOT_FOUND', `There is no Open311 resource at ${request.url.split('?')[0]}.`)),
  );
  const fmt = (f: string): Format => {
    if (f !== 'xml' && f !== 'json') throw notFound('REPORTS_FORMAT_UNKNOWN', `Unknown format "${f}": use .xml or .json.`);
    return f;
  };
  /** "koblenz.de" is the one jurisdiction served here; others are unknown (404, per the spec). */
  const jurisdiction = (j: string | undefined) => {
    if (j && j !== settings.jurisdictionId) throw notFound('REPORTS_JURISDICTION_UNKNOWN', `Unknown jurisdiction_id "${j}"; this endpoint serves "${settings.jurisdictionId}".`);
  };
  const split = (file: string) => {
    const m = /^(.+)\.([a-z]+)$/.exec(file);
    if (!m) throw notFound('REPORTS_FORMAT_UNKNOWN', 'Add .xml or .json to the resource name.');
    return { id: m[1]!, format: fmt(m[2]!) };
  };
  const tags = ['reports (Open311)'];
  // One limit per client address across the whole API, except for requests carrying a valid api_key:
  // one backend (the Koblenz App) submits for many citizens, so keyed clients are held to their
  // key's own hourly limit instead. A POST carries its key in the body, so it is counted once the
  // body is parsed; every other request as soon as it arrives.
  const carriesValidKey = async (req: FastifyRequest) => {
    const key = (req.body as { api_key?: unknown } | undefined)?.api_key ?? (req.query as { api_key?: unknown } | undefined)?.api_key;
    return typeof key === 'string' && key !== '' && (await service.isApiKey(key));
  };
  const limit = app.rateLimit({ max: rateLimitPerMinute, timeWindow: '1 minute', allowList: carriesValidKey });
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST') await limit.call(app, req, reply);
  });
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'POST') await limit.call(app, req, reply);
  });

  app.get(
    '/discovery.:format',
    { schema: { tags, summary: 'Open311 service discovery.', params: Fmt, response: responses(DiscoverySchema) } },
    async (req, reply) => {
      const format = fmt(req.params.format);
      const changeset = w3c((await service.lastChange()) ?? new Date(0));
      return send(reply, format, 'discovery', DiscoverySchema, {
        changeset,
        contact: settings.contact,
        key_service: `API keys for apps and other systems that submit reports are issued by ${settings.contact}. Reading needs no key.`,
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${settings.publicUrl}/open311/v2`,
            changeset,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    },
  );

  app.get(
    '/services.:format',
    { schema: { tags, summary: 'Open311 service list (the categories).', params: Fmt, querystring: Type.Object(Jurisdiction), response: responses(ServicesSchema) } },
    async (req, reply) => {
      const format = fmt(req.params.format);
      jurisdiction(req.query.jurisdiction_id);
      return send(reply, format, 'services', ServicesSchema, (await service.categories()).map(serviceDoc));
    },
  );

  app.get(
    '/services/:file',
    {
      schema: { tags, summary: 'Open311 service definition: /services/{service_code}.{format}', params: FileParams, querystring: Type.Object(Jurisdiction), response: responses(ServiceDefinitionSchema) },
    },
    async (req, reply) => {
      const { id, format } = split(req.params.file);
      jurisdiction(req.query.jurisdiction_id);
      return send(reply, format, 'service_definition', ServiceDefinitionSchema, definitionDoc(await service.category(id)));
    },
  );

  app.post(
    '/requests.:format',
    {
      schema: { tags, summary: 'Open311 POST service request (form-encoded, or multipart with media files). Needs api_key.', params: Fmt, body: PostBody, response: responses(PostResultSchema) },
    },
    async (req, reply) => {
      const format = fmt(req.params.format);
      const body = req.body as Record<string, unknown> & typeof req.body;
      jurisdiction(body.jurisdiction_id);
      const result = await service.submit(
        {
          serviceCode: body.service_code || undefined,
          lat: numberField(body.lat, 'lat'),
          long: numberField(body.long, 'long'),
          addressString: body.address_string,
          description: body.description,
          email: body.email,
          attributes: attributesOf(body),
          mediaUrl: body.media_url || undefined,
          photos: mediaOf(body),
        },
        { channel: 'open311', ip: req.ip, apiKey: body.api_key || undefined },
      );
      return send(reply, format, 'service_requests', PostResultSchema, [{ service_request_id: result.id, service_notice: result.serviceNotice, account_id: null }]);
    },
  );

  app.get(
    '/requests.:format',
    { schema: { tags, summary: 'Open311 GET service requests, with the documented extensions.', params: Fmt, querystring: RequestsQuery, response: responses(RequestsSchema) } },
    async (req, reply) => {
      const format = fmt(req.params.format);
      jurisdiction(req.query.jurisdiction_id);
      // Map clients ask the same bbox again and again: the encoded answer is kept until the public data
      // changes. The default window ends "now", so the key also holds the minute: a report leaves the
      // 90-day window at most a minute late, and new reports replace the entry by moving the version.
      const now = service.now();
      const key = `${req.url}|${Math.floor(now.getTime() / 60_000)}`;
      const { value } = await cache.remember(key, async () => {
        const codes = (await service.categories()).map((c) => c.code);
        const filter = parseRequestsQuery(req.query, now, codes, service.settings.districts);
        const docs = (await service.search(filter)).map((r) => requestDoc(r, req.query.extensions === 'true'));
        return format === 'json'
          ? prepareRepresentation(JSON.stringify(docs), 'application/json; charset=utf-8') // requestDoc builds exactly the schema's fields
          : prepareRepresentation(toXml('service_requests', RequestsSchema, docs), 'text/xml; charset=utf-8');
      });
      return sendRepresentation(req, reply, value);
    },
  );

  app.get(
    '/requests/:file',
    {
      schema: { tags, summary: 'Open311 GET one service request: /requests/{id}.{format}', params: FileParams, querystring: Type.Object({ ...Jurisdiction, extensions: Type.Optional(Type.String({ maxLength: 5 })) }), response: responses(RequestsSchema) },
    },
    async (req, reply) => {
      const { id, format } = split(req.params.file);
      jurisdiction(req.query.jurisdiction_id);
      return send(reply, format, 'service_requests', RequestsSchema, [requestDoc(await service.get(id), req.query.extensions === 'true')]);
    },
  );

  app.get(
    '/tokens/:file',
    { schema: { tags, summary: 'Open311 GET service_request_id from a token.', params: FileParams, querystring: Type.Object(Jurisdiction), response: responses(TokenResultSchema) } },
    async (req, reply) => {
      const { id, format } = split(req.params.file);
      jurisdiction(req.query.jurisdiction_id);
      const r = await service.byToken(id);
      return send(reply, format, 'service_requests', TokenResultSchema, [{ service_request_id: r.id, token: r.token }]);
    },
  );
};
