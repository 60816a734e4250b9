/** HTTP binding of the dashboard: one public read with every tile. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { sendRepresentation } from '../../platform/http/representation.js';
import type { DashboardService } from './dashboard.service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Cell = Type.Union([Type.Number(), Type.String(), Type.Null()]);

export const TileSchema = Type.Object({
  id: Type.Union(['services-online', 'projects-by-status', 'parking', 'waste', 'reports', 'fibre'].map((id) => Type.Literal(id))),
  status: Type.Union([Type.Literal('ok'), Type.Literal('stale'), Type.Literal('unavailable')], {
    description: 'stale: the newest value is older than its source allows; unavailable: the source failed or has no data',
  }),
  stale: Type.Boolean({ description: 'true for stale and unavailable tiles: show them greyed and labelled' }),
  simulated: Type.Boolean({ description: 'the values come from a simulator (demo), not from real sensors' }),
  demo: Type.Boolean({ description: 'the values include demo records' }),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  value: Nullable(Type.Number({ description: 'the headline figure, in `unit`' })),
  unit: Type.Union([Type.Literal('percent'), Type.Literal('count'), Type.Literal('spaces'), Type.Literal('districts')]),
  values: Type.Record(Type.String(), Nullable(Type.Number())),
  columns: Type.Array(Type.String(), { description: 'keys of each row’s values, in display order' }),
  rows: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Nullable(Type.String({ description: 'a proper name; null: translate `key`' })),
      values: Type.Record(Type.String(), Cell),
      stale: Type.Boolean(),
      simulated: Type.Boolean(),
    }),
  ),
  explanation: Type.Object({ de: Type.String(), en: Type.String() }),
  source: Type.String({ description: 'open-data dataset: /opendata/<source>' }),
  details: Type.String({ description: 'web path with the details' }),
});

export async function dashboardRoutes(app: FastifyInstance, opts: { service: DashboardService }) {
  app.get(
    '/api/dashboard/tiles',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Every tile of the Smart City dashboard in one answer (ETag, gzip; at most a few seconds old).',
        response: {
          200: Type.Object({ tiles: Type.Array(TileSchema) }),
          304: Type.Null({ description: 'Not modified (If-None-Match)' }),
        },
      },
    },
    // The prepared body is built from the Tile type, i.e. the fields of the schema above.
    async (req, reply: FastifyReply) => sendRepresentation(req, reply, await opts.service.representation(), 5),
  );
}
