/**
 * HTTP for the catalog: public reads (with ETag/Last-Modified and an in-memory cache keyed by the
 * catalog version), downloads (CSV, JSON, XLSX, Markdown, DOCX) and the back office writes.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { matchesEtag } from '../../platform/http/representation.js';
import { badRequest } from '../../platform/http/errors.js';
import { errorResponses, Nullable, RecordId } from '../../platform/http/schemas.js';
import type { CatalogVersion } from './catalog.cache.js';
import type { createCatalogImporter } from './catalog.import.js';
import { exportFile } from './catalog.import.js';
import { buildReport, reportCsv, reportDocx, reportMarkdown } from './catalog.report.js';
import type { CatalogService } from './catalog.service.js';
import { DETAIL_ONLY, MATURITY_MAX } from './catalog.service.js';
import { detectFormat, toCsv, toXlsx } from './catalog.tabular.js';
import { PAYMENT_METHODS, STATUSES } from './catalog.text.js';

const StatusSchema = Type.Union(
  [Type.Literal('online'), Type.Literal('in_umsetzung'), Type.Literal('geplant'), Type.Literal('nicht_online')],
  {
    description: 'online | in_umsetzung | geplant | nicht_online',
  },
);
const DateSchema = (description: string) => Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });
const OzgId = Type.String({ pattern: '^[0-9]{5}$', description: '5-digit OZG-ID' });
const LeikaKey = Type.String({ pattern: '^[0-9]{14}$', description: '14-digit LeiKa key' });
const Counts = Type.Object({
  online: Type.Integer(),
  in_umsetzung: Type.Integer(),
  geplant: Type.Integer(),
  nicht_online: Type.Integer(),
});
const LangSchema = Type.Union([Type.Literal('de'), Type.Literal('en')], { default: 'de' });

const Service = Type.Object({
  id: Type.Integer(),
  ref: Type.String(),
  name: Type.String(),
  description: Type.String(),
  status: Nullable(StatusSchema),
  statusSince: Type.String(),
  listed: Type.Boolean({ description: 'false once the service was merged into another' }),
  ozg: Nullable(
    Type.Object({ id: Type.String(), name: Type.String(), active: Type.Boolean(), successorOzgId: Nullable(Type.String()) }),
  ),
  leika: Nullable(Type.Object({ key: Type.String(), name: Type.String(), type: Type.String() })),
  local: Type.Boolean(),
  themenfeld: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  lebenslage: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  reasonNotOnline: Type.String(),
  maturityLevel: Nullable(Type.Integer()),
  maturityModel: Type.String(),
  efa: Type.Boolean(),
  efaProviderState: Type.String(),
  onlineUrl: Type.String(),
  epaybl: Type.Boolean(),
  paymentMethods: Type.Array(Type.String()),
  office: Type.String(),
  plannedGoLive: Nullable(Type.String()),
  rolloutProject: Type.String(),
  notes: Type.String(),
  demo: Type.Boolean({ description: 'true for the simulated Koblenz demo data' }),
  updatedAt: Type.String(),
});

const ServiceSummary = Type.Object(
  Object.fromEntries(Object.entries(Service.properties).filter(([k]) => !(DETAIL_ONLY as readonly string[]).includes(k))) as Omit<
    typeof Service.properties,
    (typeof DETAIL_ONLY)[number]
  >,
);

const ServiceDetail = Type.Object({
  ...Service.properties,
  relatedLeika: Type.Array(Type.Object({ key: Nullable(Type.String()), name: Type.String(), type: Type.String() })),
});

const Member = Type.Object({ id: Type.Integer(), ref: Type.String(), name: Type.String(), status: Nullable(StatusSchema) });
const Restructure = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('merge'), Type.Literal('split')]),
  effectiveDate: Type.String(),
  note: Type.String(),
  catalogReference: Type.String(),
  sources: Type.Array(Member),
  targets: Type.Array(Member),
  effect: Counts,
});

const ListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'full text; umlauts optional (Führerschein = fuhrerschein = Fuehrerschein)' }),
  ),
  status: Type.Optional(Type.Array(StatusSchema, { description: 'one or more statuses' })),
  online: Type.Optional(Type.Boolean({ description: 'true: only services online now' })),
  themenfeld: Type.Optional(RecordId()),
  lebenslage: Type.Optional(RecordId()),
  efa: Type.Optional(Type.Boolean()),
  ozgId: Type.Optional(OzgId),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('status_since')], { default: 'name' })),
});
type ListQuery = Static<typeof ListQuery>;

const Editable = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  ozgId: Type.Optional(Nullable(OzgId)),
  leikaKey: Type.Optional(Nullable(LeikaKey)),
  local: Type.Optional(Type.Boolean({ description: 'a service of the city without OZG/LeiKa entry' })),
  themenfeldId: Type.Optional(Nullable(RecordId())),
  lebenslageId: Type.Optional(Nullable(RecordId())),
  status: Type.Optional(StatusSchema),
  reasonNotOnline: Type.Optional(Type.String({ maxLength: 2000, description: 'required for nicht_online' })),
  maturityLevel: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: MATURITY_MAX, description: 'Reifegrad (model 1.1: 0–4, model 2.0: 0–7)' })),
  ),
  maturityModel: Type.Optional(Type.String({ maxLength: 20 })),
  efa: Type.Optional(Type.Boolean()),
  efaProviderState: Type.Optional(Type.String({ maxLength: 100 })),
  onlineUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  epaybl: Type.Optional(Type.Boolean()),
  paymentMethods: Type.Optional(Type.Array(Type.Union(PAYMENT_METHODS.map((m) => Type.Literal(m))), { maxItems: 10 })),
  office: Type.Optional(Type.String({ maxLength: 300 })),
  plannedGoLive: Type.Optional(Nullable(DateSchema('planned go-live'))),
  rolloutProject: Type.Optional(Type.String({ maxLength: 300 })),
  notes: Type.Optional(Type.String({ maxLength: 5000 })),
};
const Meta = {
  effectiveDate: Type.Optional(DateSchema('the day the change takes effect; default today, never in the future')),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
};

const Id = Type.Object({ id: RecordId() });
const Page = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
};

const toFilter = (q: ListQuery) => ({
  q: q.q,
  statuses: q.online ? ['online' as const] : (q.status ?? []),
  themenfeldId: q.themenfeld,
  lebenslageId: q.lebenslage,
  efa: q.efa,
  ozgId: q.ozgId,
  sort: q.sort ?? 'name',
});

const FILE_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const catalogRoutes: FastifyPluginAsyncTypebox<{
  service: CatalogService;
  importer: ReturnType<typeof createCatalogImporter>;
}> = async (app, { service, importer }) => {
  // Uploads of the city list or a catalogue export arrive as the raw file.
  app.addContentTypeParser(
    [
      'text/csv',
      'text/plain',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
    { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  /**
   * Conditional GET: 304 when the client has this version; otherwise the body from the cache. The
   * cache keeps the serialised body (JSON text or file bytes), so a hit costs no database query and
   * no serialisation; produced values hold only the fields of the route's response schema.
   */
  async function publicRead(
    req: FastifyRequest,
    reply: FastifyReply,
    produce: () => Promise<unknown>,
  ): Promise<string | Buffer | undefined> {
    const { value, version } = await service.cache.remember(req.url, async () => {
      const v = await produce();
      return typeof v === 'string' || Buffer.isBuffer(v) ? v : JSON.stringify(v);
    });
    if (notModified(req, reply, version)) return undefined;
    return value;
  }

  /** Sends cached JSON text as is (it was built from the presenters the schema describes). */
  async function publicJson(req: FastifyRequest, reply: FastifyReply, produce: () => Promise<unknown>) {
    const body = await publicRead(req, reply, produce);
    if (body === undefined) return undefined; // 304
    return reply.type('application/json; charset=utf-8').send(body);
  }

  /** `variant` separates answers that differ by who asks (history shows authors to staff only). */
  function notModified(req: FastifyRequest, reply: FastifyReply, version: CatalogVersion, variant = ''): boolean {
    const etag = `"c${version.version}-${createHash('sha1')
      .update(req.url + variant)
      .digest('base64url')
      .slice(0, 12)}"`;
    reply
      .header('etag', etag)
      .header('last-modified', version.updatedAt.toUTCString())
      .header('cache-control', variant ? 'private, no-cache' : 'public, no-cache');
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh = inm
      ? matchesEtag(inm, etag)
      : Boolean(ims) && Math.floor(version.updatedAt.getTime() / 1000) <= Math.floor(Date.parse(ims!) / 1000);
    if (fresh) reply.code(304);
    return fresh;
  }

  function download(reply: FastifyReply, name: string, kind: keyof typeof FILE_TYPES, body: string | Buffer) {
    // A file, not the JSON the route's schema describes: sent as is.
    return reply.header('content-disposition', `attachment; filename="${name}"`).type(FILE_TYPES[kind]).send(body);
  }

  const list = Type.Object({
    items: Type.Array(ServiceSummary),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

  app.get(
    '/api/catalog/services',
    {
      schema: {
        tags: ['catalog'],
        summary: "The city's administrative services (public, paginated). ETag/Last-Modified; 304 on a match.",
        querystring: Type.Object({ ...ListQuery.properties, ...Page }),
        response: { 200: list, ...errorResponses(400) },
      },
    },
    async (req, reply) =>
      publicJson(req, reply, () => service.list({ ...toFilter(req.query), limit: req.query.limit, offset: req.query.offset })),
  );

  app.get(
    '/api/catalog/services/export',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Download the filtered list (all pages) as CSV, JSON or XLSX (the import format).',
        querystring: Type.Object({
          ...ListQuery.properties,
          format: Type.Union([Type.Literal('csv'), Type.Literal('json'), Type.Literal('xlsx')], { default: 'csv' }),
        }),
        response: errorResponses(400),
      },
    },
    async (req, reply) => {
      const format = req.query.format;
      const body = await publicRead(req, reply, async () => {
        const page = await service.list({ ...toFilter(req.query), limit: 100_000, offset: 0 });
        if (format === 'json') return JSON.stringify(page.items);
        const rows = await service.all();
        const wanted = new Set(page.items.map((i) => i.id));
        return exportFile(
          rows.filter((r) => wanted.has(Number(r.id))),
          format,
        );
      });
      if (body === undefined) return undefined; // 304
      return download(reply, `verwaltungsleistungen.${format}`, format, body);
    },
  );

  app.get(
    '/api/catalog/services/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One service: status, how to apply online, payment methods.',
        params: Id,
        response: { 200: ServiceDetail, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => publicJson(req, reply, () => service.detail(req.params.id)),
  );

  app.get(
    '/api/catalog/services/:id/history',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Every change of a service with its effective date (the author only for staff).',
        params: Id,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                effectiveDate: Type.String(),
                status: Nullable(StatusSchema),
                kind: Type.String(),
                changes: Type.Record(Type.String(), Type.Unknown()),
                note: Type.String(),
                restructureId: Nullable(Type.Integer()),
                recordedAt: Type.String(),
                author: Nullable(Type.String()),
              }),
            ),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (req, reply) => {
      if (notModified(req, reply, await service.version(), req.actor.kind === 'anonymous' ? 'public' : 'staff')) return undefined;
      return { items: await service.history(req.actor, req.params.id) };
    },
  );

  app.get(
    '/api/catalog/facets',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Filter values with counts: statuses, Themenfelder, Lebenslagen.',
        response: {
          200: Type.Object({
            statuses: Type.Array(Type.Object({ status: StatusSchema, count: Type.Integer() })),
            themenfelder: Type.Array(
              Type.Object({ id: Type.Integer(), name: Type.String(), serviceCount: Type.Integer(), ozgCount: Type.Integer() }),
            ),
            lebenslagen: Type.Array(
              Type.Object({
                id: Type.Integer(),
                themenfeldId: Type.Integer(),
                name: Type.String(),
                serviceCount: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => publicJson(req, reply, () => service.facets()),
  );

  const Kpis = Type.Object({
    date: Type.String(),
    total: Type.Integer(),
    counts: Counts,
    shareOnline: Type.Number({ description: '0…1' }),
    byThemenfeld: Type.Array(
      Type.Object({
        id: Nullable(Type.Integer()),
        name: Type.String(),
        counts: Counts,
        total: Type.Integer(),
        shareOnline: Type.Number(),
      }),
    ),
  });

  app.get(
    '/api/catalog/kpis',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Counts per status, share online and figures per Themenfeld on a date (default today), from history.',
        querystring: Type.Object({ date: Type.Optional(DateSchema('as of')) }),
        response: { 200: Kpis, ...errorResponses(400) },
      },
    },
    async (req, reply) => publicJson(req, reply, () => service.kpis(req.query.date)),
  );

  app.get(
    '/api/catalog/kpis/timeline',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Progress over time: counts at each month (or quarter) end, from history.',
        querystring: Type.Object({
          from: Type.Optional(DateSchema('first date')),
          to: Type.Optional(DateSchema('last date, default today')),
          step: Type.Optional(Type.Union([Type.Literal('month'), Type.Literal('quarter')], { default: 'month' })),
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })),
        }),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            step: Type.String(),
            points: Type.Array(
              Type.Object({ date: Type.String(), counts: Counts, total: Type.Integer(), shareOnline: Type.Number() }),
            ),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) => {
      const q = req.query;
      if (q.from && q.to && q.from > q.to) throw badRequest('CATALOG_RANGE_INVALID', 'from must not be after to', 'query.from');
      if (q.format !== 'csv') return publicJson(req, reply, () => service.timeline(q));
      const body = await publicRead(req, reply, async () => {
        const data = await service.timeline(q);
        return toCsv(
          ['date', ...STATUSES, 'total', 'share_online'],
          data.points.map((p) => [p.date, ...STATUSES.map((s) => p.counts[s]), p.total, p.shareOnline]),
        );
      });
      if (body === undefined) return undefined; // 304
      return download(reply, 'verwaltungsleistungen-verlauf.csv', 'csv', body);
    },
  );

  const ReportSchema = Type.Object({
    date: Type.String(),
    compare: Nullable(Type.String()),
    lang: Type.String(),
    demo: Type.Boolean(),
    rows: Type.Array(
      Type.Object({
        status: StatusSchema,
        label: Type.String(),
        count: Type.Integer(),
        compareCount: Nullable(Type.Integer()),
        change: Nullable(Type.Integer()),
      }),
    ),
    total: Type.Integer(),
    compareTotal: Nullable(Type.Integer()),
    totalChange: Nullable(Type.Integer()),
    byRestructure: Nullable(Counts),
    byStatusChanges: Nullable(Counts),
    restructures: Type.Array(Restructure),
    explanation: Type.Array(Type.String()),
  });

  app.get(
    '/api/catalog/report',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Committee table for a date: the four status rows and the sum, computed from history; with compare, the change and its explanation (catalogue merges vs. status changes).',
        querystring: Type.Object({
          date: DateSchema('as of'),
          compare: Type.Optional(DateSchema('comparison date, e.g. the previous report')),
          lang: Type.Optional(LangSchema),
          format: Type.Optional(
            Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('md'), Type.Literal('docx')], {
              default: 'json',
            }),
          ),
        }),
        response: { 200: ReportSchema, ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const { date, compare, format = 'json' } = req.query;
      const lang = req.query.lang ?? 'de';
      const body = await publicRead(req, reply, async () => {
        const report = await buildReport(service, date, compare, lang);
        if (format === 'csv') return reportCsv(report);
        if (format === 'md') return reportMarkdown(report);
        if (format === 'docx') return reportDocx(report);
        return report;
      });
      if (body === undefined) return undefined; // 304
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(body as never);
      return download(reply, `ozg-stand-${date}.${format}`, format, body);
    },
  );

  app.get(
    '/api/catalog/restructures',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Catalogue merges and splits of the city list, with their effect on the counts.',
        response: { 200: Type.Object({ items: Type.Array(Restructure) }) },
      },
    },
    async (req, reply) => publicJson(req, reply, async () => ({ items: await service.listRestructures() })),
  );

  // ---- reference catalogue (OZG / LeiKa) ----

  app.get(
    '/api/catalog/reference/ozg',
    {
      schema: {
        tags: ['catalog'],
        summary: 'OZG-Leistungen of the reference catalogue (paginated).',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          themenfeld: Type.Optional(RecordId()),
          includeInactive: Type.Optional(Type.Boolean({ default: false })),
          ...Page,
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            limit: Type.Integer(),
            offset: Type.Integer(),
            items: Type.Array(
              Type.Object({
                ozgId: Type.String(),
                name: Type.String(),
                active: Type.Boolean(),
                successorOzgId: Nullable(Type.String()),
                themenfeld: Nullable(Type.String()),
                lebenslage: Nullable(Type.String()),
                leikaCount: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (req, reply) =>
      publicJson(req, reply, () =>
        service.referenceOzg({
          q: req.query.q,
          themenfeldId: req.query.themenfeld,
          includeInactive: req.query.includeInactive,
          limit: req.query.limit,
          offset: req.query.offset,
        }),
      ),
  );

  app.get(
    '/api/catalog/reference/ozg/:ozgId',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One OZG-Leistung with its LeiKa-Leistungen.',
        params: Type.Object({ ozgId: OzgId }),
        response: {
          200: Type.Object({
            ozgId: Type.String(),
            name: Type.String(),
            active: Type.Boolean(),
            successorOzgId: Nullable(Type.String()),
            themenfeld: Nullable(Type.String()),
            lebenslage: Nullable(Type.String()),
            leika: Type.Array(
              Type.Object({ key: Nullable(Type.String()), name: Type.String(), type: Type.String(), active: Type.Boolean() }),
            ),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (req, reply) => publicJson(req, reply, () => service.referenceOzgDetail(req.params.ozgId)),
  );

  app.get(
    '/api/catalog/reference/export',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'The whole reference catalogue, one row per LeiKa-Leistung (the format `catalog import` reads), as CSV, JSON or XLSX.',
        querystring: Type.Object({
          format: Type.Union([Type.Literal('csv'), Type.Literal('json'), Type.Literal('xlsx')], { default: 'csv' }),
        }),
        response: errorResponses(400),
      },
    },
    async (req, reply) => {
      const format = req.query.format;
      const body = await publicRead(req, reply, async () => {
        const { header, rows } = await service.referenceExport();
        if (format === 'json') return JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))));
        return format === 'xlsx' ? toXlsx(header, rows) : toCsv(header, rows);
      });
      if (body === undefined) return undefined; // 304
      return download(reply, `ozg-katalog.${format}`, format, body);
    },
  );

  // ---- back office ----

  const Created = { 200: Service, ...errorResponses(400, 401, 403, 404, 409) };

  app.post(
    '/api/catalog/services',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Add a service to the city list (editors of catalog).',
        body: Type.Object(
          {
            ...Editable,
            ref: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })),
            name: Type.String({ minLength: 1, maxLength: 300 }),
            status: StatusSchema,
            ...Meta,
          },
          { additionalProperties: false },
        ),
        response: { 201: Service, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor, req.body)),
  );

  app.patch(
    '/api/catalog/services/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Change a service; a status change takes effect on effectiveDate and is kept in the history.',
        params: Id,
        body: Type.Object({ ...Editable, ...Meta }, { additionalProperties: false }),
        response: Created,
      },
    },
    async (req) => service.update(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/catalog/services/:id/status',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Change the status of a service with effective date and note.',
        params: Id,
        body: Type.Object(
          {
            status: StatusSchema,
            effectiveDate: DateSchema('effective date'),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
            reasonNotOnline: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: Created,
      },
    },
    async (req) => service.changeStatus(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/catalog/services/bulk-status',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Change the status of many services at once (all or nothing).',
        body: Type.Object(
          {
            ids: Type.Array(RecordId(), { minItems: 1, maxItems: 1000 }),
            status: StatusSchema,
            effectiveDate: DateSchema('effective date'),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
            reasonNotOnline: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ changed: Type.Integer(), unchanged: Type.Integer() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => service.bulkStatus(req.actor, req.body),
  );

  app.post(
    '/api/catalog/restructures',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Record a catalogue merge (n → 1) or split (1 → n) of city services; the committee report explains the effect on the counts.',
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('merge'), Type.Literal('split')]),
            effectiveDate: DateSchema('effective date'),
            note: Type.String({ minLength: 1, maxLength: 2000 }),
            catalogReference: Type.Optional(Type.String({ maxLength: 300 })),
            sourceIds: Type.Array(RecordId(), { minItems: 1, maxItems: 100 }),
            targets: Type.Array(
              Type.Object(
                {
                  id: Type.Optional(RecordId()),
                  ref: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' })),
                  ...Editable,
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Restructure, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.restructure(req.actor, req.body)),
  );

  const ImportReport = Type.Object({
    dryRun: Type.Boolean(),
    rows: Type.Integer(),
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    items: Type.Array(
      Type.Object({ row: Type.Integer(), ref: Type.String(), action: Type.String(), fields: Type.Array(Type.String()) }),
    ),
  });

  app.post(
    '/api/catalog/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['catalog'],
        summary:
          'Import the city list (body: the CSV or XLSX file; Content-Type text/csv or the XLSX type). Any bad row rejects the whole file with 422 naming row and column; nothing changes.',
        querystring: Type.Object({
          dryRun: Type.Optional(Type.Boolean({ default: false })),
          effectiveDate: Type.Optional(DateSchema('effective date of status changes without status_since')),
          filename: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 415, 422) },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body))
        throw badRequest('CATALOG_FILE_MISSING', 'Send the file as the request body (Content-Type text/csv or XLSX).', 'body');
      const name = req.query.filename ?? 'upload';
      const format = detectFormat(name, req.headers['content-type']);
      return importer.importServices(
        req.actor,
        { data: req.body, name, format },
        { dryRun: req.query.dryRun, ...(req.query.effectiveDate ? { effectiveDate: req.query.effectiveDate } : {}) },
      );
    },
  );
};
