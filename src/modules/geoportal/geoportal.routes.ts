/**
 * HTTP binding of OGC API – Features Part 1 (Core, GeoJSON) at /ogc: landing page, conformance,
 * collections, items and single features, with the links clients such as QGIS and Masterportal
 * follow (self, alternate, items, next, prev, collection). All links are absolute (PUBLIC_URL).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import type { Feature } from './geoportal.collections.js';
import { CRS84, DEFAULT_LIMIT, MAX_LIMIT, type GeoportalService } from './geoportal.service.js';

const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

const Link = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});
const Links = Type.Array(Link);
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
const Geometry = Nullable(
  Type.Union([
    Type.Object({ type: Type.Literal('Point'), coordinates: Position }),
    Type.Object({ type: Type.Literal('MultiPoint'), coordinates: Type.Array(Position) }),
  ]),
);
const FeatureSchema = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  geometry: Geometry,
  properties: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  links: Type.Optional(Links),
});
const CollectionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  itemType: Type.Literal('feature'),
  crs: Type.Array(Type.String()),
  extent: Type.Object({
    spatial: Type.Object({ bbox: Type.Array(Type.Array(Type.Number())), crs: Type.String() }),
  }),
  links: Links,
});
const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('geojson')], {
    description: 'json: application/json; geojson (default for features): application/geo+json',
  }),
);
const JsonOnly = Type.Object({ f: Type.Optional(Type.Literal('json', { description: 'application/json (the only format)' })) });
const CollectionParams = Type.Object({ collectionId: Type.String({ maxLength: 64 }) });
const ItemsQuery = Type.Object({
  bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat (WGS84)' })),
  'bbox-crs': Type.Optional(Type.String({ description: `only ${CRS84}` })),
  crs: Type.Optional(Type.String({ description: `only ${CRS84}` })),
  datetime: Type.Optional(Type.String({ description: 'RFC 3339 instant or interval (start/end, ".." for an open end)' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, description: `default ${DEFAULT_LIMIT}; values above ${MAX_LIMIT} are lowered to ${MAX_LIMIT}` }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'features to skip (the `next` link carries it)' })),
  f: Format,
});
const problems = { 400: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };

export interface GeoportalRouteOptions {
  service: GeoportalService;
  publicUrl: string;
  cityName: string;
}

export async function geoportalRoutes(app: FastifyInstance, opts: GeoportalRouteOptions) {
  const { service } = opts;
  const base = `${opts.publicUrl}/ogc`;
  const tags = ['ogcapi-features'];

  // Public open data: any web client (e.g. a Masterportal on another host) may read it.
  // (This plugin's scope holds only the /ogc routes, errors included.)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
  });

  const lang = (req: FastifyRequest): 'de' | 'en' => (/^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'de');
  // Features come as GeoJSON unless the client asks for plain JSON (`f=json`, or Accept naming only application/json).
  const featureType = (req: FastifyRequest, f: string | undefined) => {
    if (f) return f === 'json' ? JSON_TYPE : GEOJSON_TYPE;
    const accept = req.headers.accept ?? '';
    return accept.includes(JSON_TYPE) && !accept.includes(GEOJSON_TYPE) ? JSON_TYPE : GEOJSON_TYPE;
  };
  const json = (reply: FastifyReply, type = JSON_TYPE) => reply.header('content-type', `${type}; charset=utf-8`);

  const collectionLinks = (id: string) => [
    { href: `${base}/collections/${id}`, rel: 'self', type: JSON_TYPE, title: 'this collection' },
    { href: `${base}/collections/${id}/items?f=geojson`, rel: 'items', type: GEOJSON_TYPE, title: 'the features (GeoJSON)' },
    { href: `${base}/collections/${id}/items?f=json`, rel: 'items', type: JSON_TYPE, title: 'the features (JSON)' },
  ];
  const describe = (id: string, language: 'de' | 'en') => {
    const c = service.collection(id);
    return {
      id: c.id,
      title: c.title[language],
      description: c.description[language],
      itemType: 'feature' as const,
      crs: [CRS84],
      extent: { spatial: { bbox: [[...service.settings.bbox]], crs: CRS84 } },
      links: collectionLinks(c.id),
    };
  };

  const landing = {
    schema: {
      tags,
      summary: 'OGC API – Features landing page: links to the API definition, conformance and collections.',
      querystring: JsonOnly,
      response: {
        200: Type.Object({ title: Type.String(), description: Type.String(), links: Links }),
        400: { $ref: 'Problem#' },
      },
    },
  };
  const landingHandler = async (_req: FastifyRequest, reply: FastifyReply) => {
    json(reply);
    return {
      title: `Geodaten ${opts.cityName} (OGC API – Features)`,
      description:
        'Stadtteile, Parkhäuser, Abfallbehälter, Schadensmeldungen, Smart-City-Projekte und Glasfaserausbau als GeoJSON.',
      links: [
        { href: base, rel: 'self', type: JSON_TYPE, title: 'this document' },
        {
          href: `${opts.publicUrl}/api/openapi.json`,
          rel: 'service-desc',
          type: 'application/vnd.oai.openapi+json;version=3.1',
          title: 'API definition (OpenAPI 3.1)',
        },
        { href: `${opts.publicUrl}/api/docs`, rel: 'service-doc', type: 'text/html', title: 'API documentation' },
        { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'conformance classes' },
        { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'collections' },
        { href: `${opts.publicUrl}/geoportal`, rel: 'alternate', type: 'text/html', title: 'GeoPortal (map)' },
      ],
    };
  };
  app.get('/ogc', landing, landingHandler);
  app.get('/ogc/', { ...landing, schema: { ...landing.schema, hide: true } }, landingHandler);

  app.get(
    '/ogc/conformance',
    {
      schema: {
        tags,
        summary: 'The conformance classes implemented: Core and GeoJSON of OGC API – Features Part 1.',
        querystring: JsonOnly,
        response: { 200: Type.Object({ conformsTo: Type.Array(Type.String()) }), 400: { $ref: 'Problem#' } },
      },
    },
    async (_req, reply) => {
      json(reply);
      return { conformsTo: CONFORMANCE };
    },
  );

  app.get(
    '/ogc/collections',
    {
      schema: {
        tags,
        summary: 'The six collections (districts, car parks, waste containers, damage reports, projects, fibre expansion).',
        querystring: JsonOnly,
        response: { 200: Type.Object({ links: Links, collections: Type.Array(CollectionSchema) }), 400: { $ref: 'Problem#' } },
      },
    },
    async (req, reply) => {
      json(reply);
      const language = lang(req);
      return {
        links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE, title: 'this document' }],
        collections: service.collections().map((c) => describe(c.id, language)),
      };
    },
  );

  app.get(
    '/ogc/collections/:collectionId',
    {
      schema: {
        tags,
        summary: 'One collection: title, description, extent and links to its features.',
        params: CollectionParams,
        querystring: JsonOnly,
        response: { 200: CollectionSchema, ...problems },
      },
    },
    async (req, reply) => {
      const { collectionId } = req.params as { collectionId: string };
      json(reply);
      return describe(collectionId, lang(req));
    },
  );

  app.get(
    '/ogc/collections/:collectionId/items',
    {
      schema: {
        tags,
        summary: `Features of a collection as GeoJSON, filtered by bbox and datetime, in pages of limit (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}) from offset.`,
        params: CollectionParams,
        querystring: ItemsQuery,
        response: {
          200: Type.Object({
            type: Type.Literal('FeatureCollection'),
            features: Type.Array(FeatureSchema),
            links: Links,
            timeStamp: Type.String({ format: 'date-time' }),
            numberReturned: Type.Integer(),
            numberMatched: Type.Optional(Type.Integer()),
          }),
          ...problems,
        },
      },
    },
    async (req, reply) => {
      const { collectionId } = req.params as { collectionId: string };
      const q = req.query as {
        bbox?: string;
        'bbox-crs'?: string;
        crs?: string;
        datetime?: string;
        limit?: number;
        offset?: number;
        f?: string;
      };
      const page = await service.items(collectionId, q);
      const type = featureType(req, q.f);
      const other = type === GEOJSON_TYPE ? JSON_TYPE : GEOJSON_TYPE;
      // Every link repeats the client's filters, with the page's own limit and offset.
      const href = (offset: number, f: string) => {
        const search = new URLSearchParams();
        for (const key of ['bbox', 'bbox-crs', 'crs', 'datetime'] as const) if (q[key] !== undefined) search.set(key, q[key]);
        search.set('limit', String(page.limit));
        if (offset > 0) search.set('offset', String(offset));
        search.set('f', f);
        return `${base}/collections/${collectionId}/items?${search.toString()}`;
      };
      const f = (t: string) => (t === GEOJSON_TYPE ? 'geojson' : 'json');
      const links = [
        { href: href(page.offset, f(type)), rel: 'self', type, title: 'this page' },
        { href: href(page.offset, f(other)), rel: 'alternate', type: other, title: 'this page as ' + other },
        { href: `${base}/collections/${collectionId}`, rel: 'collection', type: JSON_TYPE, title: 'the collection' },
      ];
      if (page.more) links.push({ href: href(page.offset + page.limit, f(type)), rel: 'next', type, title: 'next page' });
      if (page.offset > 0)
        links.push({ href: href(Math.max(0, page.offset - page.limit), f(type)), rel: 'prev', type, title: 'previous page' });
      json(reply, type);
      return {
        type: 'FeatureCollection' as const,
        features: page.features,
        links,
        timeStamp: new Date().toISOString(),
        numberReturned: page.features.length,
        ...(page.matched !== undefined ? { numberMatched: page.matched } : {}),
      };
    },
  );

  app.get(
    '/ogc/collections/:collectionId/items/:featureId',
    {
      schema: {
        tags,
        summary: 'One feature of a collection (GeoJSON).',
        params: Type.Object({ collectionId: Type.String({ maxLength: 64 }), featureId: Type.String({ maxLength: 200 }) }),
        querystring: Type.Object({ f: Format }),
        response: { 200: FeatureSchema, ...problems },
      },
    },
    async (req, reply) => {
      const { collectionId, featureId } = req.params as { collectionId: string; featureId: string };
      const { f } = req.query as { f?: string };
      const feature: Feature = await service.item(collectionId, featureId);
      const type = featureType(req, f);
      const other = type === GEOJSON_TYPE ? JSON_TYPE : GEOJSON_TYPE;
      const self = `${base}/collections/${collectionId}/items/${encodeURIComponent(featureId)}`;
      json(reply, type);
      return {
        ...feature,
        links: [
          { href: `${self}?f=${type === GEOJSON_TYPE ? 'geojson' : 'json'}`, rel: 'self', type, title: 'this feature' },
          {
            href: `${self}?f=${type === GEOJSON_TYPE ? 'json' : 'geojson'}`,
            rel: 'alternate',
            type: other,
            title: 'this feature as ' + other,
          },
          { href: `${base}/collections/${collectionId}`, rel: 'collection', type: JSON_TYPE, title: 'the collection' },
        ],
      };
    },
  );
}
