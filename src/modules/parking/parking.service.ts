/**
 * Parking rules: car parks (configuration, audited), readings (validated, written as SensorThings
 * Observations through the sensors service, newest kept for the public endpoints), freshness,
 * profile, forecast and the change stream.
 */
import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { requireModuleWrite, requireStaff, systemActor, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock, SensorStore } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, notFound, type FieldProblem } from '../../platform/http/errors.js';
import { prepareRepresentation, type Representation } from '../../platform/http/representation.js';
import { forecast, profileFrom, RHO } from './parking.forecast.js';
import { checkReading, type CheckedReading, type ReadingInput, type SiteStatus } from './parking.input.js';
import type { NewSite, ParkingRepository, SiteRow } from './parking.repository.js';
import { hourOfWeek } from './parking.time.js';

export interface ParkingSettings {
  staleMinutes: number;
  /** How often open event streams are checked for car parks that just went stale (default 30 s). */
  staleCheckMs?: number;
}

export interface SiteView {
  id: number;
  uid: string;
  name: string;
  type: string;
  operatorName: string | null;
  address: string | null;
  description: string | null;
  lat: number;
  lon: number;
  capacity: number;
  capacityEstimated: boolean;
  openingHours: string | null;
  hasFee: boolean | null;
  feeDescription: string | null;
  maxHeightCm: number | null;
  accessibleSpaces: number | null;
  evChargers: number | null;
  entrances: { name: string; lat: number; lon: number }[];
  publicUrl: string | null;
  simulated: boolean;
  thingId: number | null;
  staticUpdatedAt: string;
  realtime: {
    free: number | null;
    occupancyRate: number | null;
    status: SiteStatus;
    updatedAt: string | null;
    /** false: the last value is older than PARKING_STALE_MINUTES and is not shown */
    fresh: boolean;
    simulated: boolean;
  };
}

export interface ParkingChange {
  id: number;
  uid: string;
  free: number | null;
  status: SiteStatus;
  updatedAt: string;
  simulated: boolean;
  /** true: no reading came for PARKING_STALE_MINUTES, the car park now shows "unknown" */
  stale?: boolean;
}

const ACTOR = systemActor('parking');

