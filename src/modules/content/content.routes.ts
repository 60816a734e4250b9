import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { ContentService } from './content.service.js';

const Slug = Type.Object({ slug: Type.String({ pattern: '^[a-z-]{1,40}$' }) });
const Lang = Type.String({ pattern: '^[a-z]{2}$', default: 'de' });
const Page = Type.Object({
  slug: Type.String(),
  lang: Type.String(),
  title: Type.String(),
  html: Type.String(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const Source = Type.Object({
  slug: Type.String(),
  lang: Type.String(),
  title: Type.String(),
  markdown: Type.String(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
const Feedback = Type.Object({
  id: Type.Integer(),
  message: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  pageUrl: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const contentRoutes: FastifyPluginAsyncTypebox<{ service: ContentService }> = async (app, { service }) => {
  app.get(
    '/api/content/:slug',
    {
      schema: {
        tags: ['content'],
        summary: 'An editorial page (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache) as sanitised HTML.',
        params: Slug,
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Page, ...errorResponses(400, 404) },
      },
    },
    async (req) => service.page(req.params.slug, req.query.lang),
  );

  app.get(
    '/api/content/:slug/source',
    {
      schema: {
        tags: ['content'],
        summary: 'The Markdown source of a page, for editing (admins).',
        params: Slug,
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Source, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.pageSource(req.actor, req.params.slug, req.query.lang),
  );

  app.put(
    '/api/content/:slug',
    {
      schema: {
        tags: ['content'],
        summary: 'Saves a page (admins).',
        params: Slug,
        body: Type.Object(
          { lang: Lang, title: Type.String({ minLength: 1, maxLength: 200 }), markdown: Type.String({ maxLength: 100_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Page, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.savePage(req.actor, req.params.slug, req.body),
  );

  app.post(
    '/api/content/feedback',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags: ['content'],
        summary: 'Reports an accessibility barrier (public; feedback mechanism of the accessibility statement).',
        body: Type.Object(
          {
            message: Type.String({ minLength: 5, maxLength: 5000 }),
            email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Literal('')])),
            name: Type.Optional(Type.String({ maxLength: 200 })),
            pageUrl: Type.Optional(Type.String({ maxLength: 500 })),
            website: Type.Optional(Type.String({ maxLength: 200, description: 'honeypot: leave empty' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer(), createdAt: Type.String() }), ...errorResponses(400, 429) },
      },
    },
    async (req, reply) => {
      if (req.body.website) throw badRequest('CONTENT_FEEDBACK_REJECTED', 'The form could not be accepted.', 'body.website');
      return reply.status(201).send(await service.submitFeedback(req.body));
    },
  );

  app.get(
    '/api/content/feedback',
    {
      schema: {
        tags: ['content'],
        summary: 'Accessibility feedback received (admins).',
        response: { 200: Type.Object({ items: Type.Array(Feedback) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await service.listFeedback(req.actor) }),
  );
};
