/** All SQL of the community module. Client input reaches the database only as parameters. */
import { sql, type Generated, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Category, EventStatus, InternalContact, Link, MemberRole, ModerationState, NoticeKind, PublicContact } from './community.model.js';

export type CommunityTables = {
  community_organisations: {
    id: Generated<number>;
    slug: string;
    name: string;
    category: Category;
    description: string;
    district: string | null;
    address: string;
    location: unknown;
    public_contact: PublicContact;
    internal_contact: InternalContact;
    opening_times: string;
    accessibility: string;
    membership_fees: string;
    languages: string[];
    logo_image_id: number | null;
    links: Link[];
    verified: Generated<boolean>;
    verified_at: Date | null;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  community_images: {
    id: Generated<number>;
    organisation_id: number;
    mime: string;
    width: number;
    height: number;
    data: Buffer;
    thumb: Buffer;
    thumb_mime: string;
    created_at: Generated<Date>;
  };
  community_memberships: { organisation_id: number; user_id: number; role: MemberRole; created_at: Generated<Date> };
  community_invitations: {
    id: Generated<number>;
    organisation_id: number;
    email: string;
    role: MemberRole;
    token_hash: string;
    invited_by: number | null;
    expires_at: Date;
    accepted_at: Date | null;
    created_at: Generated<Date>;
  };
  community_events: {
    id: Generated<number>;
    organisation_id: number;
    title: string;
    description: string;
    starts_at: Date;
    ends_at: Date;
    time_zone: Generated<string>;
    rrule: string | null;
    exdates: Date[];
    venue_organisation_id: number | null;
    venue_name: string;
    venue_address: string;
    venue_district: string | null;
    venue_location: unknown;
    categories: string[];
    audience: string;
    price: string;
    free: boolean;
    accessibility: string;
    accessible_venue: boolean;
    registration_url: string | null;
    /** In order; the first is the main image. */
    images: EventImageRef[];
    status: EventStatus;
    moderation: ModerationState;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  community_occurrences: {
    event_id: number;
    organisation_id: number;
    starts_at: Date;
    ends_at: Date;
    categories: string[];
    district: string | null;
    free: boolean;
    accessible_venue: boolean;
    public: boolean;
  };
  community_notices: {
    id: Generated<number>;
    organisation_id: number;
    kind: NoticeKind;
    title: string;
    body: string;
    contact: string;
    expires_on: string | null;
    closed_at: Date | null;
    created_by: number | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};

type Tables = CommunityTables;

/** An image of an event: its id in community_images, its alternative text and size. */
export interface EventImageRef {
  id: number;
  alt: string;
  width: number;
  height: number;
}
export type OrganisationWrite = Omit<Tables['community_organisations'], 'id' | 'location' | 'verified' | 'verified_at' | 'demo' | 'created_at' | 'updated_at' | 'logo_image_id'> & {
  lat: number | null;
  lon: number | null;
};
export type EventWrite = Omit<Tables['community_events'], 'id' | 'venue_location' | 'time_zone' | 'demo' | 'created_at' | 'updated_at' | 'images'> & {
  lat: number | null;
  lon: number | null;
};

export interface OrganisationFilter {
  q?: string | undefined;
  category?: string | undefined;
  district?: string | undefined;
  accessible?: boolean | undefined;
  /** true: verified only (the public); undefined: all (staff) */
  verified?: boolean | undefined;
  ids?: readonly number[] | undefined;
}

export interface OccurrenceFilter {
  from: Date;
  to: Date;
  q?: string | undefined;
  categories?: readonly string[] | undefined;
  district?: string | undefined;
  free?: boolean | undefined;
  accessibleVenue?: boolean | undefined;
  organisationId?: number | undefined;
}

const json = <T>(v: T) => sql<T>`${JSON.stringify(v)}::jsonb`;
const point = (lat: number | null, lon: number | null) =>
  lat === null || lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
/** ILIKE pattern for a search word: % and _ typed by a visitor match themselves. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const tsArray = (dates: readonly Date[]) => sql<Date[]>`${dates.map((d) => d.toISOString())}::timestamptz[]`;
const textArray = (values: readonly string[]) => sql<string[]>`${[...values]}::text[]`;


export function createCommunityRepository(database: Db) {
  const t = (db: Db) => db.withTables<Tables>();

  function selectOrganisations(on: Db) {
    return t(on)
      .selectFrom('community_organisations as o')
      .selectAll('o')
      .select([sql<number | null>`ST_Y(o.location)`.as('lat'), sql<number | null>`ST_X(o.location)`.as('lon')]);
  }
  function filterOrganisations<Q extends SelectQueryBuilder<Tables & { o: Tables['community_organisations'] }, 'o', object>>(q: Q, f: OrganisationFilter): Q {
    let r = q;
    if (f.verified !== undefined) r = r.where('o.verified', '=', f.verified) as Q;
    if (f.category) r = r.where('o.category', '=', f.category as Category) as Q;
    if (f.district) r = r.where('o.district', '=', f.district) as Q;
    if (f.accessible) r = r.where('o.accessibility', '<>', '') as Q;
    if (f.ids) r = (f.ids.length ? r.where('o.id', 'in', [...f.ids]) : r.where(sql<boolean>`false`)) as Q;
    if (f.q) {
      const p = likePattern(f.q);
      r = r.where((eb) => eb.or([eb('o.name', 'ilike', p), eb('o.description', 'ilike', p), eb('o.address', 'ilike', p)])) as Q;
    }
    return r;
  }

  function selectEvents(on: Db) {
    return t(on)
      .selectFrom('community_events as e')
      .innerJoin('community_organisations as o', 'o.id', 'e.organisation_id')
      .leftJoin('community_organisations as v', 'v.id', 'e.venue_organisation_id')
      .selectAll('e')
      .select([
        'o.slug as org_slug',
        'o.name as org_name',
        'o.verified as org_verified',
        'v.name as v_name',
        'v.address as v_address',
        'v.district as v_district',
        sql<number | null>`ST_Y(coalesce(e.venue_location, v.location))`.as('lat'),
        sql<number | null>`ST_X(coalesce(e.venue_location, v.location))`.as('lon'),
      ]);
  }

  const orgValues = (w: Partial<OrganisationWrite>) => {
    const { lat, lon, links, public_contact, internal_contact, languages, ...rest } = w;
    return {
      ...rest,
      ...(links !== undefined ? { links: json(links) } : {}),
      ...(public_contact !== undefined ? { public_contact: json(public_contact) } : {}),
      ...(internal_contact !== undefined ? { internal_contact: json(internal_contact) } : {}),
      ...(languages !== undefined ? { languages: textArray(languages) } : {}),
      ...(lat !== undefined && lon !== undefined ? { location: point(lat, lon) } : {}),
    };
  };
  const eventValues = (w: EventWrite) => {
    const { lat, lon, exdates, categories, ...rest } = w;
    return { ...rest, exdates: tsArray(exdates), categories: textArray(categories), venue_location: point(lat, lon) };
  };

  return {
    // ---- organisations
    organisation: (id: number, on: Db = database) => selectOrganisations(on).where('o.id', '=', id).executeTakeFirst(),
    organisationBySlug: (slug: string, on: Db = database) => selectOrganisations(on).where('o.slug', '=', slug).executeTakeFirst(),
    lockOrganisation: (trx: Db, id: number) => sql`select id from community_organisations where id = ${id} for update`.execute(trx),
    async listOrganisations(filter: OrganisationFilter, limit: number, offset: number, on: Db = database) {
      const [rows, total] = await Promise.all([
        filterOrganisations(selectOrganisations(on), filter).orderBy('o.name').orderBy('o.id').limit(limit).offset(offset).execute(),
        filterOrganisations(t(on).selectFrom('community_organisations as o'), filter)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },
    slugTaken: async (trx: Db, slug: string) =>
      Boolean(await t(trx).selectFrom('community_organisations').select('id').where('slug', '=', slug).executeTakeFirst()),
    insertOrganisation: (trx: Db, w: OrganisationWrite & { demo?: boolean; verified?: boolean }) =>
      t(trx)
        .insertInto('community_organisations')
        .values(orgValues(w) as never)
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id),
    updateOrganisation: (trx: Db, id: number, w: Partial<OrganisationWrite> & { updated_at: Date; logo_image_id?: number | null }) =>
      t(trx).updateTable('community_organisations').set(orgValues(w) as never).where('id', '=', id).execute(),
    setVerified: (trx: Db, id: number, verified: boolean, at: Date) =>
      t(trx)
        .updateTable('community_organisations')
        .set({ verified, verified_at: verified ? at : null, updated_at: at })
        .where('id', '=', id)
        .execute(),
    /**
     * Recomputes the copied columns of occurrences: public (organisation verified, event approved) and
     * district (the venue's, else the organisation's), for one event or every event of or at an organisation.
     */
    refreshOccurrences: (trx: Db, where: { organisationId?: number; eventId?: number }) =>
      sql`update community_occurrences oc
            set public = (o.verified and e.moderation = 'approved'),
                district = coalesce(e.venue_district, v.district, o.district)
           from community_events e
           join community_organisations o on o.id = e.organisation_id
           left join community_organisations v on v.id = e.venue_organisation_id
          where e.id = oc.event_id
            and ${
              where.eventId !== undefined
                ? sql`e.id = ${where.eventId}`
                : sql`(e.organisation_id = ${where.organisationId ?? 0} or e.venue_organisation_id = ${where.organisationId ?? 0})`
            }`.execute(trx),

    // ---- memberships and invitations
    membership: (userId: number, organisationId: number, on: Db = database) =>
      t(on)
        .selectFrom('community_memberships')
        .selectAll()
        .where('user_id', '=', userId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst(),
    membershipsOfUser: (userId: number) =>
      t(database)
        .selectFrom('community_memberships as m')
        .innerJoin('community_organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.role', 'o.id', 'o.slug', 'o.name', 'o.verified'])
        .where('m.user_id', '=', userId)
        .orderBy('o.name')
        .execute(),
    members: (organisationId: number) =>
      sql<{ user_id: number; email: string; display_name: string; role: MemberRole; created_at: Date }>`
        select m.user_id, u.email, u.display_name, m.role, m.created_at
          from community_memberships m join identity_users u on u.id = m.user_id
         where m.organisation_id = ${organisationId} order by m.role desc, u.email`
        .execute(database)
        .then((r) => r.rows),
    upsertMembership: (trx: Db, organisationId: number, userId: number, role: MemberRole) =>
      t(trx)
        .insertInto('community_memberships')
        .values({ organisation_id: organisationId, user_id: userId, role })
        .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role }))
        .execute(),
    deleteMembership: (trx: Db, organisationId: number, userId: number) =>
      t(trx).deleteFrom('community_memberships').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst(),
    countOwners: (trx: Db, organisationId: number) =>
      t(trx)
        .selectFrom('community_memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('role', '=', 'owner')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    insertInvitation: (trx: Db, values: Omit<Tables['community_invitations'], 'id' | 'accepted_at' | 'created_at'>) =>
      t(trx).insertInto('community_invitations').values(values).returning('id').executeTakeFirstOrThrow(),
    invitationByHash: (trx: Db, hash: string) =>
      sql<Tables['community_invitations'] & { id: number }>`select * from community_invitations where token_hash = ${hash} for update`
        .execute(trx)
        .then((r) => r.rows[0]),
    acceptInvitation: (trx: Db, id: number, at: Date) => t(trx).updateTable('community_invitations').set({ accepted_at: at }).where('id', '=', id).execute(),
    openInvitations: (organisationId: number, now: Date) =>
      t(database)
        .selectFrom('community_invitations')
        .select(['id', 'email', 'role', 'expires_at', 'created_at'])
        .where('organisation_id', '=', organisationId)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at')
        .execute(),

    // ---- images
    insertImage: (trx: Db, values: Omit<Tables['community_images'], 'id' | 'created_at'>) =>
      t(trx).insertInto('community_images').values(values).returning('id').executeTakeFirstOrThrow().then((r) => r.id),
    image: (id: number) => t(database).selectFrom('community_images').selectAll().where('id', '=', id).executeTakeFirst(),
    /** An event's images, its row locked until the transaction ends (adding and removing images serialise). */
    lockEventImages: async (trx: Db, eventId: number) =>
      (await t(trx).selectFrom('community_events').select('images').where('id', '=', eventId).forUpdate().executeTakeFirst())?.images,
    setEventImages: (trx: Db, eventId: number, images: EventImageRef[], at: Date) =>
      t(trx).updateTable('community_events').set({ images: json(images), updated_at: at }).where('id', '=', eventId).execute(),
    deleteImages: async (trx: Db, ids: number[]) => {
      if (ids.length) await t(trx).deleteFrom('community_images').where('id', 'in', ids).execute();
    },
    /** Whether an image may be shown to everyone: a logo of, or an image of a public event of, a verified organisation. */
    imageIsPublic: async (id: number) =>
      Boolean(
        (
          await sql<{ ok: boolean }>`
            select exists (select 1 from community_organisations o where o.logo_image_id = ${id} and o.verified)
                or exists (select 1 from community_events e join community_organisations o on o.id = e.organisation_id
                            where e.images @> ${JSON.stringify([{ id }])}::jsonb and o.verified and e.moderation = 'approved') as ok`.execute(database)
        ).rows[0]?.ok,
      ),

    // ---- events
    event: (id: number, on: Db = database) => selectEvents(on).where('e.id', '=', id).executeTakeFirst(),
    eventsOfOrganisation: (organisationId: number) =>
      selectEvents(database).where('e.organisation_id', '=', organisationId).orderBy('e.starts_at').orderBy('e.id').execute(),
    /** Public events (verified organisation, approved), optionally of one organisation or category, for feeds and exports. */
    publicEvents(filter: { organisationId?: number; category?: string } = {}) {
      let q = selectEvents(database).where('o.verified', '=', true).where('e.moderation', '=', 'approved');
      if (filter.organisationId !== undefined) q = q.where('e.organisation_id', '=', filter.organisationId);
      if (filter.category) q = q.where(sql<boolean>`e.categories @> ${textArray([filter.category])}`);
      return q.orderBy('e.starts_at').orderBy('e.id').execute();
    },
    insertEvent: (trx: Db, w: EventWrite & { demo?: boolean }) =>
      t(trx)
        .insertInto('community_events')
        .values(eventValues(w) as never)
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id),
    updateEvent: (trx: Db, id: number, w: EventWrite, at: Date) =>
      t(trx)
        .updateTable('community_events')
        .set({ ...eventValues(w), updated_at: at } as never)
        .where('id', '=', id)
        .execute(),
    setModeration: (trx: Db, id: number, state: ModerationState, at: Date) =>
      t(trx).updateTable('community_events').set({ moderation: state, updated_at: at }).where('id', '=', id).execute(),
    deleteEvent: (trx: Db, id: number) => t(trx).deleteFrom('community_events').where('id', '=', id).execute(),
    pendingEvents: () => selectEvents(database).where('e.moderation', '=', 'pending').orderBy('e.updated_at').execute(),
    /** Rewrites an event's occurrences with its current filter columns (after every write). */
    async replaceOccurrences(trx: Db, eventId: number, starts: readonly Date[], durationMs: number) {
      await t(trx).deleteFrom('community_occurrences').where('event_id', '=', eventId).execute();
      for (let i = 0; i < starts.length; i += 500) {
        const chunk = starts.slice(i, i + 500);
        await sql`
          insert into community_occurrences (event_id, organisation_id, starts_at, ends_at, categories, district, free, accessible_venue, public)
          select e.id, e.organisation_id, s, s + ${durationMs} * interval '1 millisecond', e.categories,
                 coalesce(e.venue_district, v.district, o.district), e.free, e.accessible_venue,
                 o.verified and e.moderation = 'approved'
            from community_events e
            join community_organisations o on o.id = e.organisation_id
            left join community_organisations v on v.id = e.venue_organisation_id
            cross join unnest(${tsArray(chunk)}) as s
           where e.id = ${eventId}`.execute(trx);
      }
    },
    occurrencesOfEvent: (eventId: number) =>
      t(database).selectFrom('community_occurrences').select(['starts_at', 'ends_at']).where('event_id', '=', eventId).orderBy('starts_at').execute(),

    /** Public occurrences overlapping [from, to), by start; one page and the total. */
    async searchOccurrences(f: OccurrenceFilter, limit: number, offset: number) {
      const where = sql<boolean>`${sql.join(
        [
          sql`oc.public`,
          // Overlap with [from, to): the expression of the GiST index community_occurrences_public_range.
          sql`tstzrange(oc.starts_at, oc.ends_at) && tstzrange(${f.from}::timestamptz, ${f.to}::timestamptz)`,
          ...(f.categories?.length ? [sql`oc.categories && ${textArray(f.categories)}`] : []),
          ...(f.district ? [sql`oc.district = ${f.district}`] : []),
          ...(f.free ? [sql`oc.free`] : []),
          ...(f.accessibleVenue ? [sql`oc.accessible_venue`] : []),
          ...(f.organisationId !== undefined ? [sql`oc.organisation_id = ${f.organisationId}`] : []),
          ...(f.q
            ? [
                sql`exists (select 1 from community_events e join community_organisations o on o.id = e.organisation_id
                             where e.id = oc.event_id and (e.title ilike ${likePattern(f.q)} or e.description ilike ${likePattern(f.q)} or o.name ilike ${likePattern(f.q)}))`,
              ]
            : []),
        ],
        sql` and `,
      )}`;
      // One statement gives the page, its events and the total (the embedded database runs one query at a time).
      const rows = await selectEvents(database)
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('community_occurrences as oc')
              .select(['oc.event_id', 'oc.starts_at as occurrence_start', 'oc.ends_at as occurrence_end', sql<number>`count(*) over ()::int`.as('total')])
              .where(where)
              .orderBy('oc.starts_at')
              .orderBy('oc.event_id')
              .limit(limit)
              .offset(offset)
              .as('pg'),
          (join) => join.onRef('pg.event_id', '=', 'e.id'),
        )
        .select(['pg.occurrence_start', 'pg.occurrence_end', 'pg.total'])
        .orderBy('pg.occurrence_start')
        .orderBy('e.id')
        .execute();
      if (rows.length || offset === 0) return { rows, total: Number(rows[0]?.total ?? 0) };
      // Paged past the end: the total still answers how far there is to go back.
      const total = await sql<{ n: number }>`select count(*)::int as n from community_occurrences oc where ${where}`.execute(database);
      return { rows: [], total: Number(total.rows[0]?.n ?? 0) };
    },

    // ---- notices
    notices: (filter: { kind?: NoticeKind; today: string }) => {
      let q = t(database)
        .selectFrom('community_notices as n')
        .innerJoin('community_organisations as o', 'o.id', 'n.organisation_id')
        .selectAll('n')
        .select(['o.name as org_name', 'o.slug as org_slug', sql<string | null>`n.expires_on::text`.as('expires_text')])
        .where('n.closed_at', 'is', null)
        .where('o.verified', '=', true)
        .where((eb) => eb.or([eb('n.expires_on', 'is', null), eb('n.expires_on', '>=', filter.today)]));
      if (filter.kind) q = q.where('n.kind', '=', filter.kind);
      return q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(500).execute();
    },
    notice: (id: number, on: Db = database) =>
      t(on)
        .selectFrom('community_notices as n')
        .innerJoin('community_organisations as o', 'o.id', 'n.organisation_id')
        .selectAll('n')
        .select(['o.name as org_name', 'o.slug as org_slug', sql<string | null>`n.expires_on::text`.as('expires_text')])
        .where('n.id', '=', id)
        .executeTakeFirst(),
    insertNotice: (trx: Db, values: Omit<CommunityTables['community_notices'], 'id' | 'closed_at' | 'created_at' | 'updated_at'>) =>
      t(trx).insertInto('community_notices').values(values).returning('id').executeTakeFirstOrThrow().then((r) => r.id),
    updateNotice: (trx: Db, id: number, values: Partial<Pick<CommunityTables['community_notices'], 'title' | 'body' | 'contact' | 'expires_on' | 'closed_at' | 'kind'>> & { updated_at: Date }) =>
      t(trx).updateTable('community_notices').set(values).where('id', '=', id).execute(),
  };
}

export type CommunityRepository = ReturnType<typeof createCommunityRepository>;
export type OrganisationRow = NonNullable<Awaited<ReturnType<CommunityRepository['organisation']>>>;
export type EventRow = NonNullable<Awaited<ReturnType<CommunityRepository['event']>>>;
export type NoticeRow = NonNullable<Awaited<ReturnType<CommunityRepository['notice']>>>;
