/** All SQL of the projects module. Dates leave the database as 'YYYY-MM-DD' text; client input only as parameters. */
import { sql, type Generated, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DistrictStatus, FeatureStatus, ProjectStatus } from './projects.model.js';

export interface Link {
  label: string;
  url: string;
}

export type ProjectsTables = {
  projects_fields: {
    id: Generated<number>;
    slug: string;
    name: string;
    subtitle: string;
    goal: string;
    position: number;
    updated_at: Generated<Date>;
  };
  projects_projects: {
    id: Generated<number>;
    slug: string;
    title: string;
    summary: string;
    description: string;
    status: ProjectStatus;
    office: string;
    partners: string[];
    start_date: string | null;
    end_date: string | null;
    budget_eur: string | number | null;
    funding_programme: string;
    links: Link[];
    location: unknown;
    districts: string[];
    demo: boolean;
    created_at: Date;
    updated_at: Date;
  };
  projects_project_fields: { project_id: number; field_id: number };
  projects_features: { id: Generated<number>; project_id: number; title: string; status: FeatureStatus; position: number };
  projects_milestones: {
    id: Generated<number>;
    project_id: number;
    title: string;
    due_date: string | null;
    done_date: string | null;
    position: number;
  };
  projects_kpis: {
    id: Generated<number>;
    project_id: number;
    name: string;
    value: string | number | null;
    target: string | number | null;
    unit: string;
    as_of: string | null;
    position: number;
  };
  projects_district_progress: {
    project_id: number;
    district_id: string;
    status: DistrictStatus;
    households_passed: number;
    demo: boolean;
    updated_at: Date;
  };
  projects_history: {
    id: Generated<number>;
    project_id: number;
    at: Date;
    actor: string;
    change: string;
    field: string | null;
    before: unknown;
    after: unknown;
  };
  projects_reports: {
    id: Generated<number>;
    committee_date: string;
    ozg_date: string;
    lang: 'de' | 'en';
    previous_id: number | null;
    snapshot: unknown;
    markdown: string;
    docx: Buffer;
    pdf: Buffer;
    created_at: Date;
    created_by: string;
  };
  projects_pages: { slug: string; lang: string; title: string; markdown: string; updated_at: Date; updated_by: string };
  projects_images: {
    id: Generated<number>;
    project_id: number;
    alt: string;
    mime: string;
    width: number;
    height: number;
    data: Buffer;
    thumb: Buffer;
    thumb_mime: string;
    position: number;
    created_at: Date;
  };
};

type ChildTable = 'projects_features' | 'projects_milestones' | 'projects_kpis';

/** A project's own columns as the service writes them: the location as lat/lon, the budget as a number. */
export type ProjectWrite = Omit<ProjectsTables['projects_projects'], 'id' | 'location' | 'budget_eur' | 'created_at' | 'updated_at'> & {
  budget_eur: number | null;
  lat: number | null;
  lon: number | null;
};

export interface ProjectFilter {
  fieldSlug?: string | undefined;
  statuses?: readonly string[] | undefined;
  changedSince?: Date | undefined;
  ids?: readonly number[] | undefined;
}

const json = <T>(v: T) => sql<T>`${JSON.stringify(v)}::jsonb`;
const point = (lat: number | null, lon: number | null) =>
  lat === null || lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;

