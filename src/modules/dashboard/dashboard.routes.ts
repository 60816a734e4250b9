/** HTTP binding of the dashboard: one public read with every tile. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { csvLine } from '../../platform/http/csv.js';
import { sendRepresentation } from '../../platform/http/representation.js';
import { errorResponses, Nullable } from '../../platform/http/schemas.js';
import { MAX_RANGE_DAYS, seriesTable } from './dashboard.series.js';
import type { DashboardService } from './dashboard.service.js';

const Cell = Type.Union([Type.Number(), Type.String(), Type.Null()]);

const TileIdSchema = Type.Union([
  Type.Literal('services-online'),
  Type.Literal('projects-by-status'),
  Type.Literal('parking'),
  Type.Literal('waste'),
  Type.Literal('reports'),
  Type.Literal('fibre'),
]);

export const TileSchema = Type.Object({
  id: TileIdSchema,
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

const SeriesPoint = Type.Object({
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time', description: 'exclusive' }),
  label: Nullable(Type.String({ description: 'district name (fibre); null for points in time' })),
  values: Type.Record(Type.String(), Cell),
});

const SeriesSchema = Type.Object({
  tile: TileIdSchema,
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  bucket: Nullable(Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')], { description: 'null: not a time series (fibre per district)' })),
  columns: Type.Array(Type.String()),
  primary: Type.String({ description: 'the column charted against the comparison period' }),
  compare: Nullable(Type.Union([Type.Literal('previous'), Type.Literal('lastYear')])),
  compareFrom: Nullable(Type.String({ format: 'date-time' })),
  compareTo: Nullable(Type.String({ format: 'date-time' })),
  points: Type.Array(SeriesPoint),
  comparison: Nullable(Type.Array(SeriesPoint, { description: 'bucket i of the comparison period beside point i' })),
});

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ service: DashboardService }> = async (app, opts) => {
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

  app.get(
    '/api/dashboard/series/:tile',
    {
      schema: {
        tags: ['dashboard'],
        summary: `The time series behind a tile for [from, to) in hourly (up to 2 days), daily (up to 92 days) or monthly buckets (Europe/Berlin), at most ${MAX_RANGE_DAYS} days; with compare, the previous period or the same period a year before. format=csv: exactly those rows.`,
        params: Type.Object({ tile: TileIdSchema }),
        querystring: Type.Object({
          from: Type.Optional(Type.String({ description: 'ISO 8601 date-time, or a date (local midnight); default: seven days before `to`' })),
          to: Type.Optional(Type.String({ description: 'exclusive; ISO 8601 date-time or a date; default: now' })),
          compare: Type.Optional(Type.Union([Type.Literal('previous'), Type.Literal('lastYear')])),
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
        }),
        response: { 200: SeriesSchema, ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const series = await opts.service.series(req.params.tile, query);
      if (format !== 'csv') return series;
      const { header, rows } = seriesTable(series);
      const name = `dashboard-${series.tile}-${series.from.slice(0, 10)}-${series.to.slice(0, 10)}.csv`;
      // A file, not the JSON the schema describes: sent as is (BOM so German Excel reads UTF-8).
      return (reply as FastifyReply)
        .header('content-disposition', `attachment; filename="${name}"`)
        .type('text/csv; charset=utf-8')
        .send('\uFEFF' + csvLine(header) + rows.map((r) => csvLine(r)).join(''));
    },
  );
};
