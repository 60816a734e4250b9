/** HTTP for the web form, public helpers and photos under /api/reports (problem+json errors). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../platform/http/errors.js';
import { errorResponses, Nullable, RecordId } from '../../platform/http/schemas.js';
import { attributesOf, mediaOf, numberField } from './reports.input.js';
import type { ReportsService } from './reports.service.js';


export const PublicReportSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  detailedStatus: Type.String(),
  statusNotes: Nullable(Type.String()),
  serviceCode: Type.String(),
  serviceName: Type.String(),
  description: Nullable(Type.String()),
  agency: Type.String(),
  district: Nullable(Type.String()),
  requestedAt: Type.String(),
  updatedAt: Type.String(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  mediaUrls: Type.Array(Type.String()),
  supporters: Type.Integer(),
  duplicateOf: Nullable(Type.String()),
  demo: Type.Boolean(),
});

const WebBody = Type.Object(
  {
    service_code: Type.Optional(Type.String({ maxLength: 100 })),
    lat: Type.Optional(Type.Union([Type.Number(), Type.String({ maxLength: 40 })])),
    long: Type.Optional(Type.Union([Type.Number(), Type.String({ maxLength: 40 })])),
    address_string: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    website: Type.Optional(Type.String({ maxLength: 200, description: 'honeypot: leave empty' })),
  },
  { additionalProperties: true, description: 'plus attribute[CODE] fields and up to three media files (multipart)' },
);

export const reportsPublicRoutes: FastifyPluginAsyncTypebox<{ service: ReportsService }> = async (app, { service }) => {
  const tags = ['reports'];

  app.post(
    '/api/reports/requests',
    {
      // A cheap gate in front of the counted limit (REPORTS_WEB_PER_HOUR): it also counts refused
      // attempts, which the counted limit never sees, so it allows three times as many.
      config: { rateLimit: { max: 3 * service.settings.webSubmissionsPerHourPerIp, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Submits a report from the web form (form-encoded, multipart with photos, or JSON). Anonymous, or with an e-mail for updates.',
        body: WebBody,
        response: { 201: Type.Object({ id: Type.String(), token: Type.String(), serviceNotice: Type.String() }), ...errorResponses(400, 404, 413, 429) },
      },
    },
    async (req, reply) => {
      const body = req.body as Record<string, unknown> & typeof req.body;
      // Honeypot: people never see this field; bots fill every field they find.
      if (body.website) throw badRequest('REPORTS_SUBMISSION_REJECTED', 'The form could not be accepted.', 'body.website');
      const attrs = body['attributes'];
      const result = await service.submit(
        {
          serviceCode: body.service_code || undefined,
          lat: numberField(body.lat, 'lat'),
          long: numberField(body.long, 'long'),
          addressString: body.address_string,
          description: body.description,
          email: body.email || undefined,
          attributes: attrs && typeof attrs === 'object' && !Array.isArray(attrs) ? (attrs as Record<string, string | string[]>) : attributesOf(body),
          photos: mediaOf(body),
        },
        { channel: 'web', ip: req.ip },
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/reports/nearby',
    {
      schema: {
        tags,
        summary: 'Open reports of the same category near a point, shown before submitting so that citizens can support one instead.',
        querystring: Type.Object({
          service_code: Type.String({ maxLength: 100 }),
          lat: Type.Number(),
          long: Type.Number(),
          radius: Type.Optional(Type.Integer({ minimum: 10, maximum: 1000, default: 150 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(PublicReportSchema) }), ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const items = await service.nearby({ serviceCode: req.query.service_code, lat: req.query.lat, long: req.query.long, radius: req.query.radius ?? 150 });
      return { items: items.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString(), updatedAt: r.updatedAt.toISOString() })) };
    },
  );

  app.post(
    '/api/reports/requests/:id/support',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: '"Me too": supports an open report (once per person).',
        params: Type.Object({ id: Type.String({ pattern: '^\\d{1,15}$' }) }),
        body: Type.Optional(Type.Object({ email: Type.Optional(Type.String({ maxLength: 254 })) }, { additionalProperties: false })),
        response: { 200: Type.Object({ supporters: Type.Integer(), added: Type.Boolean() }), ...errorResponses(400, 404, 429) },
      },
    },
    async (req) => service.support(req.params.id, { ip: req.ip, email: req.body?.email }),
  );

  app.get(
    '/api/reports/confirm',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Confirms the reporter e-mail address (link from the confirmation mail).',
        querystring: Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) }),
        response: { 200: Type.Object({ id: Type.String(), confirmed: Type.Boolean() }), ...errorResponses(400, 404) },
      },
    },
    async (req) => service.confirmEmail(req.query.token),
  );

  // Open311 services carry the German texts only (GeoReport v2 has no language parameter); the web
  // pages take the English ones from here. An empty English text means "not translated yet".
  app.get(
    '/api/reports/services',
    {
      schema: {
        tags,
        summary: 'Active categories with their German and English names, descriptions and groups, in Open311 order.',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                nameEn: Type.String(),
                description: Type.String(),
                descriptionEn: Type.String(),
                group: Type.String(),
                groupEn: Type.String(),
              }),
            ),
          }),
          ...errorResponses(400),
        },
      },
    },
    async () => ({
      items: (await service.categories()).map((c) => ({
        code: c.code,
        name: c.name,
        nameEn: c.name_en,
        description: c.description,
        descriptionEn: c.description_en,
        group: c.group_name,
        groupEn: c.group_name_en,
      })),
    }),
  );

  app.post(
    '/api/reports/suggest',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Suggests categories for a description (local model; a suggestion only).',
        body: Type.Object({ description: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ serviceCode: Type.String(), serviceName: Type.String(), office: Type.String(), probability: Type.Number() })) }),
          ...errorResponses(400),
        },
      },
    },
    async (req) => ({ items: await service.suggest(req.body.description) }),
  );

  const PhotoParams = Type.Object({ id: RecordId(), variant: Type.Optional(Type.Union([Type.Literal('thumb'), Type.Literal('original')])) });
  const photoHandler = { schema: { tags, summary: 'A report photo (public once released; staff see all).', params: PhotoParams, response: { 200: Type.Any(), ...errorResponses(400, 404) } } };
  for (const path of ['/api/reports/photos/:id', '/api/reports/photos/:id/:variant']) {
    app.get(path, photoHandler, async (req, reply) => {
      const staff = req.actor.kind === 'user';
      const p = await service.photo(req.params.id, req.params.variant ?? 'full', staff);
      return reply
        .type(p.mime)
        .header('cache-control', staff ? 'private, no-store' : 'public, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .send(p.data);
    });
  }

  app.get(
    '/api/reports/stats',
    {
      schema: {
        tags,
        summary: 'Reports opened and resolved in a period, median hours to resolution (dashboard).',
        querystring: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }),
        response: {
          200: Type.Object({ from: Type.String(), to: Type.String(), opened: Type.Integer(), resolved: Type.Integer(), medianHoursToResolution: Nullable(Type.Number()) }),
          ...errorResponses(400),
        },
      },
    },
    async (req) => {
      const s = await service.stats(new Date(req.query.from), new Date(req.query.to));
      return { ...s, from: s.from.toISOString(), to: s.to.toISOString() };
    },
  );
};
