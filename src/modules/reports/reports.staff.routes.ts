/** HTTP for the back office and administration under /api/reports (staff sessions, problem+json). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { errorResponses, IdParams, Nullable, OkSchema, RecordId } from '../../platform/http/schemas.js';
import type { ReportsAdminService } from './reports.admin.js';
import { STATUSES } from './reports.repository.js';
import type { ReportsStaffService } from './reports.staff.js';

const StatusSchema = Type.Union(STATUSES.map((s) => Type.Literal(s)));
const ReportId = Type.Object({ id: Type.String({ pattern: '^\\d{1,15}$' }) });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const StaffReport = Type.Object({
  id: Type.String(),
  serviceCode: Type.String(),
  serviceName: Type.String(),
  officeId: Type.Integer(),
  office: Type.String(),
  district: Nullable(Type.String()),
  status: Type.String(),
  description: Type.String(),
  descriptionPublic: Type.Boolean(),
  published: Type.Boolean(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  long: Nullable(Type.Number()),
  requestedAt: Type.String(),
  updatedAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  closedAt: Nullable(Type.String()),
  supporters: Type.Integer(),
  duplicateOf: Nullable(Type.String()),
  channel: Type.String(),
  hasEmail: Type.Boolean(),
  emailConfirmed: Type.Boolean(),
  anonymised: Type.Boolean(),
  demo: Type.Boolean(),
});
const StaffDetail = Type.Intersect([
  StaffReport,
  Type.Object({
    attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
    mediaUrl: Nullable(Type.String()),
    suggestedServiceCode: Nullable(Type.String()),
    notified: Type.Optional(Type.Boolean()),
    notes: Type.Array(
      Type.Object({ id: Type.Integer(), visibility: Type.String(), status: Nullable(Type.String()), body: Type.String(), author: Type.String(), createdAt: Type.String() }),
    ),
    photos: Type.Array(
      Type.Object({
        id: Type.Integer(),
        mime: Type.String(),
        width: Type.Integer(),
        height: Type.Integer(),
        released: Type.Boolean(),
        hidden: Type.Boolean(),
        redacted: Type.Boolean(),
        url: Type.String(),
        thumbUrl: Type.String(),
      }),
    ),
  }),
]);
const Canned = Type.Object({ id: Type.Integer(), title: Type.String(), body: Type.String(), status: Nullable(Type.String()) });
const Office = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), email: Nullable(Type.String()) });
const AttributeDefSchema = Type.Object(
  {
    variable: Type.Boolean(),
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,50}$' }),
    datatype: Type.Union(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'].map((d) => Type.Literal(d))),
    required: Type.Boolean(),
    datatype_description: Type.String({ maxLength: 500 }),
    order: RecordId(),
    description: Type.String({ maxLength: 1000 }),
    values: Type.Optional(Type.Array(Type.Object({ key: Text(100), name: Text(200) }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);
const Category = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  description: Type.String(),
  descriptionEn: Type.String(),
  keywords: Type.String(),
  group: Type.String(),
  groupEn: Type.String(),
  officeId: Type.Integer(),
  targetDays: Type.Integer(),
  active: Type.Boolean(),
  attributes: Type.Array(AttributeDefSchema),
  districtOffices: Type.Array(Type.Object({ district: Type.String(), officeId: Type.Integer() })),
});
const CategoryCode = Type.Object({ code: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }) });
/** The editable fields of a category; POST requires the German and English names among them. */
const categoryFields = {
  name: Text(200),
  nameEn: Text(200),
  description: Text(1000),
  descriptionEn: Type.String({ maxLength: 1000 }),
  keywords: Type.String({ maxLength: 1000 }),
  group: Text(100),
  groupEn: Type.String({ maxLength: 100 }),
  officeId: RecordId(),
  targetDays: Type.Integer({ minimum: 1, maximum: 365, description: 'answer-time target in working days' }),
  active: Type.Boolean(),
  attributes: Type.Array(AttributeDefSchema, { maxItems: 30 }),
};
const PerHour = Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'submissions per hour' });
const ApiKey = Type.Object({ id: Type.Integer(), name: Type.String(), prefix: Type.String(), perHour: Type.Integer(), createdAt: Type.String(), revokedAt: Nullable(Type.String()) });
const Block = Type.Object({ id: Type.Integer(), pattern: Type.String(), reason: Type.String(), createdAt: Type.String() });

