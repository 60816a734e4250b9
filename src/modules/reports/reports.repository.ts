/** All SQL of the reports module. Geometry is handled by PostGIS; client input only ever as parameters. */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export const STATUSES = ['new', 'accepted', 'in_progress', 'waiting_third_party', 'resolved', 'rejected', 'duplicate'] as const;
export type Status = (typeof STATUSES)[number];
export const CLOSED_STATUSES: readonly Status[] = ['resolved', 'rejected', 'duplicate'];
export const OPEN_STATUSES: readonly Status[] = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

export interface AttributeValue {
  key: string;
  name: string;
}
export interface AttributeDef {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: AttributeValue[];
}

export type ReportsTables = {
  reports_offices: { id: Generated<number>; code: string; name: string; email: string | null };
  reports_categories: {
    id: Generated<number>;
    code: string;
    name: string;
    name_en: string;
    description: string;
    description_en: Generated<string>;
    keywords: string;
    group_name: string;
    group_name_en: Generated<string>;
    office_id: number;
    target_days: number;
    attributes: AttributeDef[];
    active: boolean;
    sort: number;
    updated_at: Generated<Date>;
  };
  reports_category_districts: { category_id: number; district: string; office_id: number };
  reports_api_keys: {
    id: Generated<number>;
    name: string;
    key_hash: string;
    key_prefix: string;
    per_hour: number;
    created_at: Generated<Date>;
    revoked_at: Date | null;
  };
  reports_requests: {
    id: Generated<number>;
    service_request_id: Generated<string>;
    token: string;
    category_id: number;
    office_id: number;
    district: string | null;
    location: unknown;
    address: string | null;
    description: string;
    description_public: boolean;
    published: boolean;
    status: Generated<Status>;
    duplicate_of: number | null;
    attributes: Record<string, string | string[]>;
    media_url: string | null;
    channel: 'web' | 'open311' | 'staff' | 'demo';
    api_key_id: number | null;
    email: string | null;
    email_confirmed_at: Date | null;
    confirm_token_hash: string | null;
    ip: string | null;
    ip_hash: string | null;
    anonymised_at: Date | null;
    suggested_category_id: number | null;
    supporters: Generated<number>;
    demo: Generated<boolean>;
    due_at: Date;
    requested_at: Date;
    updated_at: Date;
    closed_at: Date | null;
  };
  reports_notes: {
    id: Generated<number>;
    request_id: number;
    visibility: 'public' | 'internal';
    status: Status | null;
    body: string;
    author: string;
    created_at: Date;
  };
  reports_photos: {
    id: Generated<number>;
    request_id: number;
    mime: string;
    width: number;
    height: number;
    data: Buffer;
    original: Buffer;
    thumb: Buffer;
    thumb_mime: string;
    released: boolean;
    hidden: Generated<boolean>;
    redacted: Generated<boolean>;
    created_at: Date;
  };
  reports_supporters: { request_id: number; supporter_hash: string; created_at: Date };
  reports_canned_replies: { id: Generated<number>; title: string; body: string; status: Status | null; updated_at: Date };
  reports_blocklist: { id: Generated<number>; pattern: string; reason: string; created_at: Generated<Date> };
  reports_rate_events: { kind: string; key: string; created_at: Date };
};

export type OfficeRow = Selectable<ReportsTables['reports_offices']>;
export type CategoryRow = Selectable<ReportsTables['reports_categories']>;
export type ApiKeyRow = Selectable<ReportsTables['reports_api_keys']>;
export type NoteRow = Selectable<ReportsTables['reports_notes']>;
export type PhotoMeta = Omit<Selectable<ReportsTables['reports_photos']>, 'data' | 'original' | 'thumb'>;
export type CannedReplyRow = Selectable<ReportsTables['reports_canned_replies']>;
export type BlockRow = Selectable<ReportsTables['reports_blocklist']>;

