/** HTTP binding of the parking module: back office, push input, ParkAPI v3, GeoJSON and the SSE stream. */
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { sendRepresentation } from '../../platform/http/representation.js';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { parseCsv } from './parking.input.js';
import { geoJson, parkApiSite } from './parking.present.js';
import {
  ForecastSchema,
  GeoJsonSchema,
  ParkApiSiteSchema,
  ProfileSchema,
  PushResult,
  ReadingSchema,
  RejectionSchema,
  SiteInputSchema,
  SitePatchSchema,
  SiteSchema,
  SourceInputSchema,
  SourcePatchSchema,
  SourceSchema,
  SummarySchema,
} from './parking.schemas.js';
import type { ParkingService } from './parking.service.js';
import type { SourceService } from './parking.sources.js';

const tags = ['parking'];

export const parkingRoutes: FastifyPluginAsyncTypebox<{ service: ParkingService; sources: SourceService }> = async (app, { service, sources }) => {
  // The guidance system's controller posts plain text lines; only this plugin scope accepts text/csv.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.get('/api/parking/sites', { schema: { tags, summary: 'Car parks with their newest reading and its freshness.', response: { 200: Type.Object({ items: Type.Array(SiteSchema) }) } } }, async () => ({
    items: await service.list(),
  }));

  app.get('/api/parking/sites/:id', { schema: { tags, summary: 'One car park.', params: IdParams, response: { 200: SiteSchema, ...errorResponses(400, 404) } } }, async (req) =>
    service.get(req.params.id),
  );

  app.post(
    '/api/parking/sites',
    { schema: { tags, summary: 'Adds a car park (editors of parking); creates its SensorThings Thing and Datastreams.', body: SiteInputSchema, response: { 201: SiteSchema, ...errorResponses(400, 401, 403, 409) } } },
    async (req, reply) => reply.status(201).send(await service.createSite(req.actor, req.body)),
  );

  app.patch(
    '/api/parking/sites/:id',
    { schema: { tags, summary: 'Changes a car park’s static data (editors of parking).', params: IdParams, body: SitePatchSchema, response: { 200: SiteSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => service.updateSite(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/parking/push',
    {
      schema: {
        tags,
        summary: 'Readings from the guidance system (API token with parking:write). All or nothing: a bad reading rejects the request.',
        body: Type.Object(
          { items: Type.Array(ReadingSchema, { minItems: 1, maxItems: 1000 }), simulated: Type.Optional(Type.Boolean({ description: 'true for simulator output: stored and shown as simulated' })) },
          { additionalProperties: false },
        ),
        response: { 200: PushResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req) => service.ingest(req.actor, req.body.simulated ? 'simulator' : 'push', req.body.items, { simulated: req.body.simulated ?? false }),
  );

  app.post(
    '/api/parking/push/csv',
    {
      schema: {
        tags,
        summary: 'Readings as text/csv lines "uid,free[,status[,timestamp]]" (API token with parking:write).',
        body: Type.String({ maxLength: 200_000 }),
        response: { 200: PushResult, ...errorResponses(400, 401, 403, 404, 415, 422) },
      },
    },
    async (req) => service.ingest(req.actor, 'push-csv', parseCsv(req.body)),
  );

  app.get('/api/parking/rejections', { schema: { tags, summary: 'Rejected readings (staff).', response: { 200: Type.Object({ items: Type.Array(RejectionSchema) }), ...errorResponses(401, 403) } } }, async (req) => ({
    items: await service.rejections(req.actor),
  }));

  app.get('/api/parking/sources', { schema: { tags, summary: 'ParkAPI v3 sources that are polled, with their state and last error (staff).', response: { 200: Type.Object({ items: Type.Array(SourceSchema) }), ...errorResponses(401, 403) } } }, async (req) => ({
    items: await sources.list(req.actor),
  }));
  app.post(
    '/api/parking/sources',
    { schema: { tags, summary: 'Adds a ParkAPI v3 source to poll (editors of parking).', body: SourceInputSchema, response: { 201: SourceSchema, ...errorResponses(400, 401, 403) } } },
    async (req, reply) => reply.status(201).send(await sources.create(req.actor, req.body)),
  );
  app.patch(
    '/api/parking/sources/:id',
    { schema: { tags, summary: 'Changes a ParkAPI source; a new URL or interval is polled at once.', params: IdParams, body: SourcePatchSchema, response: { 200: SourceSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => sources.update(req.actor, req.params.id, req.body),
  );
  app.delete('/api/parking/sources/:id', { schema: { tags, summary: 'Removes a ParkAPI source (its car parks and readings stay).', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } }, async (req, reply) => {
    await sources.remove(req.actor, req.params.id);
    return reply.status(204).send(null);
  });
  app.post(
    '/api/parking/sources/:id/poll',
    { schema: { tags, summary: 'Polls the source now and returns its new state.', params: IdParams, response: { 200: SourceSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => sources.pollNow(req.actor, req.params.id),
  );

  app.get(
    '/api/parking/v3/parking-sites',
    { schema: { tags, summary: 'ParkAPI v3-compatible parking sites with realtime data.', response: { 200: Type.Object({ items: Type.Array(ParkApiSiteSchema), total_count: Type.Integer() }) } } },
    // The prepared body holds only what parkApiSite presents, i.e. the fields of the schema above.
    async (req, reply: FastifyReply) =>
      sendRepresentation(req, reply, await service.publicRepresentation('parkapi', 'application/json; charset=utf-8', (sites) => ({ items: sites.map(parkApiSite), total_count: sites.length }))),
  );

  app.get('/api/parking/v3/parking-sites/:id', { schema: { tags, summary: 'One ParkAPI v3 parking site.', params: IdParams, response: { 200: ParkApiSiteSchema, ...errorResponses(400, 404) } } }, async (req) =>
    parkApiSite(await service.get(req.params.id)),
  );

  app.get('/api/parking/geojson', { schema: { tags, summary: 'Car parks as GeoJSON with free spaces, status and freshness.', response: { 200: GeoJsonSchema } } }, async (req, reply) =>
    sendRepresentation(req, reply, await service.publicRepresentation('geojson', 'application/geo+json', geoJson)),
  );

  app.get('/api/parking/summary', { schema: { tags, summary: 'Total free spaces and each car park with its freshness (dashboard).', response: { 200: SummarySchema } } }, async () =>
    service.summary(),
  );

  app.get('/api/parking/sites/:id/profile', { schema: { tags, summary: 'Mean occupancy per hour of the week (local time).', params: IdParams, response: { 200: ProfileSchema, ...errorResponses(400, 404) } } }, async (req) =>
    service.profile(req.params.id),
  );

  app.get('/api/parking/sites/:id/forecast', { schema: { tags, summary: 'Free spaces forecast for the next 60 minutes.', params: IdParams, response: { 200: ForecastSchema, ...errorResponses(400, 404) } } }, async (req) =>
    service.forecast(req.params.id),
  );

  // Open event streams end when the server closes, so shutdown does not wait for clients.
  const streams = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    for (const s of streams) s.end();
  });
  app.get(
    '/api/parking/events',
    { schema: { tags, summary: 'Server-sent events: one "change" event per stored reading.', response: { 200: Type.String({ description: 'text/event-stream' }) } } },
    (req, reply) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write('retry: 5000\n\n');
      streams.add(raw);
      const off = service.onChange((c) => raw.write(`event: change\ndata: ${JSON.stringify(c)}\n\n`));
      const ping = setInterval(() => raw.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        off();
        clearInterval(ping);
        streams.delete(raw);
      });
    },
  );
};