const r = (ok: Parameters<typeof Type.Array>[0] | typeof StaffDetail, ...codes: number[]) => ({ 200: ok, ...errorResponses(400, 401, 403, ...codes) });

export const reportsStaffRoutes: FastifyPluginAsyncTypebox<{ staff: ReportsStaffService; admin: ReportsAdminService }> = async (app, { staff, admin }) => {
  const tags = ['reports (back office)'];

  app.get(
    '/api/reports/inbox',
    {
      schema: {
        tags,
        summary: 'Reports for staff, per office, status, or only the overdue ones (past their answer-time target).',
        querystring: Type.Object({
          officeId: Type.Optional(RecordId()),
          status: Type.Optional(StatusSchema),
          overdue: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
        }),
        response: r(Type.Object({ items: Type.Array(StaffReport) })),
      },
    },
    async (req) => ({ items: await staff.inbox(req.actor, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }) }),
  );

  app.get('/api/reports/requests/:id', { schema: { tags, summary: 'A report with internal notes and all photos.', params: ReportId, response: r(StaffDetail, 404) } }, async (req) =>
    staff.detail(req.actor, req.params.id),
  );

  app.post(
    '/api/reports/requests/:id/status',
    {
      schema: {
        tags,
        summary: 'Changes the status, with an optional public note (mailed to the reporter) and internal note.',
        params: ReportId,
        body: Type.Object({ status: StatusSchema, publicNote: Type.Optional(Type.String({ maxLength: 2000 })), internalNote: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }),
        response: r(StaffDetail, 404),
      },
    },
    async (req) => staff.changeStatus(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/reports/requests/:id/notes',
    {
      schema: {
        tags,
        summary: 'Adds a public note (a question or answer to the reporter) or an internal note.',
        params: ReportId,
        body: Type.Object({ visibility: Type.Union([Type.Literal('public'), Type.Literal('internal')]), body: Text(4000) }, { additionalProperties: false }),
        response: r(StaffDetail, 404),
      },
    },
    async (req) => staff.addNote(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/reports/requests/:id/forward',
    {
      schema: {
        tags,
        summary: 'Forwards the report to another office.',
        params: ReportId,
        body: Type.Object({ officeId: RecordId(), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: r(StaffDetail, 404, 409),
      },
    },
    async (req) => staff.forward(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/reports/requests/:id/merge',
    {
      schema: {
        tags,
        summary: 'Closes the report as a duplicate of another one and moves its supporters there.',
        params: ReportId,
        body: Type.Object({ into: Type.String({ pattern: '^\\d{1,15}$' }) }, { additionalProperties: false }),
        response: r(StaffDetail, 404),
      },
    },
    async (req) => staff.merge(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/reports/requests/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Publishes or withholds the report and its text; releases its photos.',
        params: ReportId,
        body: Type.Object(
          { published: Type.Optional(Type.Boolean()), descriptionPublic: Type.Optional(Type.Boolean()), releasePhotos: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: r(StaffDetail, 404),
      },
    },
    async (req) => staff.moderate(req.actor, req.params.id, req.body),
  );

  app.patch(
    '/api/reports/photos/:id',
    {
      schema: {
        tags,
        summary: 'Hides or releases a photo, or blacks out rectangles (fractions of width and height).',
        params: IdParams,
        body: Type.Object(
          {
            hidden: Type.Optional(Type.Boolean()),
            released: Type.Optional(Type.Boolean()),
            redact: Type.Optional(
              Type.Array(
                Type.Object(
                  { x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }), w: Type.Number({ minimum: 0, maximum: 1 }), h: Type.Number({ minimum: 0, maximum: 1 }) },
                  { additionalProperties: false },
                ),
                { maxItems: 50 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: r(StaffDetail, 404),
      },
    },
    async (req) => staff.updatePhoto(req.actor, req.params.id, req.body),
  );

  app.get('/api/reports/canned-replies', { schema: { tags, summary: 'Canned replies (Textbausteine).', response: r(Type.Object({ items: Type.Array(Canned) })) } }, async (req) => ({
    items: await staff.cannedReplies(req.actor),
  }));
  app.post(
    '/api/reports/canned-replies',
    {
      schema: {
        tags,
        summary: 'Adds a canned reply.',
        body: Type.Object({ title: Text(200), body: Text(2000), status: Type.Optional(StatusSchema) }, { additionalProperties: false }),
        response: r(Canned),
      },
    },
    async (req) => staff.addCannedReply(req.actor, req.body),
  );
  app.delete('/api/reports/canned-replies/:id', { schema: { tags, summary: 'Deletes a canned reply.', params: IdParams, response: r(OkSchema, 404) } }, async (req) =>
    staff.deleteCannedReply(req.actor, req.params.id),
  );

  // --- administration ---
  app.get('/api/reports/offices', { schema: { tags, summary: 'Offices that handle reports.', response: r(Type.Object({ items: Type.Array(Office) })) } }, async (req) => ({
    items: await admin.offices(req.actor),
  }));
  app.post(
    '/api/reports/offices',
    { schema: { tags, summary: 'Adds an office (admins).', body: Type.Object({ code: Text(40), name: Text(200), email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })) }, { additionalProperties: false }), response: { 201: Office, ...errorResponses(400, 401, 403, 409) } } },
    async (req, reply) => reply.status(201).send(await admin.addOffice(req.actor, req.body)),
  );
  app.get('/api/reports/offices/:id', { schema: { tags, summary: 'One office.', params: IdParams, response: r(Office, 404) } }, async (req) => admin.office(req.actor, req.params.id));
  app.patch(
    '/api/reports/offices/:id',
    {
      schema: {
        tags,
        summary: 'Renames an office or changes its e-mail address (admins).',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Text(200)), email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))) }, { additionalProperties: false }),
        response: r(Office, 404),
      },
    },
    async (req) => admin.updateOffice(req.actor, req.params.id, req.body),
  );
  app.get('/api/reports/categories', { schema: { tags, summary: 'Categories with offices and answer-time targets (staff).', response: r(Type.Object({ items: Type.Array(Category) })) } }, async (req) => ({
    items: await admin.categories(req.actor),
  }));
  app.get('/api/reports/categories/:code', { schema: { tags, summary: 'One category (staff).', params: CategoryCode, response: r(Category, 404) } }, async (req) =>
    admin.category(req.actor, req.params.code),
  );
  app.post(
    '/api/reports/categories',
    {
      schema: {
        tags,
        summary: 'Adds a category, i.e. an Open311 service (admins).',
        body: Type.Object(
          {
            code: Text(40),
            name: categoryFields.name,
            nameEn: categoryFields.nameEn,
            description: categoryFields.description,
            group: categoryFields.group,
            officeId: categoryFields.officeId,
            descriptionEn: Type.Optional(categoryFields.descriptionEn),
            keywords: Type.Optional(categoryFields.keywords),
            groupEn: Type.Optional(categoryFields.groupEn),
            targetDays: Type.Optional(categoryFields.targetDays),
            active: Type.Optional(categoryFields.active),
            attributes: Type.Optional(categoryFields.attributes),
          },
          { additionalProperties: false },
        ),
        response: { 201: Category, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const created = await admin.addCategory(req.actor, req.body);
      return reply.status(201).send(created as Static<typeof Category>);
    },
  );
  app.patch(
    '/api/reports/categories/:code',
    {
      schema: {
        tags,
        summary: 'Edits a category (admins).',
        params: CategoryCode,
        body: Type.Partial(Type.Object(categoryFields), { additionalProperties: false }),
        response: r(Category, 404),
      },
    },
    async (req) => admin.updateCategory(req.actor, req.params.code, req.body),
  );
  app.put(
    '/api/reports/categories/:code/districts/:district',
    {
      schema: {
        tags,
        summary: 'Sets the responsible office of a category in one district (null: back to the default) (admins).',
        params: Type.Object({ ...CategoryCode.properties, district: Type.String({ pattern: '^[a-z0-9-]{1,100}$' }) }),
        body: Type.Object({ officeId: Nullable(RecordId()) }, { additionalProperties: false }),
        response: r(Category, 404),
      },
    },
    async (req) => admin.setDistrictOffice(req.actor, req.params.code, req.params.district, req.body.officeId),
  );

  app.get('/api/reports/api-keys', { schema: { tags, summary: 'Open311 API clients (admins).', response: r(Type.Object({ items: Type.Array(ApiKey) })) } }, async (req) => ({
    items: await admin.apiKeys(req.actor),
  }));
  app.post(
    '/api/reports/api-keys',
    {
      schema: {
        tags,
        summary: 'Issues an Open311 API key with its own hourly limit (default REPORTS_API_KEY_PER_HOUR); the key is shown only in this answer (admins).',
        body: Type.Object({ name: Text(200), perHour: Type.Optional(PerHour) }, { additionalProperties: false }),
        response: r(Type.Object({ id: Type.Integer(), name: Type.String(), prefix: Type.String(), perHour: Type.Integer(), key: Type.String() })),
      },
    },
    async (req) => admin.createApiKey(req.actor, req.body),
  );
  app.patch(
    '/api/reports/api-keys/:id',
    {
      schema: {
        tags,
        summary: "Changes an API key's hourly submission limit (admins).",
        params: IdParams,
        body: Type.Object({ perHour: PerHour }, { additionalProperties: false }),
        response: r(ApiKey, 404),
      },
    },
    async (req) => admin.setApiKeyLimit(req.actor, req.params.id, req.body.perHour),
  );
  app.delete('/api/reports/api-keys/:id', { schema: { tags, summary: 'Revokes an API key (admins).', params: IdParams, response: r(OkSchema, 404) } }, async (req) =>
    admin.revokeApiKey(req.actor, req.params.id),
  );

  app.get('/api/reports/blocklist', { schema: { tags, summary: 'Blocked addresses, domains, IPs and held words.', response: r(Type.Object({ items: Type.Array(Block) })) } }, async (req) => ({
    items: await admin.blocklist(req.actor),
  }));
  app.post(
    '/api/reports/blocklist',
    {
      schema: {
        tags,
        summary: 'Adds "x@y.de", "@y.de", "ip:1.2.3.4" (refused) or "word:…" (text held for review).',
        body: Type.Object({ pattern: Text(254), reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: r(Type.Object({ items: Type.Array(Block) })),
      },
    },
    async (req) => ({ items: await admin.addBlock(req.actor, req.body) }),
  );
  app.delete('/api/reports/blocklist/:id', { schema: { tags, summary: 'Removes a blocklist entry.', params: IdParams, response: r(OkSchema, 404) } }, async (req) =>
    admin.removeBlock(req.actor, req.params.id),
  );

  app.post(
    '/api/reports/retention/run',
    {
      schema: {
        tags,
        summary: 'Runs the privacy retention job now (it also runs hourly) (admins).',
        response: r(Type.Object({ anonymised: Type.Integer(), unconfirmedEmailsDropped: Type.Integer(), retentionDays: Type.Integer() })),
      },
    },
    async (req) => admin.runRetention(req.actor),
  );
};
