/**
 * Waste rules: containers (configuration, audited), LoRaWAN readings (decoded, checked, written as
 * SensorThings Observations through the sensors service), alerts (threshold, stale, stuck) e-mailed
 * to the responsible team, and the pickup plan.
 */
import type { FastifyBaseLogger } from 'fastify';
import { requireModuleWrite, requireStaff, systemActor, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock, Mailer, SensorStore } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { localDate } from '../../platform/time.js';
import { DECODERS, DecodeError, fillFromDistance, type DecodedReading } from './waste.decoders.js';
import { planRoute } from './waste.route-plan.js';
import type { AlertRow, ContainerRow, NewContainer, WasteRepository } from './waste.repository.js';

export interface WasteSettings {
  staleHours: number;
  alertEmail: string | undefined;
  publicUrl: string;
  /** Default start and end of pickup tours (the depot); the city centre until configured. */
  depot: { lat: number; lon: number };
}

export const KINDS = ['glass', 'paper', 'residual', 'bio', 'textile'] as const;
export const CATEGORIES = ['fixed', 'ground', 'portable', 'underground', 'other'] as const;
/** FIWARE WasteContainer.storedWasteKind for our kinds (residual and textile waste have no own value). */
export const STORED_WASTE_KIND: Record<string, string> = { glass: 'glass', paper: 'paper', residual: 'other', bio: 'organic', textile: 'other' };

const ACTOR = systemActor('waste');
const DAY = 86_400_000;
/** A drop by this many points between two readings means the container was emptied. */
const EMPTIED_DROP = 30;

export interface ContainerInput {
  uid?: string | undefined;
  name: string;
  kind: (typeof KINDS)[number];
  category: (typeof CATEGORIES)[number];
  volumeL: number;
  district?: string | null | undefined;
  address?: string | null | undefined;
  lat: number;
  lon: number;
  thresholdPct?: number | null | undefined;
  pickupIntervalDays?: number | undefined;
  devEui?: string | null | undefined;
  decoder?: string | null | undefined;
  sensorDepthMm?: number | null | undefined;
  simulated?: boolean | undefined;
}

export interface Rules {
  thresholdPct: number;
  staleHours: number;
  sameValueCount: number;
  email: string | null;
}

