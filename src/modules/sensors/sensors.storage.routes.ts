/**
 * Storage settings of a Datastream (outside SensorThings, which has no such notion): how long raw
 * Observations are kept and which hourly/daily aggregate Datastreams are maintained. Errors are the
 * platform's problem+json, not FROST's shape: this is a platform API.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Nullable, errorResponses } from '../../platform/http/schemas.js';
import type { SensorsService } from './sensors.service.js';

const Period = Type.Union([Type.Literal('PT1H'), Type.Literal('P1D')]);
const Storage = Type.Object({
  retentionDays: Nullable(Type.Integer()),
  aggregates: Type.Array(Type.Object({ period: Period, datastreamId: Type.Integer() })),
});
/** Up to 100 years; longer is "forever", which is null. */
export const MAX_RETENTION_DAYS = 36_500;

export const sensorsStorageRoutes: FastifyPluginAsyncTypebox<{ service: SensorsService }> = async (app, { service }) => {
  const tags = ['sensors'];
  app.get(
    '/api/sensors/datastreams/:id/storage',
    {
      schema: {
        tags,
        summary: 'Retention of raw Observations and the aggregate Datastreams (hourly/daily means) of a Datastream.',
        params: IdParams,
        response: { 200: Storage, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.storage(req.params.id),
  );

  app.put(
    '/api/sensors/datastreams/:id/storage',
    {
      schema: {
        tags,
        summary:
          'Sets the retention in days (null: keep forever) and the aggregates (PT1H, P1D) of a Datastream; new aggregate Datastreams are filled from the stored values (staff with module sensors, or sensors:write).',
        params: IdParams,
        body: Type.Object(
          {
            retentionDays: Nullable(Type.Integer({ minimum: 1, maximum: MAX_RETENTION_DAYS })),
            aggregates: Type.Array(Period, { maxItems: 2, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Storage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.configureStorage(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/sensors/retention',
    {
      schema: {
        tags,
        summary: 'Runs the retention job now (it also runs every hour): deletes raw Observations past their Datastream’s retention.',
        response: { 200: Type.Object({ deleted: Type.Integer() }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ deleted: await service.runRetention(req.actor) }),
  );
};
