/** All SQL of the waste module. */
import { sql, type Generated, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';

type ContainerTable = {
  id: Generated<number>;
  uid: string;
  name: string;
  kind: string;
  category: string;
  volume_l: number;
  district: string | null;
  address: string | null;
  geom: unknown;
  threshold_pct: number | null;
  pickup_interval_days: number;
  date_last_emptying: Date | null;
  dev_eui: string | null;
  decoder: string | null;
  sensor_depth_mm: number | null;
  simulated: boolean;
  thing_id: number | null;
  ds_fill: number | null;
  ds_battery: number | null;
  ds_temperature: number | null;
  fill_pct: number | null;
  fill_at: Date | null;
  battery_pct: number | null;
  temperature_c: number | null;
  same_count: Generated<number>;
  fill_rate_per_day: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type WasteTables = {
  waste_containers: ContainerTable;
  waste_rules: { id: Generated<number>; threshold_pct: number; stale_hours: number; same_value_count: number; email: string | null; updated_at: Generated<Date> };
  waste_alerts: { id: Generated<number>; container_id: number; kind: string; message: string; created_at: Date; resolved_at: Date | null; notified_at: Date | null };
  waste_rejections: { id: Generated<number>; source: string; dev_eui: string | null; reason: string; received_at: Generated<Date> };
};

export type ContainerRow = Omit<Selectable<ContainerTable>, 'geom'> & { lat: number; lon: number };
export type AlertRow = Selectable<WasteTables['waste_alerts']>;

export interface NewContainer {
  uid: string;
  name: string;
  kind: string;
  category: string;
  volume_l: number;
  district: string | null;
  address: string | null;
  lat: number;
  lon: number;
  threshold_pct: number | null;
  pickup_interval_days: number;
  date_last_emptying: Date | null;
  dev_eui: string | null;
  decoder: string | null;
  sensor_depth_mm: number | null;
  simulated: boolean;
}

export interface ReadingUpdate {
  fill_pct: number;
  fill_at: Date;
  battery_pct: number | null;
  temperature_c: number | null;
  same_count: number;
  fill_rate_per_day: number | null;
  date_last_emptying: Date | null;
}

const t = (db: Db) => db.withTables<WasteTables>();

function selectContainers(db: Db) {
  return t(db)
    .selectFrom('waste_containers')
    .selectAll()
    .select([sql<number>`st_y(geom)`.as('lat'), sql<number>`st_x(geom)`.as('lon')]);
}
const strip = (rows: (ContainerRow & { geom?: unknown })[]): ContainerRow[] => rows.map(({ geom: _g, ...r }) => r);

export function createWasteRepository() {
  return {
    list: async (db: Db, filter: { kind?: string | undefined; district?: string | undefined } = {}) => {
      let q = selectContainers(db);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.district) q = q.where('district', '=', filter.district);
      return strip(await q.orderBy('id').execute());
    },
    byId: async (db: Db, id: number) => strip(await selectContainers(db).where('id', '=', id).execute())[0],
    byUid: async (db: Db, uid: string) => strip(await selectContainers(db).where('uid', '=', uid).execute())[0],
    byDevEui: async (db: Db, devEui: string) => strip(await selectContainers(db).where('dev_eui', '=', devEui).execute())[0],
    unprovisioned: async (db: Db) => strip(await selectContainers(db).where('thing_id', 'is', null).orderBy('id').execute()),

    insert: async (db: Db, c: NewContainer): Promise<number> => {
      const { lat, lon, ...rest } = c;
      const row = await t(db)
        .insertInto('waste_containers')
        .values({ ...rest, geom: sql`st_setsrid(st_makepoint(${lon}, ${lat}), 4326)` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    update: async (db: Db, id: number, c: Omit<NewContainer, 'uid'>, now: Date) => {
      const { lat, lon, ...rest } = c;
      await t(db)
        .updateTable('waste_containers')
        .set({ ...rest, geom: sql`st_setsrid(st_makepoint(${lon}, ${lat}), 4326)`, updated_at: now })
        .where('id', '=', id)
        .execute();
    },
    setStreams: (db: Db, id: number, s: { thing: number; fill: number; battery: number; temperature: number }) =>
      t(db).updateTable('waste_containers').set({ thing_id: s.thing, ds_fill: s.fill, ds_battery: s.battery, ds_temperature: s.temperature }).where('id', '=', id).execute(),
    setReading: (db: Db, id: number, r: ReadingUpdate) => t(db).updateTable('waste_containers').set(r).where('id', '=', id).execute(),
    /** Sets fill values directly (demo seed: simulated curves, no SensorThings write). */
    setSimulatedFill: (db: Db, id: number, fill: number, at: Date, ratePerDay: number, emptied: Date) =>
      t(db).updateTable('waste_containers').set({ fill_pct: fill, fill_at: at, fill_rate_per_day: ratePerDay, date_last_emptying: emptied, battery_pct: 90, temperature_c: 8 }).where('id', '=', id).execute(),

    /** Containers with a sensor that has been silent since `before`. */
    silentSince: async (db: Db, before: Date) =>
      strip(
        await selectContainers(db)
          .where('dev_eui', 'is not', null)
          .where((e) => e.or([e('fill_at', '<', before), e.and([e('fill_at', 'is', null), e('created_at', '<', before)])]))
          .execute(),
      ),

    rules: (db: Db) => t(db).selectFrom('waste_rules').selectAll().where('id', '=', 1).executeTakeFirst(),
    saveRules: (db: Db, r: { threshold_pct: number; stale_hours: number; same_value_count: number; email: string | null }, now: Date) =>
      t(db)
        .insertInto('waste_rules')
        .values({ id: 1, ...r, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...r, updated_at: now }))
        .execute(),

    /** Opens an alert unless one of that kind is open already; returns the new row or undefined. */
    openAlert: (db: Db, a: { container_id: number; kind: string; message: string; created_at: Date }) =>
      t(db)
        .insertInto('waste_alerts')
        .values({ ...a, resolved_at: null, notified_at: null })
        .onConflict((oc) => oc.columns(['container_id', 'kind']).where('resolved_at', 'is', null).doNothing())
        .returningAll()
        .executeTakeFirst(),
    resolveAlerts: (db: Db, containerId: number, kinds: string[], at: Date) =>
      kinds.length
        ? t(db).updateTable('waste_alerts').set({ resolved_at: at }).where('container_id', '=', containerId).where('kind', 'in', kinds).where('resolved_at', 'is', null).execute()
        : Promise.resolve([]),
    markNotified: (db: Db, id: number, at: Date) => t(db).updateTable('waste_alerts').set({ notified_at: at }).where('id', '=', id).execute(),
    alerts: (db: Db, openOnly: boolean, limit: number) => {
      let q = t(db)
        .selectFrom('waste_alerts as a')
        .innerJoin('waste_containers as c', 'c.id', 'a.container_id')
        .select(['a.id', 'a.container_id', 'a.kind', 'a.message', 'a.created_at', 'a.resolved_at', 'a.notified_at', 'c.name as container_name', 'c.uid as container_uid']);
      if (openOnly) q = q.where('a.resolved_at', 'is', null);
      return q.orderBy('a.id', 'desc').limit(limit).execute();
    },
    countOpenAlerts: async (db: Db) =>
      Number((await t(db).selectFrom('waste_alerts').select((e) => e.fn.countAll<number>().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow()).n),

    reject: (db: Db, r: { source: string; dev_eui: string | null; reason: string }) => t(db).insertInto('waste_rejections').values(r).execute(),
    rejections: (db: Db, limit: number) => t(db).selectFrom('waste_rejections').selectAll().orderBy('id', 'desc').limit(limit).execute(),
  };
}

export type WasteRepository = ReturnType<typeof createWasteRepository>;