export function createWasteService(deps: {
  db: Db;
  repo: WasteRepository;
  sensors: SensorStore;
  audit: AuditRecorder;
  clock: Clock;
  mailer: Mailer;
  log: FastifyBaseLogger;
  settings: WasteSettings;
}) {
  const { db, repo, sensors, audit, clock, mailer, log, settings } = deps;

  async function rules(): Promise<Rules> {
    const r = await repo.rules(db);
    return r
      ? { thresholdPct: r.threshold_pct, staleHours: r.stale_hours, sameValueCount: r.same_value_count, email: r.email }
      : { thresholdPct: 80, staleHours: settings.staleHours, sameValueCount: 12, email: null };
  }

  function view(c: ContainerRow, r: Rules, now: Date) {
    const threshold = c.threshold_pct ?? r.thresholdPct;
    const stale = c.dev_eui !== null && (c.fill_at === null || now.getTime() - c.fill_at.getTime() > r.staleHours * 3_600_000);
    return {
      id: c.id,
      uid: c.uid,
      name: c.name,
      kind: c.kind,
      category: c.category,
      storedWasteKind: STORED_WASTE_KIND[c.kind] ?? 'other',
      volumeL: c.volume_l,
      district: c.district,
      address: c.address,
      lat: c.lat,
      lon: c.lon,
      thresholdPct: threshold,
      pickupIntervalDays: c.pickup_interval_days,
      dateLastEmptying: c.date_last_emptying?.toISOString() ?? null,
      devEui: c.dev_eui,
      decoder: c.decoder,
      sensorDepthMm: c.sensor_depth_mm,
      simulated: c.simulated,
      thingId: c.thing_id,
      fillPct: c.fill_pct === null ? null : Math.round(c.fill_pct * 10) / 10,
      fillAt: c.fill_at?.toISOString() ?? null,
      batteryPct: c.battery_pct,
      temperatureC: c.temperature_c,
      fillRatePerDay: c.fill_rate_per_day === null ? null : Math.round(c.fill_rate_per_day * 10) / 10,
      stale,
    };
  }

  async function provision(c: ContainerRow) {
    const props = { wasteContainerId: c.uid, storedWasteKind: STORED_WASTE_KIND[c.kind], category: c.category, district: c.district, simulated: c.simulated };
    const tag = c.simulated ? ' (simuliert)' : '';
    const thing = await sensors.createEntity(ACTOR, 'Things', {
      name: c.name,
      description: `Wertstoffbehälter ${c.kind}, ${c.volume_l} l${tag}`,
      properties: { ...props, volumeL: c.volume_l, devEui: c.dev_eui, topic: 'Abfall' },
      Locations: [{ name: c.name, description: c.address ?? c.district ?? c.name, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [c.lon, c.lat] } }],
    });
    const sensor = await sensors.createEntity(ACTOR, 'Sensors', {
      name: `Füllstandsensor ${c.name}`,
      description: c.decoder ? (DECODERS[c.decoder]?.description ?? c.decoder) : 'Füllstandsensor',
      encodingType: 'text/plain',
      metadata: c.decoder ?? 'unknown',
      properties: { simulated: c.simulated },
    });
    const stream = (name: string, op: string, unit: { name: string; symbol: string; definition: string }) =>
      sensors.createEntity(ACTOR, 'Datastreams', {
        name: `${name} ${c.name}${tag}`,
        description: `${name} des Behälters ${c.name}`,
        observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
        unitOfMeasurement: unit,
        properties: { ...props, topic: 'Abfall' },
        Thing: { '@iot.id': thing },
        Sensor: { '@iot.id': sensor },
        ObservedProperty: { name: op, definition: `https://smartdatamodels.org/dataModel.WasteManagement/${op}`, description: name },
      });
    const percent = { name: 'Prozent', symbol: '%', definition: 'http://unitsofmeasure.org/ucum.html#%' };
    const fill = await stream('Füllstand', 'fillingLevel', percent);
    const battery = await stream('Batterie', 'batteryLevel', percent);
    const temperature = await stream('Temperatur', 'temperature', { name: 'Grad Celsius', symbol: '°C', definition: 'http://unitsofmeasure.org/ucum.html#Cel' });
    await repo.setStreams(db, c.id, { thing, fill, battery, temperature });
  }

  async function requireContainer(id: number) {
    const c = await repo.byId(db, id);
    if (!c) throw notFound('WASTE_CONTAINER_NOT_FOUND', `There is no container with id ${id}.`);
    return c;
  }

  function row(input: ContainerInput, uid: string): NewContainer {
    const devEui = input.devEui ? input.devEui.toLowerCase() : null;
    if (input.decoder && !DECODERS[input.decoder]) throw new AppError('WASTE_DECODER_UNKNOWN', `Decoder must be one of ${Object.keys(DECODERS).join(', ')}.`, { field: 'body.decoder' });
    if (devEui && !input.decoder) throw new AppError('WASTE_DECODER_MISSING', 'A container with a sensor (devEui) needs a decoder.', { field: 'body.decoder' });
    return {
      uid,
      name: input.name.trim(),
      kind: input.kind,
      category: input.category,
      volume_l: input.volumeL,
      district: input.district ?? null,
      address: input.address ?? null,
      lat: input.lat,
      lon: input.lon,
      threshold_pct: input.thresholdPct ?? null,
      pickup_interval_days: input.pickupIntervalDays ?? 14,
      date_last_emptying: null,
      dev_eui: devEui,
      decoder: input.decoder ?? null,
      sensor_depth_mm: input.sensorDepthMm ?? null,
      simulated: input.simulated ?? false,
    };
  }

  async function notify(alerts: (AlertRow & { containerName: string })[]) {
    if (alerts.length === 0) return;
    const to = (await rules()).email ?? settings.alertEmail;
    if (!to) return;
    for (const a of alerts) {
      try {
        await mailer.send({
          to,
          subject: `[Abfall] ${a.kind === 'threshold' ? 'Behälter voll' : a.kind === 'stale' ? 'Sensor meldet nicht' : 'Sensor hängt'}: ${a.containerName}`,
          text: `${a.message}\n\nSeit: ${a.created_at.toISOString()}\nBack office: ${settings.publicUrl}/staff/waste/alerts`,
        });
        await repo.markNotified(db, a.id, clock.now());
      } catch (err) {
        log.error({ err, alert: a.id }, 'waste: alert e-mail failed');
      }
    }
  }

  /** Stores one reading: Observations through the sensors service, then the newest value and alerts here. */
  async function applyReading(c: ContainerRow, reading: DecodedReading, at: Date, simulated: boolean) {
    let fill = reading.fillPct;
    if (fill === undefined && reading.distanceMm !== undefined) {
      if (!c.sensor_depth_mm) throw new AppError('WASTE_DEPTH_MISSING', `Container ${c.uid} has no sensorDepthMm, so a distance cannot become a fill level.`, { status: 422, field: 'body' });
      fill = fillFromDistance(reading.distanceMm, c.sensor_depth_mm);
    }
    if (fill === undefined || !Number.isFinite(fill) || fill < 0 || fill > 100) throw new AppError('WASTE_FILL_OUT_OF_RANGE', `The fill level must be 0–100 % (got ${fill}).`, { status: 422, field: 'body.payload' });
    if (reading.batteryPct !== undefined && (reading.batteryPct < 0 || reading.batteryPct > 100)) throw new AppError('WASTE_BATTERY_OUT_OF_RANGE', `Battery must be 0–100 % (got ${reading.batteryPct}).`, { status: 422, field: 'body.payload' });
    if (reading.temperatureC !== undefined && (reading.temperatureC < -50 || reading.temperatureC > 120)) throw new AppError('WASTE_TEMPERATURE_OUT_OF_RANGE', `Temperature out of range (got ${reading.temperatureC}).`, { status: 422, field: 'body.payload' });

    const time = at.toISOString();
    const parameters = simulated ? { simulated: true } : { source: 'lorawan' };
    const writes: Promise<number[]>[] = [];
    if (c.ds_fill) writes.push(sensors.addObservations(ACTOR, c.ds_fill, [{ phenomenonTime: time, result: Math.round(fill * 10) / 10, parameters }]));
    if (c.ds_battery && reading.batteryPct !== undefined) writes.push(sensors.addObservations(ACTOR, c.ds_battery, [{ phenomenonTime: time, result: reading.batteryPct, parameters }]));
    if (c.ds_temperature && reading.temperatureC !== undefined) writes.push(sensors.addObservations(ACTOR, c.ds_temperature, [{ phenomenonTime: time, result: reading.temperatureC, parameters }]));
    await Promise.all(writes);

    const r = await rules();
    const threshold = c.threshold_pct ?? r.thresholdPct;
    const emptied = c.fill_pct !== null && c.fill_pct - fill >= EMPTIED_DROP;
    const same = c.fill_pct !== null && Math.abs(c.fill_pct - fill) < 0.5 ? c.same_count + 1 : 0;
    let rate = c.fill_rate_per_day;
    if (!emptied && c.fill_pct !== null && c.fill_at && at > c.fill_at) {
      const days = (at.getTime() - c.fill_at.getTime()) / DAY;
      if (days > 1 / 48) {
        const observed = Math.max(0, (fill - c.fill_pct) / days);
        rate = rate === null ? observed : 0.7 * rate + 0.3 * observed; // smooth: one busy day should not double the forecast
      }
    }
    const opened = await withTransaction(db, async (trx) => {
      await repo.setReading(trx, c.id, {
        fill_pct: fill,
        fill_at: at,
        battery_pct: reading.batteryPct ?? c.battery_pct,
        temperature_c: reading.temperatureC ?? c.temperature_c,
        same_count: same,
        fill_rate_per_day: rate,
        date_last_emptying: emptied ? at : c.date_last_emptying,
      });
      const resolve = ['stale'];
      if (fill < threshold) resolve.push('threshold');
      if (same === 0) resolve.push('stuck');
      await repo.resolveAlerts(trx, c.id, resolve, at);
      const created: (AlertRow & { containerName: string })[] = [];
      const open = async (kind: string, message: string) => {
        const a = await repo.openAlert(trx, { container_id: c.id, kind, message, created_at: clock.now() });
        if (a) created.push({ ...a, containerName: c.name });
      };
      if (fill >= threshold) await open('threshold', `${c.name} (${c.address ?? c.district ?? c.uid}) ist zu ${Math.round(fill)} % gefüllt (Schwelle ${threshold} %).`);
      if (same >= r.sameValueCount) await open('stuck', `Der Sensor von ${c.name} meldet ${same + 1}-mal denselben Wert (${Math.round(fill)} %).`);
      return created;
    });
    if (!simulated) await notify(opened); // simulated demo values never page the team
    return { containerId: c.id, fillPct: Math.round(fill * 10) / 10, alerts: opened.map((a) => a.kind) };
  }

  async function reject(source: string, devEui: string | null, error: AppError): Promise<never> {
    log.warn({ source, devEui, code: error.code, reason: error.message }, 'waste: uplink rejected');
    await withTransaction(db, (trx) => repo.reject(trx, { source, dev_eui: devEui, reason: `${error.code}: ${error.message}` }));
    throw error;
  }

  return {
    rules,
    async readRules(actor: Actor) {
      requireStaff(actor);
      return rules();
    },
    async plan(actor: Actor, input: { date: string; depot?: { lat: number; lon: number } | undefined; kind?: string | undefined; district?: string | undefined }) {
      requireStaff(actor);
      return this.pickupPlan(input);
    },
    async provisionAll() {
      for (const c of await repo.unprovisioned(db)) await provision(c);
    },

    async list(filter: { kind?: string | undefined; district?: string | undefined } = {}) {
      const r = await rules();
      const now = clock.now();
      return (await repo.list(db, filter)).map((c) => view(c, r, now));
    },
    async get(id: number) {
      return view(await requireContainer(id), await rules(), clock.now());
    },

    async createContainer(actor: Actor, input: ContainerInput) {
      requireModuleWrite(actor, 'waste');
      const uid = input.uid ?? `urn:ngsi-ld:WasteContainer:koblenz:${clock.now().getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
      const data = row(input, uid);
      if (await repo.byUid(db, uid)) throw new AppError('WASTE_UID_TAKEN', `A container with uid "${uid}" exists already.`, { status: 409, field: 'body.uid' });
      if (data.dev_eui && (await repo.byDevEui(db, data.dev_eui))) throw new AppError('WASTE_DEVEUI_TAKEN', `Device ${data.dev_eui} is already mounted in another container.`, { status: 409, field: 'body.devEui' });
      const id = await withTransaction(db, async (trx) => {
        const id = await repo.insert(trx, data);
        await audit.record(trx, { actor, module: 'waste', entity: 'container', entityId: id, action: 'create', after: data });
        return id;
      });
      await provision(await requireContainer(id));
      return this.get(id);
    },

    async updateContainer(actor: Actor, id: number, patch: Partial<ContainerInput>) {
      requireModuleWrite(actor, 'waste');
      const before = await requireContainer(id);
      const merged: ContainerInput = {
        name: before.name,
        kind: before.kind as ContainerInput['kind'],
        category: before.category as ContainerInput['category'],
        volumeL: before.volume_l,
        district: before.district,
        address: before.address,
        lat: before.lat,
        lon: before.lon,
        thresholdPct: before.threshold_pct,
        pickupIntervalDays: before.pickup_interval_days,
        devEui: before.dev_eui,
        decoder: before.decoder,
        sensorDepthMm: before.sensor_depth_mm,
        simulated: before.simulated,
        ...patch,
      };
      const { uid: _uid, ...data } = { ...row(merged, before.uid), date_last_emptying: before.date_last_emptying };
      if (data.dev_eui && data.dev_eui !== before.dev_eui && (await repo.byDevEui(db, data.dev_eui))) {
        throw new AppError('WASTE_DEVEUI_TAKEN', `Device ${data.dev_eui} is already mounted in another container.`, { status: 409, field: 'body.devEui' });
      }
      await withTransaction(db, async (trx) => {
        await repo.update(trx, id, data, clock.now());
        await audit.record(trx, { actor, module: 'waste', entity: 'container', entityId: id, action: 'update', before: { ...before, geom: undefined }, after: patch });
      });
      return this.get(id);
    },

    /** A LoRaWAN uplink: the device must be known, the payload must decode to a plausible reading. */
    async uplink(actor: Actor, source: string, input: { devEui: string; bytes: () => Buffer | null; decoded: Record<string, unknown> | null; at: Date | null }) {
      requireModuleWrite(actor, 'waste');
      const devEui = input.devEui.toLowerCase();
      if (!/^[0-9a-f]{16}$/.test(devEui)) return reject(source, null, new AppError('WASTE_DEVEUI_INVALID', 'The DevEUI must be 16 hexadecimal digits.', { status: 400, field: 'body.devEui' }));
      const c = await repo.byDevEui(db, devEui);
      if (!c) return reject(source, devEui, new AppError('WASTE_DEVICE_UNKNOWN', `No container has the device ${devEui}.`, { status: 404, field: 'body.devEui' }));
      const decoder = DECODERS[c.decoder ?? ''];
      if (!decoder) return reject(source, devEui, new AppError('WASTE_DECODER_UNKNOWN', `Container ${c.uid} has no known decoder.`, { status: 422, field: 'body.payload' }));
      let reading: DecodedReading;
      try {
        reading = decoder.decode(input.bytes(), input.decoded);
      } catch (err) {
        if (err instanceof DecodeError) return reject(source, devEui, new AppError('WASTE_PAYLOAD_MALFORMED', err.message, { status: 400, field: 'body.payload' }));
        throw err;
      }
      const now = clock.now();
      const at = input.at && input.at.getTime() <= now.getTime() + 5 * 60_000 ? input.at : now;
      try {
        return await applyReading(c, reading, at, false);
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return reject(source, devEui, err);
        throw err;
      }
    },

    /** Simulated readings for the demo containers (labelled simulated in the Observations). */
    async simulatedReading(containerId: number, fillPct: number, at: Date) {
      return applyReading(await requireContainer(containerId), { fillPct, batteryPct: 90 }, at, true);
    },

    /** Opens stale-sensor alerts for containers whose sensor has been silent for the rule's hours. */
    async checkStale(actor: Actor) {
      requireStaff(actor);
      const r = await rules();
      const now = clock.now();
      const silent = await repo.silentSince(db, new Date(now.getTime() - r.staleHours * 3_600_000));
      const created = await withTransaction(db, async (trx) => {
        const out: (AlertRow & { containerName: string })[] = [];
        for (const c of silent) {
          const since = c.fill_at ? `seit ${c.fill_at.toISOString()}` : 'noch nie';
          const a = await repo.openAlert(trx, { container_id: c.id, kind: 'stale', message: `Der Sensor ${c.dev_eui} von ${c.name} meldet ${since} (Regel: ${r.staleHours} h).`, created_at: now });
          if (a) out.push({ ...a, containerName: c.name });
        }
        return out;
      });
      await notify(created);
      return { opened: created.length };
    },

    async saveRules(actor: Actor, input: Rules) {
      requireModuleWrite(actor, 'waste');
      const before = await rules();
      await withTransaction(db, async (trx) => {
        await repo.saveRules(trx, { threshold_pct: input.thresholdPct, stale_hours: input.staleHours, same_value_count: input.sameValueCount, email: input.email }, clock.now());
        await audit.record(trx, { actor, module: 'waste', entity: 'rules', entityId: 1, action: 'update', before, after: input });
      });
      return rules();
    },

    async alerts(actor: Actor, openOnly: boolean) {
      requireStaff(actor);
      return (await repo.alerts(db, openOnly, 500)).map((a) => ({
        id: a.id,
        containerId: a.container_id,
        containerUid: a.container_uid,
        containerName: a.container_name,
        kind: a.kind,
        message: a.message,
        createdAt: a.created_at.toISOString(),
        resolvedAt: a.resolved_at?.toISOString() ?? null,
        notifiedAt: a.notified_at?.toISOString() ?? null,
      }));
    },

    async rejections(actor: Actor) {
      requireStaff(actor);
      return (await repo.rejections(db, 200)).map((r) => ({ id: r.id, source: r.source, devEui: r.dev_eui, reason: r.reason, receivedAt: r.received_at.toISOString() }));
    },

    /**
     * Containers to empty on `date` and their order: above the threshold, or predicted (fill rate)
     * to pass it by the date or before the next regular pickup after it.
     */
    async pickupPlan(input: { date: string; depot?: { lat: number; lon: number } | undefined; kind?: string | undefined; district?: string | undefined }) {
      const depot = input.depot ?? settings.depot;
      const day = new Date(`${input.date}T06:00:00Z`);
      if (Number.isNaN(day.getTime())) throw new AppError('WASTE_DATE_INVALID', 'date must be YYYY-MM-DD.', { field: 'query.date' });
      const r = await rules();
      const candidates = [];
      for (const c of await repo.list(db, { kind: input.kind, district: input.district })) {
        if (c.fill_pct === null || !c.fill_at) continue;
        const threshold = c.threshold_pct ?? r.thresholdPct;
        const rate = c.fill_rate_per_day ?? 0;
        const atDate = c.fill_pct + rate * Math.max(0, (day.getTime() - c.fill_at.getTime()) / DAY);
        const start = (c.date_last_emptying ?? c.created_at).getTime();
        const interval = c.pickup_interval_days * DAY;
        const periods = Math.floor((day.getTime() - start) / interval) + 1;
        const nextRegular = start + Math.max(1, periods) * interval;
        const atNext = c.fill_pct + rate * Math.max(0, (nextRegular - c.fill_at.getTime()) / DAY);
        const reason = c.fill_pct >= threshold ? 'above-threshold' : atDate >= threshold ? 'predicted-by-date' : atNext >= threshold ? 'predicted-before-next-pickup' : null;
        if (!reason) continue;
        candidates.push({ c, reason, predictedPct: Math.min(100, Math.round(Math.max(atDate, c.fill_pct) * 10) / 10), nextRegularPickup: new Date(nextRegular).toISOString().slice(0, 10), lat: c.lat, lon: c.lon });
      }
      const route = planRoute(depot, candidates);
      return {
        date: input.date,
        depot,
        method: 'nearest neighbour + 2-opt, straight-line distance',
        distanceKm: route.distanceKm,
        simulated: candidates.some((x) => x.c.simulated),
        stops: route.order.map((x, i) => ({
          order: i + 1,
          id: x.c.id,
          uid: x.c.uid,
          name: x.c.name,
          kind: x.c.kind,
          district: x.c.district,
          address: x.c.address,
          lat: x.lat,
          lon: x.lon,
          fillPct: Math.round(x.c.fill_pct! * 10) / 10,
          predictedPct: x.predictedPct,
          reason: x.reason,
          nextRegularPickup: x.nextRegularPickup,
          simulated: x.c.simulated,
        })),
      };
    },

    /** NGSI-v2 keyValues entities of type WasteContainer (FIWARE Smart Data Models field names). */
    async ngsi() {
      const r = await rules();
      return (await repo.list(db)).map((c) => ({
        id: c.uid,
        type: 'WasteContainer' as const,
        name: c.name,
        location: { type: 'Point', coordinates: [c.lon, c.lat] },
        ...(c.address ? { address: { streetAddress: c.address, addressLocality: 'Koblenz', addressCountry: 'DE' } } : {}),
        ...(c.district ? { areaServed: c.district } : {}),
        category: [c.category],
        storedWasteKind: [STORED_WASTE_KIND[c.kind] ?? 'other'],
        storedWasteOrigin: 'municipal',
        binCapacity: c.volume_l,
        binFullnessThreshold: c.threshold_pct ?? r.thresholdPct,
        ...(c.fill_pct !== null ? { fillingLevel: Math.round(c.fill_pct * 10) / 1000 } : {}),
        ...(c.temperature_c !== null ? { temperature: c.temperature_c } : {}),
        ...(c.fill_at ? { dateObserved: c.fill_at.toISOString(), binLoggedTime: c.fill_at.toISOString() } : {}),
        ...(c.date_last_emptying ? { dateLastEmptying: c.date_last_emptying.toISOString() } : {}),
        status: 'ok',
        ...(c.dev_eui ? { refDevice: [`urn:ngsi-ld:Device:${c.dev_eui}`] } : {}),
        dataProvider: c.simulated ? 'Confluentes (simulated demo data)' : 'Confluentes',
        dateCreated: c.created_at.toISOString(),
        dateModified: c.updated_at.toISOString(),
      }));
    },

    /** For the dashboard: the containers needing pickup today, stale sensors and open alerts. */
    async summary() {
      const today = localDate(clock.now());
      const list = await this.list();
      const plan = await this.pickupPlan({ date: today });
      return {
        containers: list.length,
        withSensor: list.filter((c) => c.devEui !== null || c.simulated).length,
        aboveThreshold: list.filter((c) => c.fillPct !== null && c.fillPct >= c.thresholdPct).length,
        staleSensors: list.filter((c) => c.stale).length,
        openAlerts: await repo.countOpenAlerts(db),
        simulated: list.some((c) => c.simulated),
        needingPickup: plan.stops.map((s) => ({ id: s.id, name: s.name, kind: s.kind, district: s.district, fillPct: s.fillPct, predictedPct: s.predictedPct, reason: s.reason })),
      };
    },
  };
}

export type WasteService = ReturnType<typeof createWasteService>;
