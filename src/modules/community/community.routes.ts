/** HTTP of the community module (README "HTTP API"); permissions are checked in the services. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../../platform/contracts.js';
import { errorResponses, IdParams, OkSchema, RecordId } from '../../platform/http/schemas.js';
import { DEFAULT_PHOTO_LIMITS } from '../../platform/images/photos.js';
import type { CommunityAccounts } from './community.accounts.js';
import { icalFeed } from './community.ical.js';
import { embeddableJson, organisationJsonLd, visibleEventJsonLd } from './community.jsonld.js';
import { CATEGORIES, LIMITS, type Category } from './community.model.js';
import type { CommunityNotices } from './community.notices.js';
import * as S from './community.schemas.js';
import type { CommunityService, CommunitySettings } from './community.service.js';

export interface CommunityRouteOptions {
  service: CommunityService;
  accounts: CommunityAccounts;
  notices: CommunityNotices;
  settings: CommunitySettings;
  clock: Clock;
}

const tags = ['community'];
const IdOrSlug = Type.Object({ idOrSlug: Type.String({ pattern: '^[a-z0-9-]{1,90}$' }) });
const Ld = Type.Any({ description: 'schema.org JSON-LD (application/ld+json), safe to embed in a script element' });
const Calendar = { 200: Type.Any({ description: 'text/calendar (RFC 5545)' }), ...errorResponses(400, 404) };

export const communityRoutes: FastifyPluginAsyncTypebox<CommunityRouteOptions> = async (app, { service, accounts, notices, settings, clock }) => {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    // fieldSize: the alternative text, up to 300 characters of up to 4 bytes in UTF-8.
    limits: { fileSize: DEFAULT_PHOTO_LIMITS.maxBytes, files: 1, fields: 2, fieldSize: 4 * LIMITS.imageAltLength, parts: 3 },
  });
  const fileOf = (body: { file?: unknown }) => (Buffer.isBuffer(body.file) ? body.file : undefined);
  const calendarName = (what: string) => `${what} – ${settings.cityName}`;

  // ---------- public reads
  app.get(
    '/api/community/categories',
    { schema: { tags, summary: 'The fixed categories of organisations and events.', response: { 200: Type.Object({ items: Type.Array(S.CategorySchema) }) } } },
    async () => ({ items: [...CATEGORIES] }),
  );

  app.get(
    '/api/community/organisations',
    {
      schema: {
        tags,
        summary: 'Verified organisations (clubs, cultural institutions); staff may also list unverified ones (verified=false).',
        querystring: S.OrganisationQuery,
        response: { 200: S.Paged(S.OrganisationSchema), ...errorResponses(400) },
      },
    },
    async (req) => {
      const { limit = 50, offset = 0, ...filter } = req.query;
      return service.listOrganisations(req.actor, filter, limit, offset);
    },
  );

  app.get(
    '/api/community/organisations.geojson',
    {
      schema: {
        tags,
        summary: 'Verified organisations with a location as a GeoJSON FeatureCollection (map).',
        querystring: Type.Object({ category: Type.Optional(S.CategorySchema), district: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: false }),
        produces: ['application/geo+json'],
        response: { 200: Type.Any({ description: 'GeoJSON FeatureCollection' }), ...errorResponses(400) },
      },
    },
    async (req, reply) => reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(await service.organisationsGeoJson(req.query))),
  );

  app.get(
    '/api/community/organisations/:idOrSlug',
    { schema: { tags, summary: 'One organisation (unverified ones only for their members and staff).', params: IdOrSlug, response: { 200: S.OrganisationSchema, ...errorResponses(400, 404) } } },
    async (req) => service.organisation(req.actor, req.params.idOrSlug),
  );

  app.get(
    '/api/community/organisations/:idOrSlug/jsonld',
    { schema: { tags, summary: 'schema.org Organization as JSON-LD.', params: IdOrSlug, produces: ['application/ld+json'], response: { 200: Ld, ...errorResponses(400, 404) } } },
    async (req, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(embeddableJson(organisationJsonLd(await service.organisationRow(req.actor, req.params.idOrSlug), settings.publicUrl))),
  );

  app.get(
    '/api/community/events',
    {
      schema: {
        tags,
        summary: 'Public event dates (one row per occurrence) in a date range, with filters and the presets today / weekend.',
        querystring: S.EventQuery,
        response: { 200: Type.Object({ ...S.Paged(S.OccurrenceSchema).properties, from: Type.String(), to: Type.String() }), ...errorResponses(400) },
      },
    },
    async (req) => {
      const { limit = 50, offset = 0, ...query } = req.query;
      return service.searchEvents({ ...query, limit, offset });
    },
  );

  app.get(
    '/api/community/events/:id',
    { schema: { tags, summary: 'One event with all its occurrences.', params: IdParams, response: { 200: S.EventDetailSchema, ...errorResponses(400, 404) } } },
    async (req) => service.event(req.actor, req.params.id),
  );

  app.get(
    '/api/community/events/:id/jsonld',
    { schema: { tags, summary: 'schema.org Event as JSON-LD (a recurring event: its next occurrence).', params: IdParams, produces: ['application/ld+json'], response: { 200: Ld, ...errorResponses(400, 404) } } },
    async (req, reply) => {
      const { jsonLd } = await visibleEventJsonLd(service, req.actor, req.params.id, clock.now(), settings.publicUrl);
      return reply.type('application/ld+json; charset=utf-8').send(embeddableJson(jsonLd));
    },
  );

  const sendCalendar = (reply: import('fastify').FastifyReply, body: string, file: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${file}.ics"`)
      .header('cache-control', 'public, max-age=300')
      .send(body);

  app.get(
    '/api/community/events.ics',
    { schema: { tags, summary: 'iCalendar feed of all public events (RFC 5545).', produces: ['text/calendar'], response: Calendar } },
    async (_req, reply) => sendCalendar(reply, icalFeed(await service.publicEvents(), { publicUrl: settings.publicUrl, name: calendarName('Veranstaltungen') }), 'veranstaltungen'),
  );

  app.get(
    '/api/community/organisations/:idOrSlug/events.ics',
    { schema: { tags, summary: 'iCalendar feed of one organisation’s public events.', params: IdOrSlug, produces: ['text/calendar'], response: Calendar } },
    async (req, reply) => {
      const organisation = await service.organisationRow(req.actor, req.params.idOrSlug);
      if (!organisation.verified) return sendCalendar(reply, icalFeed([], { publicUrl: settings.publicUrl, name: calendarName(organisation.name) }), organisation.slug);
      const events = await service.publicEvents({ organisationId: organisation.id });
      return sendCalendar(reply, icalFeed(events, { publicUrl: settings.publicUrl, name: calendarName(organisation.name) }), organisation.slug);
    },
  );

  app.get(
    '/api/community/categories/:category/events.ics',
    {
      schema: { tags, summary: 'iCalendar feed of the public events of one category.', params: Type.Object({ category: S.CategorySchema }), produces: ['text/calendar'], response: Calendar },
    },
    async (req, reply) => {
      const category: Category = req.params.category;
      return sendCalendar(reply, icalFeed(await service.publicEvents({ category }), { publicUrl: settings.publicUrl, name: calendarName(`Veranstaltungen: ${category}`) }), `veranstaltungen-${category}`);
    },
  );

  const ImageParams = Type.Object({ id: RecordId(), variant: Type.Optional(Type.Literal('thumb')) });
  for (const path of ['/api/community/images/:id', '/api/community/images/:id/:variant']) {
    app.get(
      path,
      { schema: { tags, summary: 'A logo or event image, or its thumbnail.', params: ImageParams, produces: ['image/jpeg', 'image/png', 'image/webp'], response: { 200: Type.Any(), ...errorResponses(400, 404) } } },
      async (req, reply) => {
        const image = await service.image(req.actor, req.params.id);
        const thumb = req.params.variant === 'thumb';
        return reply
          .type(thumb ? image.thumb_mime : image.mime)
          .header('cache-control', 'public, max-age=300')
          .header('x-content-type-options', 'nosniff')
          .send(thumb ? image.thumb : image.data);
      },
    );
  }

  // ---------- accounts
  app.post(
    '/api/community/register',
    {
      config: { rateLimit: { max: settings.registrationsPerHour, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Registers a representative and a new (unverified) organisation; the confirmation link goes by e-mail. Always 202.',
        body: S.RegisterBody,
        response: { 202: OkSchema, ...errorResponses(400, 429) },
      },
    },
    async (req, reply) => reply.status(202).send(await accounts.register(req.actor, req.body)),
  );

  app.get(
    '/api/community/me',
    {
      schema: {
        tags,
        summary: 'The logged-in account and the organisations it represents.',
        response: {
          200: Type.Object({
            account: Type.Object({ id: Type.Integer(), email: Type.String(), staff: Type.Boolean() }),
            memberships: Type.Array(
              Type.Object({ organisation: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String(), verified: Type.Boolean() }), role: S.MemberRoleSchema }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => accounts.me(req.actor),
  );

  app.get(
    '/api/community/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'Members and open invitations (owners, city).',
        params: IdParams,
        response: {
          200: Type.Object({
            members: Type.Array(Type.Object({ userId: Type.Integer(), email: Type.String(), displayName: Type.String(), role: S.MemberRoleSchema, since: Type.String() })),
            invitations: Type.Array(Type.Object({ id: Type.Integer(), email: Type.String(), role: S.MemberRoleSchema, expiresAt: Type.String() })),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => accounts.members(req.actor, req.params.id),
  );

  app.post(
    '/api/community/organisations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invites a co-editor by e-mail (owners, city).',
        params: IdParams,
        body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), role: S.MemberRoleSchema }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.Integer(), email: Type.String(), role: S.MemberRoleSchema, expiresAt: Type.String() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await accounts.invite(req.actor, req.params.id, req.body)),
  );

  app.delete(
    '/api/community/organisations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Removes a member (owners, city); the last owner stays.',
        params: Type.Object({ id: RecordId(), userId: RecordId() }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await accounts.removeMember(req.actor, req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/community/invitations/accept',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Redeems an invitation; without an account yet, answers the enrolment link to set password and authenticator.',
        body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ organisationId: Type.Integer(), role: S.MemberRoleSchema, enrolmentUrl: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 403, 410, 429),
        },
      },
    },
    async (req) => accounts.acceptInvitation(req.actor, req.body.token),
  );

  // ---------- organisation writes
  app.post(
    '/api/community/organisations',
    { schema: { tags, summary: 'Creates an organisation (representatives become its owner; unverified until the city verifies).', body: S.OrganisationBody, response: { 201: S.OrganisationSchema, ...errorResponses(400, 401, 403) } } },
    async (req, reply) => reply.status(201).send(await service.createOrganisation(req.actor, req.body)),
  );

  app.patch(
    '/api/community/organisations/:id',
    { schema: { tags, summary: 'Changes an organisation (its members, city editors).', params: IdParams, body: S.OrganisationPatchBody, response: { 200: S.OrganisationSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => service.updateOrganisation(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/community/organisations/:id/verify',
    {
      schema: {
        tags,
        summary: 'The city verifies (or withdraws the verification of) an organisation (editors of community).',
        params: IdParams,
        body: Type.Object({ verified: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: S.OrganisationSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.verify(req.actor, req.params.id, req.body.verified),
  );

  app.post(
    '/api/community/organisations/:id/logo',
    {
      schema: {
        tags,
        summary: 'Sets the logo (multipart file; JPEG, PNG or WebP by content; re-encoded without EXIF).',
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: S.ImageUploadBody,
        response: { 200: S.OrganisationSchema, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (req) => service.setLogo(req.actor, req.params.id, fileOf(req.body)),
  );

  app.get(
    '/api/community/organisations/:id/events',
    { schema: { tags, summary: 'Every event of an organisation, unpublished ones included (its members, city).', params: IdParams, response: { 200: Type.Object({ items: Type.Array(S.EventSchema) }), ...errorResponses(400, 401, 403) } } },
    async (req) => ({ items: await service.eventsOfOrganisation(req.actor, req.params.id) }),
  );

  // ---------- event writes
  app.post(
    '/api/community/events',
    { schema: { tags, summary: 'Creates an event (members of the organisation, city editors).', body: S.EventBody, response: { 201: S.EventSchema, ...errorResponses(400, 401, 403) } } },
    async (req, reply) => reply.status(201).send(await service.createEvent(req.actor, req.body)),
  );

  app.put(
    '/api/community/events/:id',
    { schema: { tags, summary: 'Replaces an event (status "cancelled" cancels it; it stays visible as cancelled).', params: IdParams, body: S.EventBody, response: { 200: S.EventSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => service.updateEvent(req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/community/events/:id',
    { schema: { tags, summary: 'Deletes an event (members, city editors).', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } },
    async (req, reply) => {
      await service.deleteEvent(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/community/events/:id/images',
    {
      schema: {
        tags,
        summary: `Adds an image with its alternative text (multipart: file judged by content, re-encoded without EXIF; alt required); at most ${LIMITS.imagesPerEvent} per event.`,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: S.EventImageUploadBody,
        response: { 201: S.EventSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (req, reply) => {
      const { alt } = req.body;
      const event = await service.addEventImage(req.actor, req.params.id, { alt: typeof alt === 'string' ? alt : undefined, file: fileOf(req.body) });
      return reply.status(201).send(event);
    },
  );

  app.delete(
    '/api/community/events/:id/images/:imageId',
    {
      schema: {
        tags,
        summary: 'Removes an image of an event (its members, city editors).',
        params: Type.Object({ id: RecordId(), imageId: RecordId() }),
        response: { 200: S.EventSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.removeEventImage(req.actor, req.params.id, req.params.imageId),
  );

  app.get(
    '/api/community/moderation',
    { schema: { tags, summary: 'Events waiting for the city’s approval (staff).', response: { 200: Type.Object({ items: Type.Array(S.EventSchema) }), ...errorResponses(401, 403) } } },
    async (req) => ({ items: await service.moderationQueue(req.actor) }),
  );

  app.post(
    '/api/community/events/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Approves or rejects an event (editors of community).',
        params: IdParams,
        body: Type.Object({ state: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]) }, { additionalProperties: false }),
        response: { 200: S.EventSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => service.moderate(req.actor, req.params.id, req.body.state),
  );

  // ---------- notice board
  app.get(
    '/api/community/notices',
    {
      schema: {
        tags,
        summary: 'Open requests and offers between organisations (members of verified organisations, staff).',
        querystring: Type.Object({ kind: Type.Optional(S.NoticeKindSchema) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(S.NoticeSchema) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => ({ items: await notices.list(req.actor, req.query.kind) }),
  );

  app.post(
    '/api/community/notices',
    { schema: { tags, summary: 'Posts a request or offer for a verified organisation (its members).', body: S.NoticeBody, response: { 201: S.NoticeSchema, ...errorResponses(400, 401, 403) } } },
    async (req, reply) => reply.status(201).send(await notices.create(req.actor, req.body)),
  );

  app.patch(
    '/api/community/notices/:id',
    { schema: { tags, summary: 'Changes a notice (members of the posting organisation).', params: IdParams, body: S.NoticePatchBody, response: { 200: S.NoticeSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (req) => notices.update(req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/community/notices/:id',
    { schema: { tags, summary: 'Closes a notice (members of the posting organisation, city editors).', params: IdParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) } } },
    async (req, reply) => {
      await notices.close(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
