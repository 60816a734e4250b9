/** HTTP of the projects module: public reads, staff writes (permissions are checked in the services). */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../../platform/contracts.js';
import { errorResponses, IdParams, RecordId } from '../../platform/http/schemas.js';
import { DEFAULT_PHOTO_LIMITS } from '../../platform/images/photos.js';
import { atomFeed } from './projects.feed.js';
import type { ProjectsReports } from './projects.reports.js';
import * as S from './projects.schemas.js';
import type { ProjectsService, ProjectsSettings } from './projects.service.js';

export interface ProjectsRouteOptions {
  service: ProjectsService;
  reports: ProjectsReports;
  settings: ProjectsSettings;
  clock: Clock;
}

const tags = ['projects'];
const PageSlug = Type.Object({ slug: Type.Union([Type.Literal('digitalbeirat'), Type.Literal('digitalisierungsbuero')]) });

export const projectsRoutes: FastifyPluginAsyncTypebox<ProjectsRouteOptions> = async (
  app,
  { service, reports, settings, clock },
) => {
  // Multipart only in this scope (image uploads); the file limit matches the image intake's.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: DEFAULT_PHOTO_LIMITS.maxBytes, files: 1, fields: 5, fieldSize: 4096, parts: 6 },
  });

  app.get(
    '/api/projects/fields',
    {
      schema: {
        tags,
        summary: 'The fields of action (Handlungsfelder) with their goals.',
        response: { 200: Type.Object({ items: Type.Array(S.FieldSchema) }) },
      },
    },
    async () => ({ items: await service.listFields() }),
  );

  app.patch(
    '/api/projects/fields/:id',
    {
      schema: {
        tags,
        summary: 'Edits a field of action (editors of projects).',
        params: IdParams,
        body: S.FieldPatchBody,
        response: { 200: S.FieldSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.updateField(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'The project portfolio, filterable by field of action, status and "changed since".',
        querystring: Type.Object({
          field: Type.Optional(Type.String({ maxLength: 60, description: 'field-of-action slug' })),
          status: Type.Optional(Type.Array(S.ProjectStatusSchema, { maxItems: 6 })),
          changedSince: Type.Optional(
            Type.String({ maxLength: 40, description: 'date (YYYY-MM-DD, from midnight in Koblenz) or RFC 3339 timestamp' }),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(S.ProjectSchema) }), ...errorResponses(400) },
      },
    },
    async (req) => ({ items: await service.list(req.query) }),
  );

  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Creates a project (editors of projects).',
        body: S.ProjectCreateBody,
        response: { 201: S.ProjectSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.actor, req.body)),
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'One project with features, milestones, KPIs and district progress.',
        params: IdParams,
        response: { 200: S.ProjectSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.get(req.params.id),
  );

  app.get(
    '/api/projects/by-slug/:slug',
    {
      schema: {
        tags,
        summary: 'One project by its slug (web pages).',
        params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) }),
        response: { 200: S.ProjectSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.bySlug(req.params.slug),
  );

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'Changes a project; every changed field is written to its history (editors of projects).',
        params: IdParams,
        body: S.ProjectPatchBody,
        response: { 200: S.ProjectSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.update(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/projects/:id/history',
    {
      schema: {
        tags,
        summary: 'The change history of a project, newest first.',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(S.HistorySchema) }), ...errorResponses(400, 404) },
      },
    },
    async (req) => ({ items: await service.history(req.params.id) }),
  );

  app.post(
    '/api/projects/:id/images',
    {
      schema: {
        tags,
        summary:
          'Adds an image (multipart: file JPEG/PNG judged by content, alt text required); stored re-encoded without EXIF, with a thumbnail (editors of projects).',
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: S.ImageUploadBody,
        response: { 201: S.ImageSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (req, reply) => {
      const { alt, file } = req.body;
      const image = await service.addImage(req.actor, req.params.id, {
        alt: typeof alt === 'string' ? alt : undefined,
        file: Buffer.isBuffer(file) ? file : undefined,
      });
      return reply.status(201).send(image);
    },
  );

  app.delete(
    '/api/projects/:id/images/:imageId',
    {
      schema: {
        tags,
        summary: 'Removes an image of a project (editors of projects).',
        params: Type.Object({ id: RecordId(), imageId: RecordId() }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.removeImage(req.actor, req.params.id, req.params.imageId);
      return reply.status(204).send(null);
    },
  );

  const ImageParams = Type.Object({ imageId: RecordId(), variant: Type.Optional(Type.Literal('thumb')) });
  for (const path of ['/api/projects/images/:imageId', '/api/projects/images/:imageId/:variant']) {
    app.get(
      path,
      {
        schema: {
          tags,
          summary: 'A project image, or its thumbnail.',
          params: ImageParams,
          produces: ['image/jpeg', 'image/png'],
          response: { 200: Type.Any({ description: 'the image' }), ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const img = await service.imageFile(req.params.imageId, req.params.variant ?? 'full');
        return reply.type(img.mime).header('cache-control', 'public, max-age=300').send(img.data);
      },
    );
  }

  app.get(
    '/api/projects/:id/districts',
    {
      schema: {
        tags,
        summary: 'Progress per Stadtteil as GeoJSON points at the district centres (dashboard map).',
        params: IdParams,
        response: { 200: S.DistrictMapSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.districtMap(req.params.id),
  );

  app.put(
    '/api/projects/:id/districts/:districtId',
    {
      schema: {
        tags,
        summary: 'Sets the progress of a project in one Stadtteil (editors of projects).',
        params: Type.Object({ id: RecordId(), districtId: Type.String({ maxLength: 60 }) }),
        body: S.DistrictBody,
        response: { 200: S.DistrictMapSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.setDistrict(req.actor, req.params.id, req.params.districtId, req.body),
  );

  app.get(
    '/api/projects/changes',
    {
      schema: {
        tags,
        summary: 'What changed since a date: every history entry from then on, newest first.',
        querystring: Type.Object({
          since: Type.String({
            minLength: 1,
            maxLength: 40,
            description: 'date (YYYY-MM-DD, from midnight in Koblenz) or RFC 3339 timestamp',
          }),
        }),
        response: { 200: Type.Object({ since: Type.String(), items: Type.Array(S.ChangeSchema) }), ...errorResponses(400) },
      },
    },
    async (req) => service.changesSince(req.query.since),
  );

  app.get(
    '/api/projects/timeline',
    {
      schema: {
        tags,
        summary: 'Starts, ends and milestones of all projects by date.',
        response: { 200: Type.Object({ items: Type.Array(S.TimelineSchema) }) },
      },
    },
    async () => ({ items: await service.timeline() }),
  );

  app.get(
    '/api/projects/feed.atom',
    {
      schema: {
        tags,
        summary: 'Atom 1.0 feed of project updates.',
        produces: ['application/atom+xml'],
        response: { 200: Type.String() },
      },
    },
    async (_req, reply) =>
      reply
        .type('application/atom+xml; charset=utf-8')
        .send(
          atomFeed(await service.feedEntries(), { publicUrl: settings.publicUrl, cityName: settings.cityName, now: clock.now() }),
        ),
  );

  app.get(
    '/api/projects/pages/:slug',
    {
      schema: {
        tags,
        summary: 'Content pages Digitalbeirat and Digitalisierungsbüro.',
        params: PageSlug,
        querystring: Type.Object({ lang: S.LangSchema }),
        response: { 200: S.PageSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.page(req.params.slug, req.query.lang),
  );

  app.put(
    '/api/projects/pages/:slug',
    {
      schema: {
        tags,
        summary: 'Edits a content page (editors of projects).',
        params: PageSlug,
        body: Type.Object(
          {
            lang: S.LangSchema,
            title: Type.String({ minLength: 1, maxLength: 200 }),
            markdown: Type.String({ maxLength: 100_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: S.PageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.savePage(req.actor, req.params.slug, req.body),
  );

  app.get(
    '/api/projects/reports',
    { schema: { tags, summary: 'Stored committee reports.', response: { 200: S.ReportListSchema } } },
    async () => ({ items: await reports.list() }),
  );

  app.post(
    '/api/projects/reports',
    {
      schema: {
        tags,
        summary:
          'Generates and stores the committee report for a date (OZG table, projects per field, changes since the previous report) as Markdown, DOCX and PDF.',
        body: S.ReportBody,
        response: { 201: S.ReportResultSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.generate(req.actor, req.body)),
  );

  app.get(
    '/api/projects/reports/:id/:format',
    {
      schema: {
        tags,
        summary: 'Downloads a stored committee report as md, docx or pdf.',
        params: Type.Object({
          id: RecordId(),
          format: Type.Union([Type.Literal('md'), Type.Literal('docx'), Type.Literal('pdf')]),
        }),
        produces: ['text/markdown', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'],
        response: { 200: Type.Any({ description: 'the file' }), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const f = await reports.file(req.params.id, req.params.format);
      return reply.type(f.type).header('content-disposition', `attachment; filename="${f.name}"`).send(f.body);
    },
  );
};