export function createParkingService(deps: {
  db: Db;
  repo: ParkingRepository;
  sensors: SensorStore;
  audit: AuditRecorder;
  clock: Clock;
  log: FastifyBaseLogger;
  settings: ParkingSettings;
}) {
  const { db, repo, sensors, audit, clock, log, settings } = deps;
  const bus = new EventEmitter();
  bus.setMaxListeners(0); // one listener per open SSE connection
  let version = 0;
  /** Freshness per car park at the last sweep, to announce the moment a car park goes stale. */
  const lastFresh = new Map<number, boolean>();
  const publicCache = new Map<string, { version: number; until: number; body: Promise<Representation> }>();

  function view(r: SiteRow, now: Date): SiteView {
    const age = r.realtime_updated_at ? now.getTime() - r.realtime_updated_at.getTime() : Infinity;
    const fresh = age <= settings.staleMinutes * 60_000;
    const free = fresh ? r.realtime_free : null;
    return {
      id: r.id,
      ...toInput(r), // the static fields, named as the API names them
      thingId: r.thing_id,
      staticUpdatedAt: r.updated_at.toISOString(),
      realtime: {
        free,
        occupancyRate: free === null || r.capacity === 0 ? null : Math.round(((r.capacity - free) / r.capacity) * 1000) / 10,
        status: fresh ? ((r.realtime_status ?? 'unknown') as SiteStatus) : 'unknown',
        updatedAt: r.realtime_updated_at?.toISOString() ?? null,
        fresh,
        simulated: r.realtime_simulated,
      },
    };
  }

  async function listViews(): Promise<SiteView[]> {
    const rows = await repo.list(db);
    const now = clock.now();
    return rows.map((r) => view(r, now));
  }

  /** Creates the car park's SensorThings Thing (with its entrances as Locations) and its three Datastreams. */
  async function provision(r: SiteRow) {
    const tag = r.simulated ? ' (simuliert)' : '';
    const props = { parkingSiteUid: r.uid, capacity: r.capacity, capacityEstimated: r.capacity_estimated, simulated: r.simulated };
    const thing = await sensors.createEntity(ACTOR, 'Things', {
      name: r.name,
      description: r.description ?? `Parkierungsanlage ${r.name}`,
      properties: { ...props, type: r.type, operator: r.operator_name, address: r.address, openingHours: r.opening_hours, topic: 'Parken' },
      Locations: [
        { name: r.name, description: r.address ?? r.name, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [r.lon, r.lat] } },
        ...r.entrances.map((e) => ({ name: `${r.name}: ${e.name}`, description: e.name, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [e.lon, e.lat] } })),
      ],
    });
    const sensor = await sensors.createEntity(ACTOR, 'Sensors', {
      name: `Zählanlage ${r.name}`,
      description: 'Ein- und Ausfahrtszählung des Parkleitsystems',
      encodingType: 'text/plain',
      metadata: 'Parkleitsystem Koblenz',
      properties: { simulated: r.simulated },
    });
    const stream = (name: string, unit: { name: string; symbol: string; definition: string }, type: string, op: string) =>
      sensors.createEntity(ACTOR, 'Datastreams', {
        name: `${name} ${r.name}${tag}`,
        description: `${name} der Parkierungsanlage ${r.name}`,
        observationType: `http://www.opengis.net/def/observationType/OGC-OM/2.0/${type}`,
        unitOfMeasurement: unit,
        properties: { ...props, topic: 'Parken' },
        Thing: { '@iot.id': thing },
        Sensor: { '@iot.id': sensor },
        ObservedProperty: { name: op, definition: `https://confluentes.koblenz.de/def/parking/${op}`, description: name },
      });
    const free = await stream('Freie Stellplätze', { name: 'Stellplatz', symbol: '{spaces}', definition: 'http://unitsofmeasure.org/ucum.html#{count}' }, 'OM_CountObservation', 'freeSpaces');
    const rate = await stream('Belegung', { name: 'Prozent', symbol: '%', definition: 'http://unitsofmeasure.org/ucum.html#%' }, 'OM_Measurement', 'occupancyRate');
    const status = await stream('Status', { name: 'Status', symbol: '', definition: 'open|closed|full|unknown' }, 'OM_CategoryObservation', 'openingStatus');
    await repo.setStreams(db, r.id, { thing, free, rate, status });
  }

  async function requireSite(id: number): Promise<SiteRow> {
    const r = await repo.byId(db, id);
    if (!r) throw notFound('PARKING_SITE_NOT_FOUND', `There is no car park with id ${id}.`);
    return r;
  }

  async function store(site: SiteRow, r: CheckedReading, simulated: boolean) {
    const time = r.at.toISOString();
    const parameters = simulated ? { simulated: true } : { source: 'parking' };
    const rate = r.free === null || site.capacity === 0 ? null : Math.round(((site.capacity - r.free) / site.capacity) * 1000) / 10;
    const writes: Promise<number[]>[] = [];
    if (site.ds_status) writes.push(sensors.addObservations(ACTOR, site.ds_status, [{ phenomenonTime: time, result: r.status, parameters }]));
    if (r.free !== null && site.ds_free) writes.push(sensors.addObservations(ACTOR, site.ds_free, [{ phenomenonTime: time, result: r.free, parameters }]));
    if (rate !== null && site.ds_rate) writes.push(sensors.addObservations(ACTOR, site.ds_rate, [{ phenomenonTime: time, result: rate, parameters }]));
    await Promise.all(writes);
    await withTransaction(db, async (trx) => {
      await repo.setRealtime(trx, site.id, { free: r.free ?? 0, status: r.status, at: r.at, simulated });
      if (r.free !== null && rate !== null) await repo.addHourly(trx, site.id, hourOfWeek(r.at), r.free, rate);
    });
    version++;
    lastFresh.set(site.id, true);
    const change: ParkingChange = { id: site.id, uid: site.uid, free: r.status === 'closed' || r.status === 'unknown' ? null : r.free, status: r.status, updatedAt: time, simulated };
    bus.emit('change', change);
  }

  function siteRow(input: SiteInput): NewSite {
    if (input.entrances?.some((e) => e.lat < -90 || e.lat > 90 || e.lon < -180 || e.lon > 180)) {
      throw new AppError('PARKING_ENTRANCE_INVALID', 'Entrance coordinates are out of range.', { field: 'body.entrances' });
    }
    return {
      uid: input.uid,
      name: input.name.trim(),
      type: input.type,
      operator_name: input.operatorName ?? null,
      address: input.address ?? null,
      description: input.description ?? null,
      lat: input.lat,
      lon: input.lon,
      capacity: input.capacity,
      capacity_estimated: input.capacityEstimated ?? false,
      opening_hours: input.openingHours ?? null,
      has_fee: input.hasFee ?? null,
      fee_description: input.feeDescription ?? null,
      max_height_cm: input.maxHeightCm ?? null,
      accessible_spaces: input.accessibleSpaces ?? null,
      ev_chargers: input.evChargers ?? null,
      entrances: input.entrances ?? [],
      public_url: input.publicUrl ?? null,
      simulated: input.simulated ?? false,
    };
  }

  return {
    /** Creates missing SensorThings entities (demo car parks, or after a failed creation). */
    async provisionAll() {
      for (const r of await repo.unprovisioned(db)) await provision(r);
    },

    list: listViews,
    async get(id: number): Promise<SiteView> {
      return view(await requireSite(id), clock.now());
    },
    /**
     * ParkAPI v3 list as JSON text, rebuilt after any change and at least every second (freshness
     * turns values to unknown as time passes, without a write).
     */
    /**
     * The public lists are read far more often than they change: each presentation is encoded once
     * per change (and at least every second, for freshness) and shared by all requests meanwhile.
     * Concurrent requests share one rebuild instead of each querying the database.
     */
    publicRepresentation(key: string, contentType: string, present: (sites: SiteView[]) => unknown): Promise<Representation> {
      const now = clock.now().getTime();
      const cached = publicCache.get(key);
      if (cached && cached.version === version && cached.until > now) return cached.body;
      const body = listViews().then((sites) => prepareRepresentation(JSON.stringify(present(sites)), contentType));
      publicCache.set(key, { version, until: now + 1000, body });
      body.catch(() => {
        if (publicCache.get(key)?.body === body) publicCache.delete(key);
      });
      return body;
    },

    async createSite(actor: Actor, input: SiteInput): Promise<SiteView> {
      requireModuleWrite(actor, 'parking');
      const row = siteRow(input);
      if ((await repo.byUids(db, [row.uid])).length) throw new AppError('PARKING_UID_TAKEN', `A car park with uid "${row.uid}" exists already.`, { status: 409, field: 'body.uid' });
      const id = await withTransaction(db, async (trx) => {
        const id = await repo.insert(trx, row);
        await audit.record(trx, { actor, module: 'parking', entity: 'site', entityId: id, action: 'create', after: row });
        return id;
      });
      await provision(await requireSite(id));
      version++;
      return this.get(id);
    },

    async updateSite(actor: Actor, id: number, patch: Partial<SiteInput>): Promise<SiteView> {
      requireModuleWrite(actor, 'parking');
      const before = await requireSite(id);
      if ((patch.lat === undefined) !== (patch.lon === undefined)) throw new AppError('PARKING_POSITION_INCOMPLETE', 'lat and lon are changed together.', { field: 'body.lon' });
      if (patch.capacity !== undefined && before.realtime_free !== null && patch.capacity < before.realtime_free) {
        throw new AppError('PARKING_CAPACITY_BELOW_FREE', `The capacity cannot be below the current free count (${before.realtime_free}).`, { field: 'body.capacity' });
      }
      const { uid: _uid, ...full } = siteRow({ ...toInput(before), ...patch, uid: before.uid });
      await withTransaction(db, async (trx) => {
        await repo.update(trx, id, full, clock.now());
        await audit.record(trx, { actor, module: 'parking', entity: 'site', entityId: id, action: 'update', before: toInput(before), after: patch });
      });
      version++;
      return this.get(id);
    },

    /**
     * Readings from the guidance system, a ParkAPI source or the simulator. All or nothing: one bad
     * reading rejects the request (logged, kept in the rejection list) and stores nothing. With
     * `partial` (the ParkAPI pull, where one bad site must not block the others) the good readings
     * are stored and the bad ones only rejected.
     */
    async ingest(actor: Actor, source: string, items: ReadingInput[], options: { simulated?: boolean; partial?: boolean } = {}): Promise<{ accepted: number; rejected: number }> {
      requireModuleWrite(actor, 'parking');
      const now = clock.now();
      const sites = new Map((await repo.byUids(db, [...new Set(items.map((i) => i.uid))])).map((s) => [s.uid, s]));
      const ok: [SiteRow, CheckedReading][] = [];
      const problems: (FieldProblem & { code: string; uid: string })[] = [];
      items.forEach((item, i) => {
        const c = checkReading(item, sites.get(item.uid), i, now);
        if ('problem' in c) problems.push({ ...c.problem, uid: item.uid });
        else ok.push([sites.get(item.uid)!, c.ok]);
      });
      if (problems.length) {
        log.warn({ source, problems }, 'parking: readings rejected');
        await withTransaction(db, async (trx) => {
          for (const p of problems.slice(0, 50)) await repo.reject(trx, { source, site_uid: p.uid, field: p.field, reason: p.message });
        });
        if (!options.partial) {
          const first = problems[0]!;
          throw new AppError(first.code, `${first.field}: ${first.message}`, { status: first.code === 'PARKING_SITE_UNKNOWN' ? 404 : 422, errors: problems.map((p) => ({ field: p.field, message: p.message })) });
        }
      }
      for (const [site, r] of ok) await store(site, r, options.simulated ?? false);
      return { accepted: ok.length, rejected: problems.length };
    },

    async rejections(actor: Actor, limit = 100) {
      requireStaff(actor);
      return (await repo.rejections(db, limit)).map((r) => ({ id: r.id, source: r.source, siteUid: r.site_uid, field: r.field, reason: r.reason, receivedAt: r.received_at.toISOString() }));
    },

    async profile(id: number) {
      const site = await requireSite(id);
      const rows = await repo.hourly(db, site.id);
      const byHow = new Map(rows.map((r) => [r.how, r]));
      return {
        id: site.id,
        capacity: site.capacity,
        timeZone: 'Europe/Berlin',
        simulated: site.simulated,
        hours: Array.from({ length: 168 }, (_, how) => {
          const r = byHow.get(how);
          return { hourOfWeek: how, weekday: Math.floor(how / 24), hour: how % 24, samples: r?.samples ?? 0, meanFree: r ? Math.round((r.sum_free / r.samples) * 10) / 10 : null, meanOccupancyRate: r ? Math.round((r.sum_rate / r.samples) * 10) / 10 : null };
        }),
      };
    },

    async forecast(id: number) {
      const site = await requireSite(id);
      const now = clock.now();
      const v = view(site, now);
      const method = `hour-of-week profile plus current deviation decaying with ${RHO} per 15 minutes`;
      if (v.realtime.free === null) return { id, basedOn: null, method, simulated: site.simulated, points: [] };
      const profile = profileFrom(await repo.hourly(db, site.id));
      return {
        id,
        basedOn: { free: v.realtime.free, at: v.realtime.updatedAt! },
        method,
        simulated: site.simulated || v.realtime.simulated,
        points: forecast(profile, site.capacity, now, v.realtime.free).map((p) => ({ minutes: p.minutes, at: p.at.toISOString(), free: p.free })),
      };
    },

    /** For the dashboard: total free spaces of fresh car parks and each car park with its freshness. */
    async summary() {
      const sites = await this.list();
      const fresh = sites.filter((s) => s.realtime.free !== null);
      return {
        totalFree: fresh.reduce((a, s) => a + s.realtime.free!, 0),
        totalCapacity: sites.reduce((a, s) => a + s.capacity, 0),
        freshSites: fresh.length,
        simulated: sites.some((s) => s.realtime.simulated),
        sites: sites.map((s) => ({ id: s.id, name: s.name, capacity: s.capacity, capacityEstimated: s.capacityEstimated, ...s.realtime })),
      };
    },

    /**
     * Announces car parks that went stale since the last sweep (status "unknown", free null), so
     * event-stream clients do not keep showing the last number. Only runs while someone listens.
     */
    async sweepStale(): Promise<void> {
      if (bus.listenerCount('change') === 0) return;
      for (const s of await listViews()) {
        const was = lastFresh.get(s.id);
        lastFresh.set(s.id, s.realtime.fresh);
        if (was !== true || s.realtime.fresh || !s.realtime.updatedAt) continue;
        version++;
        bus.emit('change', { id: s.id, uid: s.uid, free: null, status: 'unknown', updatedAt: s.realtime.updatedAt, simulated: s.realtime.simulated, stale: true } satisfies ParkingChange);
      }
    },

    /** Subscribes to readings as they are stored; returns the unsubscribe function. */
    onChange(listener: (c: ParkingChange) => void): () => void {
      bus.on('change', listener);
      return () => bus.off('change', listener);
    },
  };
}