export function createProjectsRepository(database: Db) {
  const t = (db: Db) => db.withTables<ProjectsTables>();

  const projectColumns = [
    'p.id',
    'p.slug',
    'p.title',
    'p.summary',
    'p.description',
    'p.status',
    'p.office',
    'p.partners',
    'p.budget_eur',
    'p.funding_programme',
    'p.links',
    'p.districts',
    'p.demo',
    'p.created_at',
    'p.updated_at',
  ] as const;

  function selectProjects(on: Db) {
    return t(on)
      .selectFrom('projects_projects as p')
      .select(projectColumns)
      .select([
        sql<string | null>`p.start_date::text`.as('start_date'),
        sql<string | null>`p.end_date::text`.as('end_date'),
        sql<number | null>`ST_Y(p.location)`.as('lat'),
        sql<number | null>`ST_X(p.location)`.as('lon'),
      ]);
  }

  /** Lists hanging off projects are read for a set of ids; an empty set needs no query. */
  const forProjects = <R>(projectIds: readonly number[], read: (ids: number[]) => Promise<R[]>) =>
    projectIds.length ? read([...projectIds]) : Promise.resolve<R[]>([]);

  /**
   * Features, milestones and KPIs are edited as whole ordered lists: the old rows go, the new ones
   * are written with their list position.
   */
  async function replaceChildren(trx: Db, table: ChildTable, projectId: number, rows: readonly object[]) {
    // Kysely cannot type a table chosen at run time; the public replace… methods keep the row types.
    const db = trx as unknown as Kysely<Record<ChildTable, Record<string, unknown>>>;
    await db.deleteFrom(table).where('project_id', '=', projectId).execute();
    if (rows.length) {
      await db
        .insertInto(table)
        .values(rows.map((r, position) => ({ ...r, position, project_id: projectId })))
        .execute();
    }
  }

  const values = (w: ProjectWrite) => {
    const { lat, lon, links, ...rest } = w;
    return { ...rest, links: json(links), location: point(lat, lon) };
  };

  return {
    listFields: (on: Db = database) =>
      t(on).selectFrom('projects_fields').selectAll().orderBy('position').orderBy('id').execute(),
    fieldsBySlug: (slugs: readonly string[], on: Db = database) =>
      slugs.length ? t(on).selectFrom('projects_fields').selectAll().where('slug', 'in', slugs).execute() : Promise.resolve([]),
    fieldById: (id: number, on: Db = database) =>
      t(on).selectFrom('projects_fields').selectAll().where('id', '=', id).executeTakeFirst(),
    updateField: (trx: Db, id: number, patch: { name: string; subtitle: string; goal: string; updated_at: Date }) =>
      t(trx).updateTable('projects_fields').set(patch).where('id', '=', id).execute(),

    listProjects(filter: ProjectFilter, on: Db = database) {
      let q = selectProjects(on);
      if (filter.statuses?.length) q = q.where('p.status', 'in', filter.statuses as ProjectStatus[]);
      if (filter.changedSince) q = q.where('p.updated_at', '>=', filter.changedSince);
      if (filter.ids) q = filter.ids.length ? q.where('p.id', 'in', filter.ids as number[]) : q.where(sql<boolean>`false`);
      if (filter.fieldSlug) {
        const slug = filter.fieldSlug;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('projects_project_fields as pf')
              .innerJoin('projects_fields as f', 'f.id', 'pf.field_id')
              .select('pf.project_id')
              .whereRef('pf.project_id', '=', 'p.id')
              .where('f.slug', '=', slug),
          ),
        );
      }
      return q.orderBy('p.title').execute();
    },
    projectById: (id: number, on: Db = database) => selectProjects(on).where('p.id', '=', id).executeTakeFirst(),
    projectBySlug: (slug: string, on: Db = database) => selectProjects(on).where('p.slug', '=', slug).executeTakeFirst(),
    /** Row lock so two concurrent edits of one project write their history in order. */
    lockProject: (trx: Db, id: number) => sql`select id from projects_projects where id = ${id} for update`.execute(trx),

    insertProject: (trx: Db, w: ProjectWrite, now: Date) =>
      t(trx)
        .insertInto('projects_projects')
        .values({ ...values(w), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow(),
    updateProject: (trx: Db, id: number, w: ProjectWrite, now: Date) =>
      t(trx)
        .updateTable('projects_projects')
        .set({ ...values(w), updated_at: now })
        .where('id', '=', id)
        .execute(),
    touchProject: (trx: Db, id: number, now: Date) =>
      t(trx).updateTable('projects_projects').set({ updated_at: now }).where('id', '=', id).execute(),

    fieldLinks: (projectIds: readonly number[], on: Db = database) =>
      forProjects(projectIds, (ids) =>
        t(on)
          .selectFrom('projects_project_fields as pf')
          .innerJoin('projects_fields as f', 'f.id', 'pf.field_id')
          .select(['pf.project_id', 'f.id', 'f.slug', 'f.name', 'f.position'])
          .where('pf.project_id', 'in', ids)
          .orderBy('f.position')
          .execute(),
      ),
    async replaceFieldLinks(trx: Db, projectId: number, fieldIds: number[]) {
      await t(trx).deleteFrom('projects_project_fields').where('project_id', '=', projectId).execute();
      if (fieldIds.length) {
        await t(trx)
          .insertInto('projects_project_fields')
          .values(fieldIds.map((field_id) => ({ project_id: projectId, field_id })))
          .execute();
      }
    },

    features: (projectIds: readonly number[], on: Db = database) =>
      forProjects(projectIds, (ids) =>
        t(on).selectFrom('projects_features').selectAll().where('project_id', 'in', ids).orderBy('position').orderBy('id').execute(),
      ),
    replaceFeatures: (trx: Db, projectId: number, rows: { title: string; status: FeatureStatus }[]) =>
      replaceChildren(trx, 'projects_features', projectId, rows),

    milestones: (projectIds: readonly number[], on: Db = database) =>
      forProjects(projectIds, (ids) =>
        t(on)
          .selectFrom('projects_milestones')
          .select(['id', 'project_id', 'title', 'position'])
          .select([sql<string | null>`due_date::text`.as('due_date'), sql<string | null>`done_date::text`.as('done_date')])
          .where('project_id', 'in', ids)
          .orderBy('position')
          .orderBy('id')
          .execute(),
      ),
    replaceMilestones: (
      trx: Db,
      projectId: number,
      rows: { title: string; due_date: string | null; done_date: string | null }[],
    ) => replaceChildren(trx, 'projects_milestones', projectId, rows),

    kpis: (projectIds: readonly number[], on: Db = database) =>
      forProjects(projectIds, (ids) =>
        t(on)
          .selectFrom('projects_kpis')
          .select(['id', 'project_id', 'name', 'value', 'target', 'unit', 'position'])
          .select(sql<string | null>`as_of::text`.as('as_of'))
          .where('project_id', 'in', ids)
          .orderBy('position')
          .orderBy('id')
          .execute(),
      ),
    replaceKpis: (
      trx: Db,
      projectId: number,
      rows: { name: string; value: number | null; target: number | null; unit: string; as_of: string | null }[],
    ) => replaceChildren(trx, 'projects_kpis', projectId, rows),

    /** Image metadata only; the bytes are read one image at a time by imageFile. */
    images: (projectIds: readonly number[], on: Db = database) =>
      forProjects(projectIds, (ids) =>
        t(on)
          .selectFrom('projects_images')
          .select(['id', 'project_id', 'alt', 'width', 'height', 'position'])
          .where('project_id', 'in', ids)
          .orderBy('position')
          .orderBy('id')
          .execute(),
      ),
    insertImage: (trx: Db, row: Omit<ProjectsTables['projects_images'], 'id' | 'position'>) =>
      t(trx)
        .insertInto('projects_images')
        .values({
          ...row,
          position: sql<number>`(select coalesce(max(position) + 1, 0) from projects_images where project_id = ${row.project_id})`,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    imageFile: (id: number, on: Db = database) =>
      t(on).selectFrom('projects_images').selectAll().where('id', '=', id).executeTakeFirst(),
    deleteImage: (trx: Db, projectId: number, id: number) =>
      t(trx)
        .deleteFrom('projects_images')
        .where('id', '=', id)
        .where('project_id', '=', projectId)
        .returning(['id', 'alt'])
        .executeTakeFirst(),

    districtProgress: (projectIds: readonly number[], on: Db = database) =>
      forProjects(projectIds, (ids) =>
        t(on).selectFrom('projects_district_progress').selectAll().where('project_id', 'in', ids).orderBy('district_id').execute(),
      ),
    upsertDistrict: (trx: Db, row: ProjectsTables['projects_district_progress']) =>
      t(trx)
        .insertInto('projects_district_progress')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['project_id', 'district_id']).doUpdateSet({
            status: row.status,
            households_passed: row.households_passed,
            demo: row.demo,
            updated_at: row.updated_at,
          }),
        )
        .execute(),

    insertHistory: (trx: Db, rows: Omit<ProjectsTables['projects_history'], 'id'>[]) =>
      rows.length
        ? t(trx)
            .insertInto('projects_history')
            .values(rows.map((r) => ({ ...r, before: json(r.before ?? null), after: json(r.after ?? null) })))
            .execute()
        : Promise.resolve([]),
    history: (projectId: number, on: Db = database) =>
      t(on)
        .selectFrom('projects_history')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute(),
    historySince: (since: Date | null, limit: number, on: Db = database) => {
      let q = t(on)
        .selectFrom('projects_history as h')
        .innerJoin('projects_projects as p', 'p.id', 'h.project_id')
        .select(['h.id', 'h.project_id', 'h.at', 'h.change', 'h.field', 'h.before', 'h.after', 'p.title', 'p.slug', 'p.demo']);
      if (since) q = q.where('h.at', '>=', since);
      return q.orderBy('h.at', 'desc').orderBy('h.id', 'desc').limit(limit).execute();
    },
    timeline: (on: Db = database) =>
      sql<{ date: string; kind: string; project_id: number; title: string; project_title: string; done: boolean; demo: boolean }>`
        select p.start_date::text as date, 'start' as kind, p.id as project_id, p.title as title, p.title as project_title,
               false as done, p.demo from projects_projects p where p.start_date is not null
        union all
        select p.end_date::text, 'end', p.id, p.title, p.title, p.end_date <= current_date, p.demo
          from projects_projects p where p.end_date is not null
        union all
        select coalesce(m.done_date, m.due_date)::text, 'milestone', p.id, m.title, p.title, m.done_date is not null, p.demo
          from projects_milestones m join projects_projects p on p.id = m.project_id
          where coalesce(m.done_date, m.due_date) is not null
        order by 1, 3`
        .execute(on)
        .then((r) => r.rows),

    previousReport: (committeeDate: string, lang: string, on: Db = database) =>
      t(on)
        .selectFrom('projects_reports')
        .select(['id', 'snapshot'])
        .select([sql<string>`committee_date::text`.as('committee_date'), sql<string>`ozg_date::text`.as('ozg_date')])
        .where('committee_date', '<', committeeDate)
        .where('lang', '=', lang as 'de' | 'en')
        .orderBy('committee_date', 'desc')
        .limit(1)
        .executeTakeFirst(),
    upsertReport: (trx: Db, row: Omit<ProjectsTables['projects_reports'], 'id'>) => {
      const v = { ...row, snapshot: json(row.snapshot) };
      return t(trx)
        .insertInto('projects_reports')
        .values(v)
        .onConflict((oc) =>
          oc.columns(['committee_date', 'lang']).doUpdateSet({
            ozg_date: row.ozg_date,
            previous_id: row.previous_id,
            snapshot: v.snapshot,
            markdown: row.markdown,
            docx: row.docx,
            pdf: row.pdf,
            created_at: row.created_at,
            created_by: row.created_by,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    listReports: (on: Db = database) =>
      t(on)
        .selectFrom('projects_reports')
        .select(['id', 'lang', 'previous_id', 'created_at'])
        .select([sql<string>`committee_date::text`.as('committee_date'), sql<string>`ozg_date::text`.as('ozg_date')])
        .orderBy('committee_date', 'desc')
        .orderBy('lang')
        .execute(),
    reportFile: (id: number, on: Db = database) =>
      t(on)
        .selectFrom('projects_reports')
        .select(['id', 'lang', 'markdown', 'docx', 'pdf'])
        .select(sql<string>`committee_date::text`.as('committee_date'))
        .where('id', '=', id)
        .executeTakeFirst(),

    page: (slug: string, lang: string, on: Db = database) =>
      t(on).selectFrom('projects_pages').selectAll().where('slug', '=', slug).where('lang', '=', lang).executeTakeFirst(),
    updatePage: (trx: Db, row: ProjectsTables['projects_pages']) =>
      t(trx)
        .insertInto('projects_pages')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['slug', 'lang'])
            .doUpdateSet({ title: row.title, markdown: row.markdown, updated_at: row.updated_at, updated_by: row.updated_by }),
        )
        .execute(),
  };
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;
export type ProjectRow = NonNullable<Awaited<ReturnType<ProjectsRepository['projectById']>>>;
