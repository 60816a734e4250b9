/** All SQL of the parking module. */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface Entrance {
  name: string;
  lat: number;
  lon: number;
}

/** A car park's static data (ParkAPI v3 ParkingSite); the SensorThings and realtime columns are written by their own calls. */
type SiteProfile = {
  uid: string;
  name: string;
  type: string;
  operator_name: string | null;
  address: string | null;
  description: string | null;
  capacity: number;
  capacity_estimated: boolean;
  opening_hours: string | null;
  has_fee: boolean | null;
  fee_description: string | null;
  max_height_cm: number | null;
  accessible_spaces: number | null;
  ev_chargers: number | null;
  entrances: Entrance[];
  public_url: string | null;
  simulated: boolean;
};

type SiteTable = SiteProfile & {
  id: Generated<number>;
  geom: unknown;
  thing_id: number | null;
  ds_free: number | null;
  ds_rate: number | null;
  ds_status: number | null;
  realtime_free: number | null;
  realtime_status: string | null;
  realtime_updated_at: Date | null;
  realtime_simulated: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type ParkingTables = {
  parking_sites: SiteTable;
  parking_hourly: { site_id: number; how: number; samples: number; sum_free: number; sum_rate: number };
  parking_rejections: { id: Generated<number>; source: string; site_uid: string | null; field: string; reason: string; received_at: Generated<Date> };
  parking_sources: SourceTable;
};

type SourceTable = {
  id: Generated<number>;
  name: string;
  url: string;
  interval_seconds: number;
  uid_prefix: string;
  import_sites: boolean;
  enabled: boolean;
  consecutive_failures: Generated<number>;
  next_poll_at: Generated<Date>;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  last_accepted: number | null;
  last_rejected: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type SourceRow = Selectable<SourceTable>;
export type SourceSettings = Pick<SourceRow, 'name' | 'url' | 'interval_seconds' | 'uid_prefix' | 'import_sites' | 'enabled'>;
/** What one poll leaves behind: success resets the failure count, failure records the error. */
export type PollOutcome =
  | { ok: true; at: Date; nextPollAt: Date; accepted: number; rejected: number }
  | { ok: false; at: Date; nextPollAt: Date; error: string };

export type SiteRow = Omit<Selectable<SiteTable>, 'geom'> & { lat: number; lon: number };

export type NewSite = SiteProfile & { lat: number; lon: number };

const t = (db: Db) => db.withTables<ParkingTables>();

const COLUMNS = [
  'id', 'uid', 'name', 'type', 'operator_name', 'address', 'description', 'capacity', 'capacity_estimated', 'opening_hours', 'has_fee',
  'fee_description', 'max_height_cm', 'accessible_spaces', 'ev_chargers', 'entrances', 'public_url', 'simulated', 'thing_id', 'ds_free',
  'ds_rate', 'ds_status', 'realtime_free', 'realtime_status', 'realtime_updated_at', 'realtime_simulated', 'created_at', 'updated_at',
] as const;

function selectSites(db: Db) {
  return t(db)
    .selectFrom('parking_sites')
    .select(COLUMNS)
    .select([sql<number>`st_y(geom)`.as('lat'), sql<number>`st_x(geom)`.as('lon')]);
}

export function createParkingRepository() {
  return {
    list: (db: Db): Promise<SiteRow[]> => selectSites(db).orderBy('name').orderBy('id').execute(),
    byId: (db: Db, id: number): Promise<SiteRow | undefined> => selectSites(db).where('id', '=', id).executeTakeFirst(),
    byUids: (db: Db, uids: string[]): Promise<SiteRow[]> => (uids.length ? selectSites(db).where('uid', 'in', uids).execute() : Promise.resolve([])),
    /** Car parks whose SensorThings Thing is not created yet (demo seed, failed provisioning). */
    unprovisioned: (db: Db): Promise<SiteRow[]> => selectSites(db).where('thing_id', 'is', null).orderBy('id').execute(),
    count: async (db: Db) => Number((await t(db).selectFrom('parking_sites').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),

    insert: async (db: Db, s: NewSite): Promise<number> => {
      const { lat, lon, entrances, ...rest } = s;
      const row = await t(db)
        .insertInto('parking_sites')
        .values({ ...rest, entrances: sql`${JSON.stringify(entrances)}::jsonb`, geom: sql`st_setsrid(st_makepoint(${lon}, ${lat}), 4326)`, realtime_simulated: false })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    update: async (db: Db, id: number, s: Partial<NewSite>, now: Date) => {
      const { lat, lon, entrances, ...rest } = s;
      await t(db)
        .updateTable('parking_sites')
        .set({
          ...rest,
          ...(entrances ? { entrances: sql`${JSON.stringify(entrances)}::jsonb` } : {}),
          ...(lat !== undefined && lon !== undefined ? { geom: sql`st_setsrid(st_makepoint(${lon}, ${lat}), 4326)` } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },

    setStreams: (db: Db, id: number, ids: { thing: number; free: number; rate: number; status: number }) =>
      t(db).updateTable('parking_sites').set({ thing_id: ids.thing, ds_free: ids.free, ds_rate: ids.rate, ds_status: ids.status }).where('id', '=', id).execute(),

    /** Keeps the newest reading only: an older (backfilled) value never overwrites a newer one. */
    setRealtime: (db: Db, id: number, r: { free: number; status: string; at: Date; simulated: boolean }) =>
      t(db)
        .updateTable('parking_sites')
        .set({ realtime_free: r.free, realtime_status: r.status, realtime_updated_at: r.at, realtime_simulated: r.simulated })
        .where('id', '=', id)
        .where((e) => e.or([e('realtime_updated_at', 'is', null), e('realtime_updated_at', '<=', r.at)]))
        .execute(),

    addHourly: (db: Db, siteId: number, how: number, free: number, rate: number) =>
      t(db)
        .insertInto('parking_hourly')
        .values({ site_id: siteId, how, samples: 1, sum_free: free, sum_rate: rate })
        .onConflict((oc) =>
          oc.columns(['site_id', 'how']).doUpdateSet({
            samples: sql`parking_hourly.samples + 1`,
            sum_free: sql`parking_hourly.sum_free + ${free}`,
            sum_rate: sql`parking_hourly.sum_rate + ${rate}`,
          }),
        )
        .execute(),

    /** Replaces a car park's profile in one go (demo seed, simulator backfill). */
    replaceHourly: async (db: Db, siteId: number, rows: { how: number; samples: number; sumFree: number; sumRate: number }[]) => {
      await t(db).deleteFrom('parking_hourly').where('site_id', '=', siteId).execute();
      if (rows.length === 0) return;
      await t(db)
        .insertInto('parking_hourly')
        .values(rows.map((r) => ({ site_id: siteId, how: r.how, samples: r.samples, sum_free: r.sumFree, sum_rate: r.sumRate })))
        .execute();
    },

    hourly: (db: Db, siteId: number) => t(db).selectFrom('parking_hourly').selectAll().where('site_id', '=', siteId).orderBy('how').execute(),

    reject: (db: Db, r: { source: string; site_uid: string | null; field: string; reason: string }) => t(db).insertInto('parking_rejections').values(r).execute(),
    rejections: (db: Db, limit: number) => t(db).selectFrom('parking_rejections').selectAll().orderBy('id', 'desc').limit(limit).execute(),

    sources: (db: Db): Promise<SourceRow[]> => t(db).selectFrom('parking_sources').selectAll().orderBy('id').execute(),
    source: (db: Db, id: number): Promise<SourceRow | undefined> => t(db).selectFrom('parking_sources').selectAll().where('id', '=', id).executeTakeFirst(),
    dueSources: (db: Db, now: Date): Promise<SourceRow[]> =>
      t(db).selectFrom('parking_sources').selectAll().where('enabled', '=', true).where('next_poll_at', '<=', now).orderBy('next_poll_at').execute(),
    insertSource: async (db: Db, s: SourceSettings): Promise<number> => (await t(db).insertInto('parking_sources').values(s).returning('id').executeTakeFirstOrThrow()).id,
    updateSource: (db: Db, id: number, s: Partial<SourceSettings>, now: Date) =>
      t(db)
        .updateTable('parking_sources')
        // A changed URL or interval is polled at once, with a clean failure count.
        .set({ ...s, updated_at: now, ...(s.url !== undefined || s.interval_seconds !== undefined || s.enabled ? { next_poll_at: now, consecutive_failures: 0 } : {}) })
        .where('id', '=', id)
        .execute(),
    deleteSource: (db: Db, id: number) => t(db).deleteFrom('parking_sources').where('id', '=', id).executeTakeFirst(),
    recordPoll: (db: Db, id: number, o: PollOutcome) =>
      t(db)
        .updateTable('parking_sources')
        .set(
          o.ok
            ? { last_polled_at: o.at, last_success_at: o.at, next_poll_at: o.nextPollAt, consecutive_failures: 0, last_accepted: o.accepted, last_rejected: o.rejected }
            : { last_polled_at: o.at, last_error: o.error, last_error_at: o.at, next_poll_at: o.nextPollAt, consecutive_failures: sql`consecutive_failures + 1` },
        )
        .where('id', '=', id)
        .execute(),
  };
}

export type ParkingRepository = ReturnType<typeof createParkingRepository>;
