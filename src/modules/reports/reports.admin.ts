/** Administration: categories and their offices, API clients, blocklist, and the retention job. */
import { requireAdmin, requireModuleWrite, requireStaff, systemActor, type Actor } from '../../platform/auth/actor.js';
import { withTransaction } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { AttributeDef, CategoryRow } from './reports.repository.js';
import type { ReportsDeps } from './reports.service.js';
import { newSecret, sha256 } from './reports.shared.js';

const MODULE = 'reports';
const DAY = 86_400_000;

export interface CategoryPatch {
  name?: string | undefined;
  nameEn?: string | undefined;
  description?: string | undefined;
  descriptionEn?: string | undefined;
  keywords?: string | undefined;
  group?: string | undefined;
  groupEn?: string | undefined;
  officeId?: number | undefined;
  targetDays?: number | undefined;
  active?: boolean | undefined;
  attributes?: AttributeDef[] | undefined;
}

export interface NewCategory {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn?: string | undefined;
  keywords?: string | undefined;
  group: string;
  groupEn?: string | undefined;
  officeId: number;
  targetDays?: number | undefined;
  active?: boolean | undefined;
  attributes?: AttributeDef[] | undefined;
}

const CODE = /^[a-z0-9-]{2,40}$/;
const officeView = (o: { id: number; code: string; name: string; email: string | null }) => ({ id: o.id, code: o.code, name: o.name, email: o.email });

