import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { csvStream } from '../../platform/http/csv.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { AuditService } from './audit.service.js';

const Filter = Type.Object({
  module: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  actor: Type.Optional(Type.String({ maxLength: 200 })),
  entity: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'inclusive, ISO 8601' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'exclusive, ISO 8601' })),
});
const ListQuery = Type.Object({
  ...Filter.properties,
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});

const Item = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  module: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const toFilter = (q: Static<typeof Filter>) => ({
  module: q.module,
  action: q.action,
  actor: q.actor,
  entity: q.entity,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ service: AuditService }> = async (app, { service }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (admins)',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Item), total: Type.Integer() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => service.list(req.actor, toFilter(req.query), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/audit/export.csv',
    { schema: { tags: ['audit'], summary: 'Export the filtered audit log as CSV (admins)', querystring: Filter } },
    async (req, reply) => {
      const rows = service.exportRows(req.actor, toFilter(req.query));
      const first = await rows.next(); // runs the permission check before any byte is sent
      async function* all() {
        if (!first.done) yield first.value;
        yield* rows;
      }
      reply.header('content-disposition', 'attachment; filename="audit-log.csv"');
      reply.type('text/csv; charset=utf-8');
      return csvStream(['id', 'at', 'actor', 'module', 'entity', 'entity_id', 'action', 'before', 'after'], all(), (r) => [
        r.id,
        r.at,
        r.actor,
        r.module,
        r.entity,
        r.entityId,
        r.action,
        r.before,
        r.after,
      ]);
    },
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole audit log (admins)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBrokenId: Type.Optional(Type.Integer()),
            message: Type.String(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => service.verify(req.actor),
  );
};
