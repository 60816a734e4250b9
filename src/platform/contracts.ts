/**
 * Contracts between modules. A module depends on these interfaces, never on another module's files;
 * app.ts hands each module the implementations.
 */
import type { Actor } from './auth/actor.js';
import type { Db } from './db/database.js';

export interface AuditEntry {
  actor: Actor;
  module: string;
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecorder {
  /** Appends to the audit log inside the caller's transaction: the change and its record commit together. */
  record(trx: Db, entry: AuditEntry): Promise<void>;
}

/** Sends e-mail (SMTP, or .eml files in DATA_DIR/outbox by default). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Accounts of representatives of organisations (community module), implemented by identity: the role
 * "organisation" logs in with the same mandatory TOTP as staff but acts as a `member`, never as staff.
 */
export interface RepresentativeAccounts {
  /**
   * The account of an e-mail address, created inside the caller's transaction when there is none.
   * `enrolmentUrl` (one-time, 72 h) is set while the person has no password yet: sent to the address,
   * it confirms the address and continues with password and authenticator.
   */
  ensureRepresentative(trx: Db, actor: Actor, input: { email: string; displayName: string }): Promise<{ userId: number; created: boolean; enrolmentUrl: string | null }>;
}

/**
 * What parking and waste need from the sensor platform (OGC SensorThings): app.ts hands them the
 * sensors service. Writes go through it so every value is also a SensorThings Observation.
 */
export interface SensorStore {
  /** Creates a SensorThings entity (deep insert allowed) and returns its id. */
  createEntity(actor: Actor, set: 'Things' | 'Datastreams' | 'Sensors' | 'ObservedProperties', body: Record<string, unknown>): Promise<number>;
  /** Adds Observations to a Datastream; resolves after they are committed. */
  addObservations(
    actor: Actor,
    datastreamId: number,
    rows: { phenomenonTime?: string; result: unknown; parameters?: Record<string, unknown> }[],
  ): Promise<number[]>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Services of the city per OZG status (catalog module: online, in Umsetzung, geplant, nicht online). */
export interface CatalogStatusCounts {
  online: number;
  in_umsetzung: number;
  geplant: number;
  nicht_online: number;
}

export interface CatalogKpis {
  date: string;
  total: number;
  counts: CatalogStatusCounts;
  /** online / total, 0…1 */
  shareOnline: number;
  byThemenfeld: { id: number | null; name: string; total: number; counts: CatalogStatusCounts; shareOnline: number }[];
}

/** What the catalog module offers the dashboard and the open-data module; every figure comes from history. */
export interface CatalogKpiSource {
  kpis(date?: string): Promise<CatalogKpis>;
  timeline(options?: { from?: string; to?: string; step?: 'month' | 'quarter' }): Promise<{
    from: string;
    to: string;
    step: string;
    points: { date: string; counts: CatalogStatusCounts; total: number; shareOnline: number }[];
  }>;
  /** The committee table; with `compare`, the change and its explanation. */
  report(
    date: string,
    compare?: string,
    lang?: 'de' | 'en',
  ): Promise<{
    date: string;
    compare: string | null;
    total: number;
    rows: { status: string; label: string; count: number; compareCount: number | null; change: number | null }[];
    explanation: string[];
    /** True when the table counts demo data (so reports built on it say so). */
    demo?: boolean;
  }>;
  /** Changes with every write: for ETags and caches of modules that republish catalog data. */
  version(): Promise<{ version: number; updatedAt: Date }>;
}

/**
 * A module's public data products, as the open-data module publishes them (DCAT-AP.de, CKAN API).
 * Codes are the short codes of the EU vocabularies (data-theme "TRAN", frequency "DAILY", file-type "CSV").
 */
export interface DatasetDistributionDescription {
  /** Stable within the dataset, e.g. "csv", "api". */
  key: string;
  title: { de: string; en: string };
  /** An existing endpoint of the platform (absolute URL). */
  url: string;
  /** EU file-type code: CSV, JSON, GEOJSON, XML, … */
  format: string;
  mediaType: string;
  /** A live API rather than a file: published as dcat:DataService too. */
  service?: { endpointDescription?: string; conformsTo?: string };
}

/**
 * The rows of a data product. The open-data module serves them as CSV, JSON and (with `point`) GeoJSON
 * distributions, streamed batch by batch so an export of millions of rows never sits in memory.
 */
export interface DatasetTable {
  columns: string[];
  /** Columns holding WGS84 longitude and latitude: the rows are points and get a GeoJSON distribution. */
  point?: { lon: string; lat: string };
  /** Changes whenever a row changes: the ETag of every export of the table. */
  version(): Promise<string>;
  /** The rows in a stable order, values in column order, in batches (keyset-paged reads for large tables). */
  batches(): AsyncIterable<unknown[][]>;
}

export interface DatasetDescription {
  /** Stable identifier, unique across providers (becomes the URI segment and the CKAN name). */
  identifier: string;
  title: { de: string; en: string };
  description: { de: string; en: string };
  keywords: string[];
  themes: string[];
  /** The whole city unless a bounding box [west, south, east, north] is given. */
  bbox?: [number, number, number, number];
  temporal?: { start?: string; end?: string };
  /** EU frequency code (CONT, DAILY, WEEKLY, MONTHLY, ANNUAL, IRREG, …). */
  accrualPeriodicity: string;
  /** Last real change of the data; undefined keeps the date of the last change seen by the catalog. */
  modified?: Date;
  landingPage?: string;
  /** Id in the dcat-ap.de licence list; default dl-by-de/2.0 with the city as attribution. */
  licence?: string;
  attributionText?: string;
  /** Rows served by the catalog itself as CSV, JSON and GeoJSON distributions (added after `distributions`). */
  table?: DatasetTable;
  distributions: DatasetDistributionDescription[];
}

export interface DatasetProvider {
  id: string;
  describe(): DatasetDescription[] | Promise<DatasetDescription[]>;
}

/**
 * What the dashboard module reads from the other modules: each part is a public read of the owning
 * module, handed over in app.ts. Shapes list only the fields the dashboard uses.
 */
export interface DashboardSources {
  catalog: Pick<CatalogKpiSource, 'kpis' | 'timeline' | 'version'>;
  projects: {
    list(filter: Record<string, never>): Promise<
      {
        slug: string;
        title: string;
        status: string;
        demo: boolean;
        updatedAt: string;
        districtProgress: { districtId: string; status: string; householdsPassed: number; demo: boolean }[];
      }[]
    >;
    /** Every history entry from `since` on, newest first (status changes rebuild the status over time). */
    changesSince(
      since: string,
      limit?: number,
    ): Promise<{ items: { at: string; projectSlug: string; change: string; field: string | null; before: unknown; after: unknown }[] }>;
  };
  /** Means of SensorThings Observations per Thing and bucket (sensors module), for the parking and waste series. */
  sensors: {
    means(observedProperty: string, bounds: Date[]): Promise<{ thingId: number; bucket: number; mean: number; samples: number }[]>;
  };
  parking: {
    summary(): Promise<{
      totalFree: number;
      totalCapacity: number;
      freshSites: number;
      simulated: boolean;
      sites: { id: number; name: string; capacity: number; free: number | null; status: string; updatedAt: string | null; fresh: boolean; simulated: boolean }[];
    }>;
    /** Called with every stored reading, so the dashboard rebuilds at once; returns the unsubscribe function. */
    onChange(listener: () => void): () => void;
  };
  waste: {
    summary(): Promise<{
      containers: number;
      withSensor: number;
      aboveThreshold: number;
      staleSensors: number;
      simulated: boolean;
      needingPickup: { id: number; name: string; kind: string; district: string | null; fillPct: number | null }[];
    }>;
  };
  reports: {
    /** Reports opened and resolved in [from, to) and the median hours from opening to resolution. */
    stats(from: Date, to: Date): Promise<{ opened: number; resolved: number; medianHoursToResolution: number | null }>;
  };
}

/**
 * What the geoportal module (OGC API – Features at /ogc) reads from the other modules: each part is
 * a public read of the owning module, handed over in app.ts. Shapes list only the fields it publishes.
 */
export interface GeoportalSources {
  parking: {
    list(): Promise<
      {
        id: number;
        name: string;
        address: string | null;
        lat: number;
        lon: number;
        capacity: number;
        simulated: boolean;
        realtime: { free: number | null; occupancyRate: number | null; status: string; updatedAt: string | null; fresh: boolean; simulated: boolean };
      }[]
    >;
  };
  waste: {
    list(): Promise<
      {
        id: number;
        name: string;
        kind: string;
        district: string | null;
        address: string | null;
        lat: number;
        lon: number;
        thresholdPct: number;
        fillPct: number | null;
        fillAt: string | null;
        stale: boolean;
        simulated: boolean;
      }[]
    >;
  };
  projects: {
    list(filter: Record<string, never>): Promise<
      {
        slug: string;
        title: string;
        summary: string;
        status: string;
        location: { lat: number; lon: number } | null;
        districts: string[];
        demo: boolean;
        updatedAt: string;
        districtProgress: { districtId: string; status: string; householdsPassed: number; demo: boolean }[];
      }[]
    >;
  };
  reports: {
    /** Published reports only (the reports module applies its moderation), newest first. */
    search(filter: {
      ids?: string[];
      bbox?: readonly [number, number, number, number];
      requestedFrom?: Date;
      requestedTo?: Date;
      limit: number;
      offset: number;
    }): Promise<
      {
        id: string;
        status: 'open' | 'closed';
        detailedStatus: string;
        serviceCode: string;
        serviceName: string;
        district: string | null;
        requestedAt: Date;
        updatedAt: Date;
        lat: number | null;
        long: number | null;
        supporters: number;
        demo: boolean;
      }[]
    >;
  };
}
