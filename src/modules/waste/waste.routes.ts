/** HTTP binding of the waste module: containers, LoRaWAN webhooks, rules, alerts, pickup plan, NGSI-v2. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { IdParams, errorResponses } from '../../platform/http/schemas.js';
import { base64Bytes } from './waste.decoders.js';
import { planCsv, planGpx } from './waste.export.js';
import {
  AlertSchema,
  ContainerInputSchema,
  ContainerPatchSchema,
  ContainerSchema,
  NgsiEntitySchema,
  PlanQuery,
  PlanSchema,
  RejectionSchema,
  RulesSchema,
  SummarySchema,
  TtsUplinkSchema,
  UplinkResult,
} from './waste.schemas.js';
import { KINDS, type WasteService } from './waste.service.js';

const tags = ['waste'];
const date = (text: string | undefined) => (text ? new Date(text) : null);

export const wasteRoutes: FastifyPluginAsyncTypebox<{ service: WasteService }> = async (app, { service }) => {
  app.get(
    '/api/waste/containers',
    {
      schema: {
        tags,
        summary: 'Containers with their newest fill level.',
        querystring: Type.Object({ kind: Type.Optional(Type.Union(KINDS.map((k) => Type.Literal(k)))), district: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(ContainerSchema) }), ...errorResponses(400) },
      },
    },
    async (req) => ({ items: await service.list(req.query) }),
  );

  app.get('/api/waste/containers/:id', { schema: { tags, summary: 'One container.', params: IdParams, response: { 200: ContainerSchema, ...errorResponses(400, 404) } } }, async (req) =>
    service.get(req.params.id),
  );

  app.post(
    '/api/waste/containers',
    { schema: { tags, summary: 'Adds a container (editors of waste); creates its SensorThings Thing and Datastreams.', body: ContainerInputSchema, response: { 201: ContainerSchema, ...errorResponses(400, 401, 403, 409) } } },
    async (req, reply) => reply.status(201).send(await service.createContainer(req.actor, req.body)),
  );

  app.patch(
    '/api/waste/containers/:id',
    { schema: { tags, summary: 'Changes a container (editors of waste).', params: IdParams, body: ContainerPatchSchema, response: { 200: ContainerSchema, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (req) => service.updateContainer(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/waste/lorawan/tts',
    {
      schema: {
        tags,
        summary: 'Uplink webhook of The Things Stack v3 (API token with waste:write as Authorization header).',
        body: TtsUplinkSchema,
        response: { 200: UplinkResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req) => {
      const ids = req.body.end_device_ids;
      const up = req.body.uplink_message;
      return service.uplink(req.actor, 'tts', {
        devEui: ids.dev_eui ?? '',
        bytes: () => base64Bytes(up?.frm_payload),
        decoded: up?.decoded_payload ?? null,
        at: date(up?.received_at ?? req.body.received_at),
      });
    },
  );

  app.post(
    '/api/waste/lorawan/chirpstack',
    {
      schema: {
        tags,
        summary: 'ChirpStack v4 HTTP integration (JSON; ?event=up; other events are acknowledged and ignored).',
        querystring: Type.Object({ event: Type.Optional(Type.String({ maxLength: 20 })) }),
        // Every ChirpStack event arrives at this URL with its own shape; only "up" is read, and checked in the service.
        body: Type.Record(Type.String(), Type.Unknown(), { description: 'ChirpStack v4 event JSON: deviceInfo.devEui, time, fPort, data (base64), object' }),
        response: { 200: UplinkResult, 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      if (req.query.event !== undefined && req.query.event !== 'up') return reply.status(204).send(null);
      const body = req.body as { deviceInfo?: { devEui?: unknown }; data?: unknown; object?: unknown; time?: unknown };
      return service.uplink(req.actor, 'chirpstack', {
        devEui: typeof body.deviceInfo?.devEui === 'string' ? body.deviceInfo.devEui : '',
        bytes: () => base64Bytes(typeof body.data === 'string' ? body.data : undefined),
        decoded: body.object !== null && typeof body.object === 'object' ? (body.object as Record<string, unknown>) : null,
        at: typeof body.time === 'string' ? date(body.time) : null,
      });
    },
  );

  app.get('/api/waste/rules', { schema: { tags, summary: 'Alert rules (staff).', response: { 200: RulesSchema, ...errorResponses(401, 403) } } }, async (req) =>
    service.readRules(req.actor),
  );

  app.put('/api/waste/rules', { schema: { tags, summary: 'Changes the alert rules (editors of waste).', body: RulesSchema, response: { 200: RulesSchema, ...errorResponses(400, 401, 403) } } }, async (req) =>
    service.saveRules(req.actor, req.body),
  );

  app.get(
    '/api/waste/alerts',
    { schema: { tags, summary: 'Alerts (staff).', querystring: Type.Object({ open: Type.Optional(Type.Boolean({ default: true })) }), response: { 200: Type.Object({ items: Type.Array(AlertSchema) }), ...errorResponses(400, 401, 403) } } },
    async (req) => ({ items: await service.alerts(req.actor, req.query.open ?? true) }),
  );

  app.post('/api/waste/alerts/check', { schema: { tags, summary: 'Checks for stale sensors now (also runs every 15 minutes).', response: { 200: Type.Object({ opened: Type.Integer() }), ...errorResponses(401, 403) } } }, async (req) =>
    service.checkStale(req.actor),
  );

  app.get('/api/waste/rejections', { schema: { tags, summary: 'Rejected uplinks (staff).', response: { 200: Type.Object({ items: Type.Array(RejectionSchema) }), ...errorResponses(401, 403) } } }, async (req) => ({
    items: await service.rejections(req.actor),
  }));

  const planOf = (req: { actor: Parameters<WasteService['plan']>[0]; query: Static<typeof PlanQuery> }) => {
    const { depotLat, depotLon, ...rest } = req.query;
    return service.plan(req.actor, { ...rest, depot: depotLat !== undefined && depotLon !== undefined ? { lat: depotLat, lon: depotLon } : undefined });
  };
  app.get(
    '/api/waste/pickup-plan',
    { schema: { tags, summary: 'Containers to empty on a date and their route order (staff).', querystring: PlanQuery, response: { 200: PlanSchema, ...errorResponses(400, 401, 403) } } },
    async (req) => planOf(req),
  );
  app.get(
    '/api/waste/pickup-plan.csv',
    { schema: { tags, summary: 'The pickup plan as CSV (staff).', querystring: PlanQuery, response: { 200: Type.String({ description: 'text/csv' }), ...errorResponses(400, 401, 403) } } },
    async (req, reply) => {
      const plan = await planOf(req);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="leerung-${plan.date}.csv"`).send(planCsv(plan));
    },
  );
  app.get(
    '/api/waste/pickup-plan.gpx',
    { schema: { tags, summary: 'The pickup route as GPX 1.1 for navigation devices (staff).', querystring: PlanQuery, response: { 200: Type.String({ description: 'application/gpx+xml' }), ...errorResponses(400, 401, 403) } } },
    async (req, reply) => {
      const plan = await planOf(req);
      return reply.type('application/gpx+xml; charset=utf-8').header('content-disposition', `attachment; filename="leerung-${plan.date}.gpx"`).send(planGpx(plan));
    },
  );

  app.get(
    '/api/waste/ngsi/v2/entities',
    {
      schema: {
        tags,
        summary: 'Containers as NGSI-v2 keyValues entities of type WasteContainer (FIWARE Smart Data Models).',
        querystring: Type.Object({ type: Type.Optional(Type.Literal('WasteContainer')), options: Type.Optional(Type.Literal('keyValues')) }),
        response: { 200: Type.Array(NgsiEntitySchema), ...errorResponses(400) },
      },
    },
    async () => service.ngsi(),
  );

  app.get('/api/waste/summary', { schema: { tags, summary: 'Containers needing pickup, stale sensors, open alerts (dashboard).', response: { 200: SummarySchema } } }, async () => service.summary());
};