/** A report joined with its category and office, coordinates extracted. */
export interface RequestRow {
  id: number;
  service_request_id: string;
  token: string;
  category_id: number;
  service_code: string;
  service_name: string;
  office_id: number;
  office_name: string;
  district: string | null;
  lat: number | null;
  long: number | null;
  address: string | null;
  description: string;
  description_public: boolean;
  published: boolean;
  status: Status;
  duplicate_of: number | null;
  attributes: Record<string, string | string[]>;
  media_url: string | null;
  channel: string;
  email: string | null;
  email_confirmed_at: Date | null;
  ip: string | null;
  anonymised_at: Date | null;
  suggested_category_id: number | null;
  supporters: number;
  demo: boolean;
  due_at: Date;
  requested_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export interface RequestFilter {
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  statuses?: readonly Status[] | undefined;
  requestedFrom?: Date | undefined;
  requestedTo?: Date | undefined;
  updatedAfter?: Date | undefined;
  updatedBefore?: Date | undefined;
  /** [minLong, minLat, maxLong, maxLat] */
  bbox?: readonly [number, number, number, number] | undefined;
  q?: string | undefined;
  /** District ids (extension `district`). */
  districts?: string[] | undefined;
  officeId?: number | undefined;
  overdueAt?: Date | undefined;
  publicOnly: boolean;
  limit: number;
  offset: number;
}

export interface NewRequest {
  token: string;
  category_id: number;
  office_id: number;
  district: string | null;
  lat: number | null;
  long: number | null;
  address: string | null;
  description: string;
  description_public: boolean;
  published: boolean;
  status?: Status;
  attributes: Record<string, string | string[]>;
  media_url: string | null;
  channel: 'web' | 'open311' | 'staff' | 'demo';
  api_key_id: number | null;
  email: string | null;
  email_confirmed_at?: Date | null;
  confirm_token_hash: string | null;
  ip: string | null;
  ip_hash: string | null;
  suggested_category_id: number | null;
  demo?: boolean;
  due_at: Date;
  requested_at: Date;
  updated_at: Date;
  closed_at?: Date | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createReportsRepository(database: Db) {
  const t = (db: Db) => db.withTables<ReportsTables>();
  const db = t(database);

  function baseRequests(conn: Db) {
    return t(conn)
      .selectFrom('reports_requests as r')
      .innerJoin('reports_categories as c', 'c.id', 'r.category_id')
      .innerJoin('reports_offices as o', 'o.id', 'r.office_id')
      .select([
        'r.id',
        'r.service_request_id',
        'r.token',
        'r.category_id',
        'c.code as service_code',
        'c.name as service_name',
        'r.office_id',
        'o.name as office_name',
        'r.district',
        'r.address',
        'r.description',
        'r.description_public',
        'r.published',
        'r.status',
        'r.duplicate_of',
        'r.attributes',
        'r.media_url',
        'r.channel',
        'r.email',
        'r.email_confirmed_at',
        'r.ip',
        'r.anonymised_at',
        'r.suggested_category_id',
        'r.supporters',
        'r.demo',
        'r.due_at',
        'r.requested_at',
        'r.updated_at',
        'r.closed_at',
      ])
      .select([sql<number | null>`ST_Y(r.location)`.as('lat'), sql<number | null>`ST_X(r.location)`.as('long')]);
  }

  return {
    // --- offices and categories ---
    offices: () => db.selectFrom('reports_offices').selectAll().orderBy('name').execute(),
    officeById: (id: number) => db.selectFrom('reports_offices').selectAll().where('id', '=', id).executeTakeFirst(),
    insertOffice: (trx: Db, row: { code: string; name: string; email: string | null }) =>
      t(trx).insertInto('reports_offices').values(row).returningAll().executeTakeFirstOrThrow(),
    updateOffice: (trx: Db, id: number, patch: { name?: string; email?: string | null }) =>
      t(trx).updateTable('reports_offices').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
    officeByCode: (code: string) => db.selectFrom('reports_offices').selectAll().where('code', '=', code).executeTakeFirst(),
    categories: (activeOnly: boolean) => {
      let q = db.selectFrom('reports_categories').selectAll().orderBy('sort').orderBy('id');
      if (activeOnly) q = q.where('active', '=', true);
      return q.execute();
    },
    categoryByCode: (code: string) => db.selectFrom('reports_categories').selectAll().where('code', '=', code).executeTakeFirst(),
    insertCategory: (trx: Db, row: Omit<CategoryRow, 'id' | 'updated_at' | 'sort'>) =>
      t(trx)
        .insertInto('reports_categories')
        .values({
          ...row,
          attributes: JSON.stringify(row.attributes) as unknown as AttributeDef[],
          // New categories go to the end of the list.
          sort: sql<number>`(select coalesce(max(sort), 0) + 1 from reports_categories)`,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    categoryById: (id: number) => db.selectFrom('reports_categories').selectAll().where('id', '=', id).executeTakeFirst(),
    updateCategory: (trx: Db, id: number, patch: Partial<Omit<CategoryRow, 'id' | 'code'>>) =>
      t(trx)
        .updateTable('reports_categories')
        .set({ ...patch, ...(patch.attributes ? { attributes: JSON.stringify(patch.attributes) as unknown as AttributeDef[] } : {}) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    lastCategoryChange: async () =>
      (await db.selectFrom('reports_categories').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst())?.at ?? null,
    districtOffice: (conn: Db, categoryId: number, district: string) =>
      t(conn)
        .selectFrom('reports_category_districts')
        .select('office_id')
        .where('category_id', '=', categoryId)
        .where('district', '=', district)
        .executeTakeFirst(),
    districtOffices: () => db.selectFrom('reports_category_districts').selectAll().execute(),
    setDistrictOffice: (trx: Db, categoryId: number, district: string, officeId: number | null) =>
      officeId === null
        ? t(trx).deleteFrom('reports_category_districts').where('category_id', '=', categoryId).where('district', '=', district).execute()
        : t(trx)
            .insertInto('reports_category_districts')
            .values({ category_id: categoryId, district, office_id: officeId })
            .onConflict((oc) => oc.columns(['category_id', 'district']).doUpdateSet({ office_id: officeId }))
            .execute(),

    /** The district whose centre point is nearest (the city ships points until it provides polygons). */
    nearestDistrict: async (conn: Db, districts: { id: string; lat: number; lon: number }[], lat: number, long: number) => {
      if (districts.length === 0) return null;
      const res = await sql<{ id: string }>`
        select d.id from jsonb_to_recordset(${JSON.stringify(districts)}::jsonb) as d(id text, lat float8, lon float8)
        order by ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4326)::geography <-> ST_SetSRID(ST_MakePoint(${long}::float8, ${lat}::float8), 4326)::geography
        limit 1`.execute(conn);
      return res.rows[0]?.id ?? null;
    },

    // --- API keys ---
    apiKeyByHash: (hash: string) =>
      db.selectFrom('reports_api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst(),
    apiKeys: () => db.selectFrom('reports_api_keys').selectAll().orderBy('id').execute(),
    insertApiKey: (trx: Db, row: { name: string; key_hash: string; key_prefix: string; per_hour: number }) =>
      t(trx).insertInto('reports_api_keys').values(row).returningAll().executeTakeFirstOrThrow(),
    setApiKeyLimit: (trx: Db, id: number, perHour: number) =>
      t(trx).updateTable('reports_api_keys').set({ per_hour: perHour }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst(),
    revokeApiKey: (trx: Db, id: number, at: Date) =>
      t(trx).updateTable('reports_api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst(),

    // --- requests ---
    insertRequest: async (trx: Db, row: NewRequest) => {
      const { lat, long, ...rest } = row;
      const inserted = await t(trx)
        .insertInto('reports_requests')
        .values({ ...rest, attributes: JSON.stringify(rest.attributes) as unknown as Record<string, string>, location: lat === null || long === null ? null : sql`ST_SetSRID(ST_MakePoint(${long}::float8, ${lat}::float8), 4326)` })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      return inserted.id;
    },
    request: (conn: Db, id: number) => baseRequests(conn).where('r.id', '=', id).executeTakeFirst() as Promise<RequestRow | undefined>,
    requestByToken: (token: string) => baseRequests(database).where('r.token', '=', token).executeTakeFirst() as Promise<RequestRow | undefined>,
    requestByConfirmHash: (conn: Db, hash: string) =>
      t(conn).selectFrom('reports_requests').select(['id', 'email_confirmed_at']).where('confirm_token_hash', '=', hash).executeTakeFirst(),

    search: (f: RequestFilter) => {
      let q = baseRequests(database);
      if (f.publicOnly) q = q.where('r.published', '=', true);
      if (f.ids) {
        // Open311: a list of ids overrides every other filter.
        q = q.where('r.service_request_id', 'in', f.ids.length ? f.ids : ['']);
      } else {
        if (f.serviceCodes?.length) q = q.where('c.code', 'in', f.serviceCodes);
        if (f.statuses?.length) q = q.where('r.status', 'in', f.statuses);
        if (f.requestedFrom) q = q.where('r.requested_at', '>=', f.requestedFrom);
        if (f.requestedTo) q = q.where('r.requested_at', '<=', f.requestedTo);
        if (f.updatedAfter) q = q.where('r.updated_at', '>', f.updatedAfter);
        if (f.updatedBefore) q = q.where('r.updated_at', '<', f.updatedBefore);
        if (f.districts?.length) q = q.where('r.district', 'in', f.districts);
        if (f.officeId) q = q.where('r.office_id', '=', f.officeId);
        if (f.overdueAt) q = q.where('r.due_at', '<', f.overdueAt).where('r.status', 'in', OPEN_STATUSES);
        if (f.bbox) {
          const [w, s, e, n] = f.bbox;
          q = q.where(sql<boolean>`r.location && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`);
        }
        if (f.q) {
          const pattern = `%${escapeLike(f.q)}%`;
          q = q.where((eb) =>
            eb.or([
              eb.and([eb('r.description', 'ilike', pattern), eb('r.description_public', '=', true)]),
              eb('r.address', 'ilike', pattern),
              eb('c.name', 'ilike', pattern),
            ]),
          );
        }
      }
      return q.orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').limit(f.limit).offset(f.offset).execute() as Promise<RequestRow[]>;
    },

    nearbyOpen: (categoryId: number, lat: number, long: number, radiusM: number, limit: number) =>
      baseRequests(database)
        .where('r.category_id', '=', categoryId)
        .where('r.published', '=', true)
        .where('r.status', 'in', OPEN_STATUSES)
        .where(sql<boolean>`ST_DWithin(r.location::geography, ST_SetSRID(ST_MakePoint(${long}::float8, ${lat}::float8), 4326)::geography, ${radiusM}::float8)`)
        .orderBy(sql`r.location::geography <-> ST_SetSRID(ST_MakePoint(${long}::float8, ${lat}::float8), 4326)::geography`)
        .limit(limit)
        .execute() as Promise<RequestRow[]>,

    updateRequest: (
      trx: Db,
      id: number,
      patch: { status?: Status } & Partial<
        Pick<
          ReportsTables['reports_requests'],
          | 'office_id'
          | 'duplicate_of'
          | 'description_public'
          | 'published'
          | 'updated_at'
          | 'closed_at'
          | 'email_confirmed_at'
          | 'confirm_token_hash'
          | 'media_url'
          | 'category_id'
          | 'due_at'
        >
      >,
    ) => t(trx).updateTable('reports_requests').set(patch).where('id', '=', id).execute(),

    addSupporter: async (trx: Db, requestId: number, hash: string, at: Date) => {
      const res = await t(trx)
        .insertInto('reports_supporters')
        .values({ request_id: requestId, supporter_hash: hash, created_at: at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      const added = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
      if (added) await t(trx).updateTable('reports_requests').set((eb) => ({ supporters: eb('supporters', '+', 1) })).where('id', '=', requestId).execute();
      return added;
    },
    /** Moves the supporters of a duplicate to the report it duplicates (each person counted once). */
    mergeSupporters: async (trx: Db, fromId: number, intoId: number) => {
      await sql`insert into reports_supporters (request_id, supporter_hash, created_at)
        select ${intoId}, supporter_hash, created_at from reports_supporters where request_id = ${fromId}
        on conflict do nothing`.execute(trx);
      await sql`update reports_requests set supporters = (select count(*) from reports_supporters where request_id = ${intoId})
        where id = ${intoId}`.execute(trx);
    },

    // --- notes ---
    insertNote: (trx: Db, row: Omit<NoteRow, 'id'>) => t(trx).insertInto('reports_notes').values(row).returningAll().executeTakeFirstOrThrow(),
    notesFor: (ids: number[], publicOnly: boolean) => {
      if (ids.length === 0) return Promise.resolve([] as NoteRow[]);
      let q = db.selectFrom('reports_notes').selectAll().where('request_id', 'in', ids);
      if (publicOnly) q = q.where('visibility', '=', 'public');
      return q.orderBy('created_at').orderBy('id').execute();
    },

    // --- photos ---
    insertPhoto: (trx: Db, row: Omit<Selectable<ReportsTables['reports_photos']>, 'id' | 'hidden' | 'redacted'>) =>
      t(trx).insertInto('reports_photos').values(row).returning(['id']).executeTakeFirstOrThrow(),
    photosFor: (ids: number[]) => {
      if (ids.length === 0) return Promise.resolve([] as PhotoMeta[]);
      return db
        .selectFrom('reports_photos')
        .select(['id', 'request_id', 'mime', 'width', 'height', 'thumb_mime', 'released', 'hidden', 'redacted', 'created_at'])
        .where('request_id', 'in', ids)
        .orderBy('id')
        .execute();
    },
    photo: async (conn: Db, id: number) => {
      const row = await t(conn).selectFrom('reports_photos').selectAll().where('id', '=', id).executeTakeFirst();
      // PGlite returns bytea as a plain Uint8Array, pg as a Buffer: callers always get Buffers.
      const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
      return row && { ...row, data: buf(row.data), original: buf(row.original), thumb: buf(row.thumb) };
    },
    updatePhoto: (trx: Db, id: number, patch: Partial<Pick<Selectable<ReportsTables['reports_photos']>, 'released' | 'hidden' | 'data' | 'thumb' | 'redacted'>>) =>
      t(trx).updateTable('reports_photos').set(patch).where('id', '=', id).execute(),
    releasePhotosOf: (trx: Db, requestId: number) =>
      t(trx).updateTable('reports_photos').set({ released: true }).where('request_id', '=', requestId).where('hidden', '=', false).execute(),

    // --- canned replies ---
    cannedReplies: () => db.selectFrom('reports_canned_replies').selectAll().orderBy('title').execute(),
    insertCannedReply: (trx: Db, row: Omit<CannedReplyRow, 'id'>) =>
      t(trx).insertInto('reports_canned_replies').values(row).returningAll().executeTakeFirstOrThrow(),
    deleteCannedReply: (trx: Db, id: number) => t(trx).deleteFrom('reports_canned_replies').where('id', '=', id).returningAll().executeTakeFirst(),

    // --- blocklist and rate events ---
    blocklist: () => db.selectFrom('reports_blocklist').selectAll().orderBy('pattern').execute(),
    insertBlock: (trx: Db, row: { pattern: string; reason: string }) =>
      t(trx).insertInto('reports_blocklist').values(row).onConflict((oc) => oc.column('pattern').doNothing()).returningAll().executeTakeFirst(),
    deleteBlock: (trx: Db, id: number) => t(trx).deleteFrom('reports_blocklist').where('id', '=', id).returningAll().executeTakeFirst(),
    /** Submissions counted since `since`, and when the oldest of them was (it leaves the window first). */
    countEvents: async (conn: Db, kind: string, key: string, since: Date) => {
      const row = await t(conn)
        .selectFrom('reports_rate_events')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
        .where('kind', '=', kind)
        .where('key', '=', key)
        .where('created_at', '>', since)
        .executeTakeFirst();
      return { count: Number(row?.n ?? 0), oldest: (row?.oldest as Date | null | undefined) ?? null };
    },
    insertEvent: (trx: Db, kind: string, key: string, at: Date) =>
      t(trx).insertInto('reports_rate_events').values({ kind, key, created_at: at }).execute(),

    // --- retention ---
    /** Removes e-mail and IP of reports closed before `closedBefore`; the reports themselves stay. */
    anonymiseClosed: (trx: Db, closedBefore: Date, at: Date) =>
      t(trx)
        .updateTable('reports_requests')
        .set({ email: null, email_confirmed_at: null, confirm_token_hash: null, ip: null, ip_hash: null, anonymised_at: at })
        .where('closed_at', '<', closedBefore)
        .where('status', 'in', CLOSED_STATUSES)
        .where('anonymised_at', 'is', null)
        .returning('id')
        .execute(),
    /** E-mail addresses never confirmed are dropped: nobody asked for updates with them. */
    dropUnconfirmedEmails: (trx: Db, requestedBefore: Date) =>
      t(trx)
        .updateTable('reports_requests')
        .set({ email: null, confirm_token_hash: null })
        .where('email', 'is not', null)
        .where('email_confirmed_at', 'is', null)
        .where('requested_at', '<', requestedBefore)
        .returning('id')
        .execute(),
    purgeEvents: (trx: Db, before: Date) => t(trx).deleteFrom('reports_rate_events').where('created_at', '<', before).execute(),

    /** Moved by triggers on every write to what the public sees (migration 0003). */
    publicVersion: async () => {
      const res = await sql<{ version: number; updated_at: Date }>`select version, updated_at from reports_state where id = 1`.execute(database);
      const row = res.rows[0]!;
      return { version: Number(row.version), updatedAt: row.updated_at };
    },

    // --- statistics ---
    stats: async (from: Date, to: Date) => {
      const res = await sql<{ opened: number; resolved: number; median_hours: number | null }>`
        select
          (select count(*)::int from reports_requests where requested_at >= ${from} and requested_at < ${to}) as opened,
          (select count(*)::int from reports_requests where status = 'resolved' and closed_at >= ${from} and closed_at < ${to}) as resolved,
          (select percentile_cont(0.5) within group (order by extract(epoch from (closed_at - requested_at)) / 3600.0)
             from reports_requests where status = 'resolved' and closed_at >= ${from} and closed_at < ${to}) as median_hours`.execute(database);
      return res.rows[0] ?? { opened: 0, resolved: 0, median_hours: null };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
