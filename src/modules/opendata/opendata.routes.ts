/** HTTP of the open-data module: RDF catalog (DCAT-AP.de, Hydra paging), datasets, governance. */
import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { matchesEtag } from '../../platform/http/representation.js';
import { errorResponses, OkSchema, RecordId } from '../../platform/http/schemas.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { EXPORT_FORMATS, exportStream, type ExportFormat } from './opendata.export.js';
import type { createRdfBuilder } from './opendata.rdf.js';
import { DatasetIn, GovernanceIn, GovernanceReport, PublicDataset, StaffDataset } from './opendata.schemas.js';
import { MEDIA_TYPES, negotiate, serialize, SUFFIXES, type RdfFormat } from './opendata.serialize.js';
import { MAX_UPLOAD_BYTES } from './opendata.upload.js';
import type { OpendataService } from './opendata.service.js';

export interface OpendataRouteOptions {
  service: OpendataService;
  rdf: ReturnType<typeof createRdfBuilder>;
  pageSize: number;
}

const tags = ['opendata'];
const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,99}(\\.(ttl|rdf|xml|jsonld|nt))?$' }) });

/** Weak ETag over the catalog version; answers 304 itself when it matches. */
async function conditional(req: FastifyRequest, reply: FastifyReply, version: string, variant: string): Promise<boolean> {
  const etag = `W/"od-${version}-${variant}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=60').header('vary', 'accept');
  // A list of tags, `*` or a strong/weak variant all match (RFC 9110 weak comparison).
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    await reply.status(304).send();
    return true;
  }
  return false;
}

/** RDF bodies are streams, not JSON: they bypass the response schema on purpose. */
function sendRdf(reply: FastifyReply, body: Readable, format: RdfFormat) {
  return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
}

/** A JSON text field of a multipart form, checked against its schema; errors name the field inside it. */
function jsonField<T>(value: unknown, schema: TSchema, field: string): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest('OPENDATA_FIELD_INVALID', `${field} must be JSON text.`, field);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw badRequest('OPENDATA_FIELD_INVALID', `${field} must be JSON.`, field);
  }
  const error = [...Value.Errors(schema, parsed)].find((e) => e.keyword !== 'boolean') ?? [...Value.Errors(schema, parsed)][0];
  if (error) {
    const path = error.instancePath.split('/').filter(Boolean).join('.');
    throw badRequest('OPENDATA_FIELD_INVALID', `${path || field}: ${error.message}`, path ? `${field}.${path}` : field);
  }
  return parsed as T;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const opendataRoutes: FastifyPluginAsyncTypebox<OpendataRouteOptions> = async (app, { service, rdf, pageSize }) => {
  // Multipart only in this scope (uploads of external datasets' files); the file limit is the upload check's.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 6, fieldSize: 200_000, parts: 7 },
  });
  const base = `${service.urls.publicUrl}/api/opendata/catalog`;

  async function sendCatalog(req: FastifyRequest, reply: FastifyReply, format: RdfFormat, page: number, suffix: string | null) {
    if (await conditional(req, reply, await service.version(), `${format}-${page}`)) return reply;
    const { datasets, total } = await service.catalogPage(page, pageSize);
    const last = Math.max(1, Math.ceil(total / pageSize));
    if (page > last) throw notFound('OPENDATA_PAGE_UNKNOWN', `The catalog has ${last} pages.`);
    const modified = datasets.reduce<string | null>((m, d) => (m === null || d.modified > m ? d.modified : m), null);
    const pageUrl = (n: number) => `${base}${suffix ? `.${suffix}` : ''}?page=${n}`;
    return sendRdf(
      reply,
      serialize(rdf.pageChunks({ page, size: pageSize, total, datasets, modified }, pageUrl), format),
      format,
    );
  }

  const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, default: 1 }) });
  const rdfResponse = { 200: Type.String({ description: 'DCAT-AP.de RDF' }), ...errorResponses(400, 404, 406) };

  app.get(
    '/api/opendata/catalog',
    {
      schema: {
        tags,
        summary: 'The DCAT-AP.de catalog in Turtle, RDF/XML, JSON-LD or N-Triples by Accept header; Hydra-paged (?page=).',
        querystring: PageQuery,
        response: rdfResponse,
      },
    },
    async (req, reply) => sendCatalog(req, reply, negotiate(req.headers.accept) ?? 'turtle', req.query.page, null),
  );

  app.get(
    '/api/opendata/catalog.:ext',
    {
      schema: {
        tags,
        summary: 'The DCAT-AP.de catalog by suffix: .ttl, .rdf (RDF/XML, what open.rlp reads), .xml, .jsonld, .nt; Hydra-paged.',
        params: Type.Object({ ext: Type.Union(Object.keys(SUFFIXES).map((s) => Type.Literal(s))) }),
        querystring: PageQuery,
        response: rdfResponse,
      },
    },
    async (req, reply) => sendCatalog(req, reply, SUFFIXES[req.params.ext]!, req.query.page, req.params.ext),
  );

  app.get(
    '/api/opendata/datasets',
    {
      schema: { tags, summary: 'Public datasets as JSON.', response: { 200: Type.Object({ items: Type.Array(PublicDataset) }) } },
    },
    async () => ({ items: await service.allPublic() }),
  );

  app.get(
    '/api/opendata/datasets/:slug',
    {
      schema: {
        tags,
        summary: 'One dataset: JSON, or RDF by Accept header or suffix (.ttl, .rdf, .jsonld, .nt). This URL is the dataset URI.',
        params: SlugParams,
        response: { 200: PublicDataset, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const [slug = '', ext] = req.params.slug.split('.');
      const format = ext ? SUFFIXES[ext] : negotiate(req.headers.accept, true);
      const dataset = await service.show(req.actor, slug);
      if (!format) return service.withDownloads(dataset);
      if (await conditional(req, reply, dataset.modified, `${slug}-${format}`)) return reply;
      return sendRdf(reply, serialize(rdf.datasetChunks(dataset), format), format);
    },
  );

  app.get(
    '/api/opendata/datasets/:slug/data.:format',
    {
      schema: {
        tags,
        summary:
          'The rows of a platform dataset as CSV (RFC 4180), JSON or GeoJSON (point data), streamed; weak ETag, 304 on If-None-Match.',
        params: Type.Object({
          slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,99}$' }),
          format: Type.Union(Object.keys(EXPORT_FORMATS).map((f) => Type.Literal(f))),
        }),
        response: { 200: Type.String({ description: 'the export' }), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const { slug } = req.params;
      const format = req.params.format as ExportFormat;
      const table = await service.table(req.actor, slug, format);
      if (await conditional(req, reply, await table.version(), `${slug}-${format}`)) return reply;
      // A stream, not JSON: it bypasses the response schema as the RDF bodies do.
      return (reply as FastifyReply)
        .type(`${EXPORT_FORMATS[format].mediaType}; charset=utf-8`)
        .header('content-disposition', `inline; filename="${slug}.${format}"`)
        .send(exportStream(table, format));
    },
  );

  app.get(
    '/api/opendata/staff/datasets',
    {
      schema: {
        tags,
        summary: 'Every dataset, internal ones included, with governance fields (staff).',
        response: { 200: Type.Object({ items: Type.Array(StaffDataset) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await service.listAll(req.actor) }),
  );

  app.get(
    '/api/opendata/staff/datasets/:slug',
    {
      schema: {
        tags,
        summary: 'One dataset with governance fields and download count (staff).',
        params: SlugParams,
        response: { 200: StaffDataset, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.staffShow(req.actor, req.params.slug),
  );

  app.get(
    '/api/opendata/distributions/:id/download',
    {
      schema: {
        tags,
        summary: 'Counts a download (per day, without any personal data) and redirects to the file.',
        params: Type.Object({ id: RecordId() }),
        response: { 302: Type.Null(), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => reply.redirect(await service.download(req.params.id), 302),
  );

  const write = errorResponses(400, 401, 403, 404, 409);
  app.post(
    '/api/opendata/datasets',
    {
      schema: {
        tags,
        summary: 'Adds an external dataset (distributions are URLs) with its governance fields (staff).',
        body: Type.Object({ dataset: DatasetIn, governance: Type.Optional(GovernanceIn) }, { additionalProperties: false }),
        response: { 201: StaffDataset, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createExternal(req.actor, req.body.dataset, req.body.governance)),
  );

  app.post(
    '/api/opendata/datasets/from-file',
    {
      schema: {
        tags,
        summary: `Adds an external dataset with an uploaded file (multipart: dataset and governance as JSON text, file CSV/JSON/GeoJSON judged by content, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; fileTitleDe/fileTitleEn optional). Staff.`,
        consumes: ['multipart/form-data'],
        body: Type.Object(
          {
            dataset: Type.Optional(Type.String({ description: 'JSON text of the dataset (as in POST /api/opendata/datasets)' })),
            governance: Type.Optional(Type.String({ description: 'JSON text of the governance fields' })),
            fileTitleDe: Type.Optional(Type.String({ maxLength: 500 })),
            fileTitleEn: Type.Optional(Type.String({ maxLength: 500 })),
            file: Type.Optional(Type.Unknown({ description: 'the file: CSV, JSON or GeoJSON (UTF-8)' })),
          },
          { description: 'multipart/form-data' },
        ),
        response: { 201: StaffDataset, ...errorResponses(400, 401, 403, 409, 413) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const dataset = jsonField<Static<typeof DatasetIn>>(b.dataset, DatasetIn, 'body.dataset');
      if (!dataset) throw badRequest('OPENDATA_FIELD_INVALID', 'The dataset (JSON text) is missing.', 'body.dataset');
      const governance = jsonField<Static<typeof GovernanceIn>>(b.governance, GovernanceIn, 'body.governance');
      const de = text(b.fileTitleDe);
      const en = text(b.fileTitleEn);
      const created = await service.createExternal(req.actor, dataset, governance, {
        file: Buffer.isBuffer(b.file) ? b.file : undefined,
        title: de && en ? { de, en } : undefined,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/opendata/datasets/:slug/files/:file',
    {
      schema: {
        tags,
        summary: 'An uploaded file of an external dataset, as stored (strong ETag).',
        params: Type.Object({
          slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,99}$' }),
          file: Type.String({ pattern: '^file-[0-9]{1,3}\\.(csv|json|geojson)$' }),
        }),
        response: { 200: Type.String(), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const f = await service.file(req.actor, req.params.slug, req.params.file.split('.')[0]!);
      const etag = `"${f.sha256}"`;
      reply.header('etag', etag).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff');
      const raw = reply as FastifyReply;
      if (req.headers['if-none-match'] === etag) return raw.status(304).send();
      return raw
        .type(`${f.media_type}; charset=utf-8`)
        .header('content-disposition', `inline; filename="${req.params.slug}-${req.params.file}"`)
        .send(Buffer.from(f.content)); // PGlite hands bytea over as Uint8Array
    },
  );

  app.patch(
    '/api/opendata/datasets/:slug',
    {
      schema: {
        tags,
        summary: 'Edits governance fields of any dataset, and the metadata of external ones (staff).',
        params: SlugParams,
        body: Type.Object(
          { dataset: Type.Optional(DatasetIn), governance: Type.Optional(GovernanceIn) },
          { additionalProperties: false },
        ),
        response: { 200: StaffDataset, ...write },
      },
    },
    async (req) => service.update(req.actor, req.params.slug, req.body),
  );

  app.delete(
    '/api/opendata/datasets/:slug',
    {
      schema: {
        tags,
        summary: 'Deletes an external dataset (staff).',
        params: SlugParams,
        response: { 200: OkSchema, ...write },
      },
    },
    async (req) => {
      await service.remove(req.actor, req.params.slug);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/opendata/governance',
    {
      schema: {
        tags,
        summary: 'Data governance: overdue datasets (promised update frequency missed) and missing metadata (staff).',
        response: { 200: GovernanceReport, ...errorResponses(401, 403) },
      },
    },
    async (req) => service.governance(req.actor),
  );
};