export function createReportsAdminService(deps: ReportsDeps) {
  const { db, repo, audit, clock, settings } = deps;

  const categoryView = (c: CategoryRow, districts: { category_id: number; district: string; office_id: number }[]) => ({
    code: c.code,
    name: c.name,
    nameEn: c.name_en,
    description: c.description,
    descriptionEn: c.description_en,
    keywords: c.keywords,
    group: c.group_name,
    groupEn: c.group_name_en,
    officeId: c.office_id,
    targetDays: c.target_days,
    active: c.active,
    attributes: c.attributes,
    districtOffices: districts.filter((d) => d.category_id === c.id).map((d) => ({ district: d.district, officeId: d.office_id })),
  });

  async function officeMustExist(id: number, field: string) {
    if (!(await repo.officeById(id))) throw badRequest('REPORTS_OFFICE_UNKNOWN', `There is no office ${id}.`, field);
  }

  function checkAttributeDefs(defs: AttributeDef[]) {
    const orders = new Set<number>();
    for (const d of defs) {
      if (orders.has(d.order)) throw badRequest('REPORTS_ATTRIBUTE_ORDER', `Attribute order ${d.order} is used twice.`, 'body.attributes');
      orders.add(d.order);
      const isList = d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist';
      if (isList !== Boolean(d.values?.length)) {
        throw badRequest('REPORTS_ATTRIBUTE_VALUES', `Attribute "${d.code}": values are needed for list types and only for them.`, 'body.attributes');
      }
    }
  }

  return {
    async offices(actor: Actor) {
      requireStaff(actor);
      return (await repo.offices()).map(officeView);
    },

    async office(actor: Actor, id: number) {
      requireStaff(actor);
      const row = await repo.officeById(id);
      if (!row) throw notFound('REPORTS_OFFICE_UNKNOWN', `There is no office ${id}.`);
      return officeView(row);
    },

    async addOffice(actor: Actor, input: { code: string; name: string; email?: string | undefined }) {
      requireAdmin(actor);
      if (!CODE.test(input.code)) throw badRequest('REPORTS_OFFICE_CODE_INVALID', 'The code uses 2 to 40 of a–z, 0–9 and "-".', 'body.code');
      if (await repo.officeByCode(input.code)) throw conflict('REPORTS_OFFICE_CODE_TAKEN', `The code "${input.code}" is already used by another office.`, 'body.code');
      const row = await withTransaction(db, async (trx) => {
        const created = await repo.insertOffice(trx, { code: input.code, name: input.name.trim(), email: input.email ?? null });
        await audit.record(trx, { actor, module: MODULE, entity: 'office', entityId: created.id, action: 'create', after: created });
        return created;
      });
      return officeView(row);
    },

    /** Name and address for forwarded reports; the code stays, since imports and links use it. */
    async updateOffice(actor: Actor, id: number, patch: { name?: string | undefined; email?: string | null | undefined }) {
      requireAdmin(actor);
      const before = await repo.officeById(id);
      if (!before) throw notFound('REPORTS_OFFICE_UNKNOWN', `There is no office ${id}.`);
      const row = await withTransaction(db, async (trx) => {
        const after = await repo.updateOffice(trx, id, {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.email !== undefined ? { email: patch.email?.trim() || null } : {}),
        });
        await audit.record(trx, { actor, module: MODULE, entity: 'office', entityId: id, action: 'update', before, after });
        return after;
      });
      return officeView(row);
    },

    async categories(actor: Actor) {
      requireStaff(actor);
      const [cats, districts] = await Promise.all([repo.categories(false), repo.districtOffices()]);
      return cats.map((c) => categoryView(c, districts));
    },

    async category(actor: Actor, code: string) {
      requireStaff(actor);
      const c = await repo.categoryByCode(code);
      if (!c) throw notFound('REPORTS_SERVICE_CODE_UNKNOWN', `There is no category "${code}".`);
      return categoryView(c, await repo.districtOffices());
    },

    async addCategory(actor: Actor, input: NewCategory) {
      requireAdmin(actor);
      if (!CODE.test(input.code)) throw badRequest('REPORTS_SERVICE_CODE_INVALID', 'The code uses 2 to 40 of a–z, 0–9 and "-".', 'body.code');
      if (await repo.categoryByCode(input.code)) throw conflict('REPORTS_SERVICE_CODE_TAKEN', `The code "${input.code}" is already used by another category.`, 'body.code');
      await officeMustExist(input.officeId, 'body.officeId');
      if (input.attributes) checkAttributeDefs(input.attributes);
      const created = await withTransaction(db, async (trx) => {
        const row = await repo.insertCategory(trx, {
          code: input.code,
          name: input.name.trim(),
          name_en: input.nameEn.trim(),
          description: input.description.trim(),
          description_en: input.descriptionEn?.trim() ?? '',
          keywords: input.keywords ?? '',
          group_name: input.group.trim(),
          group_name_en: input.groupEn?.trim() ?? '',
          office_id: input.officeId,
          target_days: input.targetDays ?? 10,
          active: input.active ?? true,
          attributes: input.attributes ?? [],
        });
        await audit.record(trx, { actor, module: MODULE, entity: 'category', entityId: input.code, action: 'create', after: row });
        return row;
      });
      return categoryView(created, []);
    },

    async updateCategory(actor: Actor, code: string, patch: CategoryPatch) {
      requireAdmin(actor);
      const before = await repo.categoryByCode(code);
      if (!before) throw notFound('REPORTS_SERVICE_CODE_UNKNOWN', `There is no category "${code}".`);
      if (patch.officeId !== undefined) await officeMustExist(patch.officeId, 'body.officeId');
      if (patch.attributes) checkAttributeDefs(patch.attributes);
      await withTransaction(db, async (trx) => {
        const after = await repo.updateCategory(trx, before.id, {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.nameEn !== undefined ? { name_en: patch.nameEn.trim() } : {}),
          ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
          ...(patch.descriptionEn !== undefined ? { description_en: patch.descriptionEn.trim() } : {}),
          ...(patch.keywords !== undefined ? { keywords: patch.keywords } : {}),
          ...(patch.group !== undefined ? { group_name: patch.group } : {}),
          ...(patch.groupEn !== undefined ? { group_name_en: patch.groupEn.trim() } : {}),
          ...(patch.officeId !== undefined ? { office_id: patch.officeId } : {}),
          ...(patch.targetDays !== undefined ? { target_days: patch.targetDays } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          ...(patch.attributes !== undefined ? { attributes: patch.attributes } : {}),
          updated_at: clock.now(),
        });
        await audit.record(trx, { actor, module: MODULE, entity: 'category', entityId: code, action: 'update', before, after });
      });
      return (await this.categories(actor)).find((c) => c.code === code)!;
    },

    /** The office responsible for a category in one district (null restores the category's default). */
    async setDistrictOffice(actor: Actor, code: string, district: string, officeId: number | null) {
      requireAdmin(actor);
      const cat = await repo.categoryByCode(code);
      if (!cat) throw notFound('REPORTS_SERVICE_CODE_UNKNOWN', `There is no category "${code}".`);
      if (!settings.districts.some((d) => d.id === district)) {
        throw badRequest('REPORTS_DISTRICT_UNKNOWN', `Unknown district "${district}". Known: ${settings.districts.map((d) => d.id).join(', ')}.`, 'path.district');
      }
      if (officeId !== null) await officeMustExist(officeId, 'body.officeId');
      await withTransaction(db, async (trx) => {
        await repo.setDistrictOffice(trx, cat.id, district, officeId);
        await audit.record(trx, { actor, module: MODULE, entity: 'category', entityId: code, action: 'district-office', after: { district, officeId } });
      });
      return (await this.categories(actor)).find((c) => c.code === code)!;
    },

    async apiKeys(actor: Actor) {
      requireAdmin(actor);
      return (await repo.apiKeys()).map((k) => ({
        id: k.id,
        name: k.name,
        prefix: k.key_prefix,
        perHour: k.per_hour,
        createdAt: k.created_at.toISOString(),
        revokedAt: k.revoked_at?.toISOString() ?? null,
      }));
    },

    /** Issues a key; the plain key is shown once, only its hash is stored. */
    async createApiKey(actor: Actor, input: { name: string; perHour?: number | undefined }) {
      requireAdmin(actor);
      const key = `o311_${newSecret(24)}`;
      const perHour = input.perHour ?? settings.apiKeyPerHour;
      const row = await withTransaction(db, async (trx) => {
        const created = await repo.insertApiKey(trx, { name: input.name.trim(), key_hash: sha256(key), key_prefix: key.slice(0, 9), per_hour: perHour });
        await audit.record(trx, { actor, module: MODULE, entity: 'api-key', entityId: created.id, action: 'create', after: { name: created.name, perHour: created.per_hour } });
        return created;
      });
      return { id: row.id, name: row.name, prefix: row.key_prefix, perHour: row.per_hour, key };
    },

    /** A client that submits for many citizens (the Koblenz App) may need more than the default. */
    async setApiKeyLimit(actor: Actor, id: number, perHour: number) {
      requireAdmin(actor);
      const before = (await repo.apiKeys()).find((k) => k.id === id);
      const row = await withTransaction(db, async (trx) => {
        const updated = await repo.setApiKeyLimit(trx, id, perHour);
        if (!updated) throw notFound('REPORTS_API_KEY_UNKNOWN', `There is no active API key ${id}.`);
        await audit.record(trx, { actor, module: MODULE, entity: 'api-key', entityId: id, action: 'limit', before: { perHour: before?.per_hour }, after: { perHour } });
        return updated;
      });
      return (await this.apiKeys(actor)).find((k) => k.id === row.id)!;
    },

    async revokeApiKey(actor: Actor, id: number) {
      requireAdmin(actor);
      await withTransaction(db, async (trx) => {
        const row = await repo.revokeApiKey(trx, id, clock.now());
        if (!row) throw notFound('REPORTS_API_KEY_UNKNOWN', `There is no active API key ${id}.`);
        await audit.record(trx, { actor, module: MODULE, entity: 'api-key', entityId: id, action: 'revoke' });
      });
      return { ok: true as const };
    },

    async blocklist(actor: Actor) {
      requireModuleWrite(actor, MODULE);
      return (await repo.blocklist()).map((b) => ({ id: b.id, pattern: b.pattern, reason: b.reason, createdAt: b.created_at.toISOString() }));
    },

    async addBlock(actor: Actor, input: { pattern: string; reason?: string | undefined }) {
      requireModuleWrite(actor, MODULE);
      const pattern = input.pattern.trim().toLowerCase();
      if (!/^(ip:\S+|word:.{2,}|@[^\s@]+\.[^\s@]+|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(pattern)) {
        throw badRequest('REPORTS_BLOCK_PATTERN_INVALID', 'Use an e-mail address, "@domain.de", "ip:1.2.3.4" or "word:text".', 'body.pattern');
      }
      await withTransaction(db, async (trx) => {
        const row = await repo.insertBlock(trx, { pattern, reason: input.reason ?? '' });
        if (row) await audit.record(trx, { actor, module: MODULE, entity: 'blocklist', entityId: row.id, action: 'create', after: { pattern } });
      });
      return this.blocklist(actor);
    },

    async removeBlock(actor: Actor, id: number) {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        const row = await repo.deleteBlock(trx, id);
        if (!row) throw notFound('REPORTS_BLOCK_UNKNOWN', `There is no blocklist entry ${id}.`);
        await audit.record(trx, { actor, module: MODULE, entity: 'blocklist', entityId: id, action: 'delete', before: { pattern: row.pattern } });
      });
      return { ok: true as const };
    },

    /**
     * Privacy retention: e-mail and IP of reports closed more than `retentionDays` ago are removed
     * (the report stays, anonymous); unconfirmed e-mails go after 7 days; rate counters after a day.
     */
    async runRetention(actor: Actor = systemActor('reports-retention')) {
      requireAdmin(actor);
      const now = clock.now();
      return withTransaction(db, async (trx) => {
        const anonymised = await repo.anonymiseClosed(trx, new Date(now.getTime() - settings.retentionDays * DAY), now);
        const dropped = await repo.dropUnconfirmedEmails(trx, new Date(now.getTime() - 7 * DAY));
        await repo.purgeEvents(trx, new Date(now.getTime() - DAY));
        if (anonymised.length || dropped.length) {
          await audit.record(trx, {
            actor,
            module: MODULE,
            entity: 'request',
            entityId: null,
            action: 'retention',
            after: { anonymised: anonymised.map((r) => r.id), unconfirmedEmailsDropped: dropped.map((r) => r.id) },
          });
        }
        return { anonymised: anonymised.length, unconfirmedEmailsDropped: dropped.length, retentionDays: settings.retentionDays };
      });
    },
  };
}

export type ReportsAdminService = ReturnType<typeof createReportsAdminService>;