export interface SiteInput {
  uid: string;
  name: string;
  type: string;
  operatorName?: string | null | undefined;
  address?: string | null | undefined;
  description?: string | null | undefined;
  lat: number;
  lon: number;
  capacity: number;
  capacityEstimated?: boolean | undefined;
  openingHours?: string | null | undefined;
  hasFee?: boolean | null | undefined;
  feeDescription?: string | null | undefined;
  maxHeightCm?: number | null | undefined;
  accessibleSpaces?: number | null | undefined;
  evChargers?: number | null | undefined;
  entrances?: { name: string; lat: number; lon: number }[] | undefined;
  publicUrl?: string | null | undefined;
  simulated?: boolean | undefined;
}

function toInput(r: SiteRow): Required<SiteInput> {
  return {
    uid: r.uid,
    name: r.name,
    type: r.type,
    operatorName: r.operator_name,
    address: r.address,
    description: r.description,
    lat: r.lat,
    lon: r.lon,
    capacity: r.capacity,
    capacityEstimated: r.capacity_estimated,
    openingHours: r.opening_hours,
    hasFee: r.has_fee,
    feeDescription: r.fee_description,
    maxHeightCm: r.max_height_cm,
    accessibleSpaces: r.accessible_spaces,
    evChargers: r.ev_chargers,
    entrances: r.entrances,
    publicUrl: r.public_url,
    simulated: r.simulated,
  };
}

export type ParkingService = ReturnType<typeof createParkingService>;
