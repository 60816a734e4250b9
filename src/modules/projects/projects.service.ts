/** Portfolio rules: reads with filters, staff writes with history and audit in one transaction. */
import { actorLabel, requireModuleWrite, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { DEFAULT_PHOTO_LIMITS, processPhoto } from '../../platform/images/photos.js';
import { renderMarkdown } from '../../platform/text/markdown.js';
import { localDayStart } from '../../platform/time.js';
import type { DistrictStatus, FeatureStatus, ProjectStatus } from './projects.model.js';
import { diffTracked, loadRelated, presentProject, trackedState, type Project } from './projects.present.js';
import type { Link, ProjectsRepository, ProjectWrite } from './projects.repository.js';
import { slugify } from '../../platform/text/slug.js';

export interface District {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface ProjectsSettings {
  publicUrl: string;
  cityName: string;
  districts: readonly District[];
}

export interface ProjectInput {
  slug?: string | undefined;
  title: string;
  summary?: string | undefined;
  description?: string | undefined;
  status: ProjectStatus;
  office?: string | undefined;
  partners?: string[] | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  budgetEur?: number | null | undefined;
  fundingProgramme?: string | undefined;
  links?: Link[] | undefined;
  location?: { lat: number; lon: number } | null | undefined;
  districts?: string[] | undefined;
  fields: string[];
  features?: { title: string; status: FeatureStatus }[] | undefined;
  milestones?: { title: string; dueDate?: string | null | undefined; doneDate?: string | null | undefined }[] | undefined;
  kpis?:
    | {
        name: string;
        value?: number | null | undefined;
        target?: number | null | undefined;
        unit?: string | undefined;
        asOf?: string | null | undefined;
      }[]
    | undefined;
  demo?: boolean | undefined;
}

export type ProjectPatch = Partial<ProjectInput>;

const MODULE = 'projects';
/** More would make the project page a gallery; the portfolio needs a few pictures per project. */
export const MAX_IMAGES_PER_PROJECT = 12;

/**
 * A bare date means the start of that day in Koblenz, not in UTC: "changed since today" just after
 * local midnight (22:00 or 23:00 UTC) must include what was changed a minute ago.
 */
export function parseSince(value: string, field: string): Date {
  // Four-digit years only: JavaScript reads "+275760-…" and "-001000-…", the database does not.
  const d = localDayStart(value) ?? new Date(/^\d{4}-\d{2}-\d{2}T/.test(value) ? value : NaN);
  if (Number.isNaN(d.getTime()))
    throw badRequest('PROJECTS_DATE_INVALID', `${field} must be a date (YYYY-MM-DD) or a timestamp.`, field);
  return d;
}

export function createProjectsService(deps: {
  db: Db;
  repo: ProjectsRepository;
  audit: AuditRecorder;
  clock: Clock;
  settings: ProjectsSettings;
}) {
  const { db, repo, audit, clock, settings } = deps;
  const districtIds = new Set(settings.districts.map((d) => d.id));

  async function present(ids: number[] | undefined, filter: Parameters<ProjectsRepository['listProjects']>[0], on: Db = db) {
    const rows = await repo.listProjects({ ...filter, ...(ids ? { ids } : {}) }, on);
    const rel = await loadRelated(
      repo,
      rows.map((r) => r.id),
      on,
    );
    return rows.map((r) => presentProject(r, rel));
  }

  async function one(id: number, on: Db = db): Promise<Project> {
    const [p] = await present([id], {}, on);
    if (!p) throw notFound('PROJECTS_PROJECT_UNKNOWN', `There is no project ${id}.`);
    return p;
  }

  /** Checks what the schema cannot: references to fields and districts, date order, unique slug. */
  async function toWrite(trx: Db, input: ProjectInput, selfId: number | null) {
    const slug = input.slug ?? slugify(input.title);
    if (!slug) throw badRequest('PROJECTS_SLUG_INVALID', 'The title gives no usable slug; send body.slug.', 'body.slug');
    const taken = await repo.projectBySlug(slug, trx);
    if (taken && taken.id !== selfId)
      throw conflict('PROJECTS_SLUG_TAKEN', `Another project already uses the slug "${slug}".`, 'body.slug');
    const fields = await repo.fieldsBySlug(input.fields, trx);
    const unknownField = input.fields.find((s) => !fields.some((f) => f.slug === s));
    if (unknownField !== undefined)
      throw badRequest('PROJECTS_FIELD_UNKNOWN', `There is no field of action "${unknownField}".`, 'body.fields');
    if (!input.fields.length)
      throw badRequest('PROJECTS_FIELDS_REQUIRED', 'A project belongs to at least one field of action.', 'body.fields');
    const badDistrict = (input.districts ?? []).find((d) => !districtIds.has(d));
    if (badDistrict !== undefined)
      throw badRequest(
        'PROJECTS_DISTRICT_UNKNOWN',
        `There is no district "${badDistrict}" in the city profile.`,
        'body.districts',
      );
    if (input.startDate && input.endDate && input.endDate < input.startDate) {
      throw badRequest('PROJECTS_END_BEFORE_START', 'The end date lies before the start date.', 'body.endDate');
    }
    const write: ProjectWrite = {
      slug,
      title: input.title.trim(),
      summary: (input.summary ?? '').trim(),
      description: input.description ?? '',
      status: input.status,
      office: (input.office ?? '').trim(),
      partners: input.partners ?? [],
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      budget_eur: input.budgetEur ?? null,
      funding_programme: (input.fundingProgramme ?? '').trim(),
      links: input.links ?? [],
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      districts: [...new Set(input.districts ?? [])],
      demo: input.demo ?? false,
    };
    return { write, fieldIds: fields.map((f) => f.id) };
  }

  async function writeChildren(trx: Db, id: number, input: ProjectInput) {
    await repo.replaceFeatures(trx, id, input.features ?? []);
    await repo.replaceMilestones(
      trx,
      id,
      (input.milestones ?? []).map((m) => ({ title: m.title, due_date: m.dueDate ?? null, done_date: m.doneDate ?? null })),
    );
    await repo.replaceKpis(
      trx,
      id,
      (input.kpis ?? []).map((k) => ({
        name: k.name,
        value: k.value ?? null,
        target: k.target ?? null,
        unit: k.unit ?? '',
        as_of: k.asOf ?? null,
      })),
    );
  }

  /** Back to input form, so a patch can be merged over the current state. */
  function asInput(p: Project): ProjectInput {
    // The tracked state is exactly the editable content; slug and demo flag complete the input.
    return { slug: p.slug, ...trackedState(p), demo: p.demo };
  }

  return {
    listFields: async () =>
      (await repo.listFields()).map((f) => ({
        id: f.id,
        slug: f.slug,
        name: f.name,
        subtitle: f.subtitle,
        goal: f.goal,
        position: f.position,
        updatedAt: f.updated_at.toISOString(),
      })),

    async updateField(
      actor: Actor,
      id: number,
      patch: { name?: string | undefined; subtitle?: string | undefined; goal?: string | undefined },
    ) {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        const before = await repo.fieldById(id, trx);
        if (!before) throw notFound('PROJECTS_FIELD_UNKNOWN', `There is no field of action ${id}.`);
        const next = {
          name: patch.name?.trim() ?? before.name,
          subtitle: patch.subtitle?.trim() ?? before.subtitle,
          goal: patch.goal?.trim() ?? before.goal,
          updated_at: clock.now(),
        };
        await repo.updateField(trx, id, next);
        await audit.record(trx, {
          actor,
          module: MODULE,
          entity: 'field',
          entityId: id,
          action: 'update',
          before: { name: before.name, subtitle: before.subtitle, goal: before.goal },
          after: { name: next.name, subtitle: next.subtitle, goal: next.goal },
        });
      });
      return (await this.listFields()).find((f) => f.id === id)!;
    },

    list: (filter: { field?: string | undefined; status?: ProjectStatus[] | undefined; changedSince?: string | undefined }) =>
      present(undefined, {
        fieldSlug: filter.field,
        statuses: filter.status,
        changedSince: filter.changedSince ? parseSince(filter.changedSince, 'query.changedSince') : undefined,
      }),

    get: (id: number) => one(id),

    async bySlug(slug: string) {
      const row = await repo.projectBySlug(slug);
      if (!row) throw notFound('PROJECTS_PROJECT_UNKNOWN', `There is no project "${slug}".`);
      return one(row.id);
    },

    async create(actor: Actor, input: ProjectInput) {
      requireModuleWrite(actor, MODULE);
      const id = await withTransaction(db, async (trx) => {
        const { write, fieldIds } = await toWrite(trx, input, null);
        const now = clock.now();
        const { id } = await repo.insertProject(trx, write, now);
        await repo.replaceFieldLinks(trx, id, fieldIds);
        await writeChildren(trx, id, input);
        const created = await one(id, trx);
        await repo.insertHistory(trx, [
          {
            project_id: id,
            at: now,
            actor: actorLabel(actor),
            change: 'create',
            field: null,
            before: null,
            after: { title: created.title, status: created.status },
          },
        ]);
        await audit.record(trx, { actor, module: MODULE, entity: 'project', entityId: id, action: 'create', after: created });
        return id;
      });
      return one(id);
    },

    async update(actor: Actor, id: number, patch: ProjectPatch) {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        await repo.lockProject(trx, id);
        const before = await one(id, trx);
        const merged: ProjectInput = {
          ...asInput(before),
          ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        };
        const { write, fieldIds } = await toWrite(trx, merged, id);
        const now = clock.now();
        await repo.updateProject(trx, id, write, now);
        await repo.replaceFieldLinks(trx, id, fieldIds);
        await writeChildren(trx, id, merged);
        const after = await one(id, trx);
        const changes = diffTracked(before, after);
        const label = actorLabel(actor);
        await repo.insertHistory(
          trx,
          changes.map((c) => ({
            project_id: id,
            at: now,
            actor: label,
            change: c.field === 'status' ? 'status' : 'update',
            field: c.field,
            before: c.before,
            after: c.after,
          })),
        );
        await audit.record(trx, { actor, module: MODULE, entity: 'project', entityId: id, action: 'update', before, after });
      });
      return one(id);
    },

    async setDistrict(
      actor: Actor,
      id: number,
      districtId: string,
      input: { status: DistrictStatus; householdsPassed: number; demo?: boolean | undefined },
    ) {
      requireModuleWrite(actor, MODULE);
      if (!districtIds.has(districtId)) {
        throw badRequest(
          'PROJECTS_DISTRICT_UNKNOWN',
          `There is no district "${districtId}" in the city profile.`,
          'params.districtId',
        );
      }
      await withTransaction(db, async (trx) => {
        await repo.lockProject(trx, id);
        const project = await one(id, trx);
        const before = project.districtProgress.find((d) => d.districtId === districtId) ?? null;
        const now = clock.now();
        const after = { districtId, status: input.status, householdsPassed: input.householdsPassed, demo: input.demo ?? false };
        await repo.upsertDistrict(trx, {
          project_id: id,
          district_id: districtId,
          status: input.status,
          households_passed: input.householdsPassed,
          demo: after.demo,
          updated_at: now,
        });
        await repo.touchProject(trx, id, now);
        await repo.insertHistory(trx, [
          {
            project_id: id,
            at: now,
            actor: actorLabel(actor),
            change: 'district',
            field: `districts.${districtId}`,
            before,
            after,
          },
        ]);
        await audit.record(trx, {
          actor,
          module: MODULE,
          entity: 'district_progress',
          entityId: `${id}/${districtId}`,
          action: before ? 'update' : 'create',
          before,
          after,
        });
      });
      return this.districtMap(id);
    },

    /** Per-district progress as GeoJSON points at the district centres (boundaries are not shipped). */
    async districtMap(id: number) {
      const project = await one(id);
      const byId = new Map(settings.districts.map((d) => [d.id, d]));
      const features = project.districtProgress.flatMap((p) => {
        const d = byId.get(p.districtId);
        if (!d) return [];
        return [
          {
            type: 'Feature' as const,
            geometry: { type: 'Point' as const, coordinates: [d.lon, d.lat] },
            properties: { districtId: d.id, name: d.name, status: p.status, householdsPassed: p.householdsPassed, demo: p.demo },
          },
        ];
      });
      const count = (s: DistrictStatus) => project.districtProgress.filter((p) => p.status === s).length;
      return {
        type: 'FeatureCollection' as const,
        project: { id: project.id, title: project.title },
        totals: {
          planned: count('planned'),
          underConstruction: count('under_construction'),
          available: count('available'),
          householdsPassed: project.districtProgress.reduce((n, p) => n + p.householdsPassed, 0),
        },
        features,
      };
    },

    async history(id: number) {
      await one(id);
      return (await repo.history(id)).map((h) => ({
        at: h.at.toISOString(),
        change: h.change,
        field: h.field,
        before: h.before,
        after: h.after,
      }));
    },

    /** "What changed since <date>": every history entry from that moment on, newest first. */
    async changesSince(since: string, limit = 500) {
      const from = parseSince(since, 'query.since');
      const rows = await repo.historySince(from, limit);
      return {
        since: from.toISOString(),
        items: rows.map((h) => ({
          at: h.at.toISOString(),
          projectId: h.project_id,
          projectSlug: h.slug,
          projectTitle: h.title,
          change: h.change,
          field: h.field,
          before: h.before,
          after: h.after,
          demo: h.demo,
        })),
      };
    },

    timeline: async () =>
      (await repo.timeline()).map((e) => ({
        date: e.date,
        kind: e.kind,
        projectId: e.project_id,
        title: e.title,
        projectTitle: e.project_title,
        done: e.done,
        demo: e.demo,
      })),

    async page(slug: string, lang: string) {
      const row = (await repo.page(slug, lang)) ?? (await repo.page(slug, 'de'));
      if (!row) throw notFound('PROJECTS_PAGE_UNKNOWN', `There is no page "${slug}".`);
      return {
        slug,
        lang: row.lang,
        title: row.title,
        markdown: row.markdown,
        html: renderMarkdown(row.markdown),
        updatedAt: row.updated_at.toISOString(),
      };
    },

    async savePage(actor: Actor, slug: string, input: { lang: string; title: string; markdown: string }) {
      requireModuleWrite(actor, MODULE);
      const before = await repo.page(slug, 'de');
      if (!before) throw notFound('PROJECTS_PAGE_UNKNOWN', `There is no page "${slug}".`);
      await withTransaction(db, async (trx) => {
        await repo.updatePage(trx, {
          slug,
          lang: input.lang,
          title: input.title.trim(),
          markdown: input.markdown,
          updated_at: clock.now(),
          updated_by: actorLabel(actor),
        });
        await audit.record(trx, {
          actor,
          module: MODULE,
          entity: 'page',
          entityId: `${slug}/${input.lang}`,
          action: 'update',
          after: input,
        });
      });
      return this.page(slug, input.lang);
    },

    /**
     * Adds an image: the type is judged by its content (JPEG or PNG), it is re-encoded (no EXIF, no
     * GPS) and gets a thumbnail; the alt text is required.
     */
    async addImage(actor: Actor, id: number, input: { file: Buffer | undefined; alt: string | undefined }) {
      requireModuleWrite(actor, MODULE);
      const alt = (input.alt ?? '').trim();
      if (!alt)
        throw badRequest(
          'PROJECTS_IMAGE_ALT_REQUIRED',
          'Describe the image in body.alt for people who cannot see it.',
          'body.alt',
        );
      if (alt.length > 500)
        throw badRequest('PROJECTS_IMAGE_ALT_TOO_LONG', 'The alt text may be at most 500 characters.', 'body.alt');
      if (!input.file?.length)
        throw badRequest('PROJECTS_IMAGE_REQUIRED', 'Send the image as the multipart file body.file.', 'body.file');
      const photo = processPhoto(input.file, 'body.file', {
        limits: DEFAULT_PHOTO_LIMITS,
        codePrefix: 'PROJECTS_IMAGE',
        accept: ['jpeg', 'png'],
      });
      const imageId = await withTransaction(db, async (trx) => {
        await repo.lockProject(trx, id);
        const project = await one(id, trx);
        if (project.images.length >= MAX_IMAGES_PER_PROJECT) {
          throw conflict('PROJECTS_IMAGE_COUNT', `A project has at most ${MAX_IMAGES_PER_PROJECT} images.`, 'body.file');
        }
        const now = clock.now();
        const { id: imageId } = await repo.insertImage(trx, {
          project_id: id,
          alt,
          mime: photo.mime,
          width: photo.width,
          height: photo.height,
          data: photo.data,
          thumb: photo.thumb,
          thumb_mime: photo.thumbMime,
          created_at: now,
        });
        const after = { id: imageId, alt, width: photo.width, height: photo.height };
        await repo.touchProject(trx, id, now);
        await repo.insertHistory(trx, [
          { project_id: id, at: now, actor: actorLabel(actor), change: 'image', field: 'images', before: null, after },
        ]);
        await audit.record(trx, { actor, module: MODULE, entity: 'project_image', entityId: imageId, action: 'create', after });
        return imageId;
      });
      return (await one(id)).images.find((i) => i.id === imageId)!;
    },

    async removeImage(actor: Actor, id: number, imageId: number) {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        await repo.lockProject(trx, id);
        const removed = await repo.deleteImage(trx, id, imageId);
        if (!removed) throw notFound('PROJECTS_IMAGE_UNKNOWN', `Project ${id} has no image ${imageId}.`);
        const now = clock.now();
        const before = { id: removed.id, alt: removed.alt };
        await repo.touchProject(trx, id, now);
        await repo.insertHistory(trx, [
          { project_id: id, at: now, actor: actorLabel(actor), change: 'image', field: 'images', before, after: null },
        ]);
        await audit.record(trx, { actor, module: MODULE, entity: 'project_image', entityId: imageId, action: 'delete', before });
      });
    },

    /** Public image bytes (projects are public, so are their images). */
    async imageFile(imageId: number, variant: 'full' | 'thumb') {
      const row = await repo.imageFile(imageId);
      if (!row) throw notFound('PROJECTS_IMAGE_UNKNOWN', `There is no image ${imageId}.`);
      return variant === 'thumb' ? { mime: row.thumb_mime, data: row.thumb } : { mime: row.mime, data: row.data };
    },

    /** Latest changes for the Atom feed. */
    feedEntries: () => repo.historySince(null, 50),
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
