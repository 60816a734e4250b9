/**
 * What each module publishes as open data, described for the opendata module (DatasetProvider in
 * platform/contracts.ts). Wiring: the URLs are the real endpoints of the modules registered in app.ts;
 * a `table` is served by the catalog itself as streamed CSV, JSON and (for points) GeoJSON with ETags.
 * Live data (sensors, reports, car parks, containers) is marked modified once a day: it changes
 * continuously, and a daily date keeps harvesters' change detection meaningful.
 * The sources are the modules' public read APIs, typed here by what is used so this file stays wiring.
 */
import { createHash } from 'node:crypto';
import { REFERENCE_EXPORT_COLUMNS } from './modules/catalog/index.js';
import type {
  CatalogKpiSource,
  Clock,
  DatasetDescription,
  DatasetDistributionDescription,
  DatasetProvider,
  DatasetTable,
} from './platform/contracts.js';

type Text2 = { de: string; en: string };

export interface OpendataSources {
  publicUrl: string;
  clock: Clock;
  cityName: string;
  districts: { id: string; name: string; lat: number; lon: number; approximate?: boolean }[];
  catalog: CatalogKpiSource & { referenceExport(): Promise<{ header: string[]; rows: unknown[][] }> };
  projects: {
    list(filter: Record<string, never>): Promise<
      {
        id: number;
        slug: string;
        title: string;
        summary: string;
        status: string;
        office: string | null;
        startDate: string | null;
        endDate: string | null;
        budgetEur: number | null;
        fundingProgramme: string | null;
        location: { lat: number; lon: number } | null;
        districts: string[];
        fields: { slug: string }[];
        demo: boolean;
        updatedAt: string;
      }[]
    >;
  };
  parking: {
    list(): Promise<
      {
        uid: string;
        name: string;
        type: string;
        operatorName: string | null;
        address: string | null;
        lat: number;
        lon: number;
        capacity: number;
        accessibleSpaces: number | null;
        evChargers: number | null;
        maxHeightCm: number | null;
        hasFee: boolean | null;
        openingHours: string | null;
        simulated: boolean;
        thingId: number | null;
        realtime: { free: number | null; occupancyRate: number | null; status: string; updatedAt: string | null };
      }[]
    >;
  };
  waste: {
    list(): Promise<
      {
        uid: string;
        name: string;
        kind: string;
        category: string;
        volumeL: number | null;
        district: string | null;
        address: string | null;
        lat: number;
        lon: number;
        fillPct: number | null;
        fillAt: string | null;
        stale: boolean;
        simulated: boolean;
      }[]
    >;
  };
  sensors: {
    observationBatches(filter: {
      thingIds: number[];
      observedProperty: string;
    }): AsyncIterable<{ thingId: number; time: Date; result: unknown }[]>;
    observationsVersion(): Promise<string>;
  };
  community: {
    openOrganisations(): Promise<
      {
        id: number;
        slug: string;
        name: string;
        category: string;
        description: string;
        district: string | null;
        address: string;
        location: { lat: number; lon: number } | null;
        publicContact: { email?: string; phone?: string; website?: string };
        openingTimes: string;
        accessibility: string;
        membershipFees: string;
        languages: string[];
        demo: boolean;
        updatedAt: string;
      }[]
    >;
    openEvents(): Promise<
      {
        id: number;
        organisation: { id: number; name: string };
        title: string;
        description: string;
        startsAt: string;
        endsAt: string;
        rrule: string | null;
        exdates: string[];
        venue: { name: string; address: string; district: string | null; location: { lat: number; lon: number } | null };
        categories: string[];
        audience: string;
        price: string;
        free: boolean;
        accessibleVenue: boolean;
        registrationUrl: string | null;
        status: string;
        demo: boolean;
        updatedAt: string;
      }[]
    >;
  };
}

const MEDIA: Record<string, string> = {
  CSV: 'text/csv',
  GEOJSON: 'application/geo+json',
  ICS: 'text/calendar',
  JSON: 'application/json',
  XML: 'application/xml',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file (or file-like endpoint) distribution. */
const file = (key: string, title: Text2, url: string, format: string): DatasetDistributionDescription => ({
  key,
  title,
  url,
  format,
  mediaType: MEDIA[format] ?? 'application/octet-stream',
});

/** A live API: published as dcat:DataService too. */
const service = (
  key: string,
  title: Text2,
  url: string,
  endpointDescription: string,
  conformsTo?: string,
): DatasetDistributionDescription => ({
  ...file(key, title, url, 'JSON'),
  service: conformsTo ? { endpointDescription, conformsTo } : { endpointDescription },
});

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('base64url').slice(0, 22);

/** A small table loaded whole from a module's list (tens to thousands of rows); its version is a hash of the rows. */
function listTable(columns: string[], load: () => Promise<unknown[][]>, point?: DatasetTable['point']): DatasetTable {
  return {
    columns,
    ...(point ? { point } : {}),
    version: async () => hash(await load()),
    batches: async function* () {
      yield* inBatches(await load());
    },
  };
}

function* inBatches(rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000);
}

/** The descriptive fields every dataset has, in one call. */
const meta = (
  identifier: string,
  accrualPeriodicity: string,
  themes: string[],
  keywords: string[],
  title: Text2,
  description: Text2,
) => ({
  identifier,
  title,
  description,
  keywords,
  themes,
  accrualPeriodicity,
});

const day = (clock: Clock) => new Date(`${clock.now().toISOString().slice(0, 10)}T00:00:00Z`);
const latest = (dates: string[]) => (dates.length ? new Date(dates.reduce((a, b) => (a > b ? a : b))) : undefined);

export function platformDatasetProviders(src: OpendataSources): DatasetProvider[] {
  const { publicUrl: u, clock, catalog, cityName } = src;
  const openapi = `${u}/api/openapi.json`;
  const live = () => day(clock);

  const catalogProvider: DatasetProvider = {
    id: 'catalog',
    async describe(): Promise<DatasetDescription[]> {
      const { updatedAt } = await catalog.version();
      return [
        {
          ...meta(
            'verwaltungsleistungen',
            'IRREG',
            ['GOVE'],
            ['OZG', 'Verwaltungsleistungen', 'Onlinezugangsgesetz', 'Digitalisierung'],
            { de: `Verwaltungsleistungen der ${cityName} (OZG)`, en: `Administrative services of ${cityName} (OZG)` },
            {
              de: 'Alle Verwaltungsleistungen der Stadt mit OZG-/LeiKa-Schlüssel und Umsetzungsstand (online, in Umsetzung, geplant, nicht online).',
              en: 'All administrative services of the city with OZG/LeiKa keys and implementation status (online, in progress, planned, not online).',
            },
          ),
          modified: updatedAt,
          landingPage: `${u}/verwaltungsleistungen`,
          distributions: [
            file(
              'csv',
              { de: 'Leistungsliste (CSV)', en: 'Service list (CSV)' },
              `${u}/api/catalog/services/export?format=csv`,
              'CSV',
            ),
            file(
              'json',
              { de: 'Leistungsliste (JSON)', en: 'Service list (JSON)' },
              `${u}/api/catalog/services/export?format=json`,
              'JSON',
            ),
            service('api', { de: 'Leistungskatalog-API', en: 'Service catalog API' }, `${u}/api/catalog/services`, openapi),
          ],
        },
        {
          ...meta(
            'ozg-leika-katalog',
            'IRREG',
            ['GOVE'],
            ['OZG', 'LeiKa', 'Leistungskatalog', 'Referenzkatalog'],
            {
              de: 'OZG-Umsetzungskatalog und Leistungskatalog (LeiKa)',
              en: 'OZG implementation catalogue and service catalogue (LeiKa)',
            },
            {
              de: 'Der Referenzkatalog der Plattform: OZG-Themenfelder, Lebenslagen, OZG-Leistungen und die zugeordneten LeiKa-Leistungen mit Typ und Rechtsgrundlage, eine Zeile je LeiKa-Leistung. Stand etwa 2019–2021, übernommen aus der OZG-Datenbank NRW.',
              en: "The platform's reference catalogue: OZG subject areas, life situations, OZG services and their LeiKa services with type and legal basis, one row per LeiKa service. State about 2019–2021, taken from the OZG-Datenbank NRW.",
            },
          ),
          modified: updatedAt,
          // data/ozg/SOURCE.txt: MIT licence of the OZG-Datenbank NRW; the notice travels with the data.
          licence: 'other-opensource',
          attributionText:
            'OZG-Datenbank NRW, Copyright (c) 2020 Gert Hammes, MIT-Lizenz (https://github.com/kdn-nrw/OZG-Datenbank-NRW)',
          distributions: [
            file(
              'xlsx',
              { de: 'Referenzkatalog (XLSX)', en: 'Reference catalogue (XLSX)' },
              `${u}/api/catalog/reference/export?format=xlsx`,
              'XLSX',
            ),
            service(
              'api',
              { de: 'Referenzkatalog-API', en: 'Reference catalogue API' },
              `${u}/api/catalog/reference/ozg`,
              openapi,
            ),
          ],
          table: {
            columns: [...REFERENCE_EXPORT_COLUMNS],
            version: async () => String((await catalog.version()).version),
            batches: async function* () {
              yield* inBatches((await catalog.referenceExport()).rows);
            },
          },
        },
      ];
    },
  };

  const projectsProvider: DatasetProvider = {
    id: 'projects',
    async describe(): Promise<DatasetDescription[]> {
      const load = () => src.projects.list({});
      return [
        {
          ...meta(
            'smart-city-projekte',
            'IRREG',
            ['GOVE', 'TECH'],
            ['Smart City', 'Projekte', 'Digitalisierung', 'Förderung'],
            { de: `Smart-City-Projekte der ${cityName}`, en: `Smart City projects of ${cityName}` },
            {
              de: 'Das Projektportfolio der Smart City in vier Handlungsfeldern mit Status, Zeitraum, Budget, Förderprogramm, Stadtteilen und Standort.',
              en: 'The Smart City project portfolio in four fields of action with status, period, budget, funding programme, districts and location.',
            },
          ),
          ...optional('modified', latest((await load()).map((p) => p.updatedAt))),
          distributions: [
            file('atom', { de: 'Änderungen (Atom-Feed)', en: 'Changes (Atom feed)' }, `${u}/api/projects/feed.atom`, 'XML'),
            service('api', { de: 'Projekte-API', en: 'Projects API' }, `${u}/api/projects`, openapi),
          ],
          table: listTable(
            [
              'id',
              'slug',
              'title',
              'summary',
              'status',
              'fields',
              'office',
              'start_date',
              'end_date',
              'budget_eur',
              'funding_programme',
              'districts',
              'lon',
              'lat',
              'demo',
              'updated_at',
            ],
            async () =>
              (await load()).map((p) => [
                p.id,
                p.slug,
                p.title,
                p.summary,
                p.status,
                p.fields.map((f) => f.slug).join(';'),
                p.office,
                p.startDate,
                p.endDate,
                p.budgetEur,
                p.fundingProgramme,
                p.districts.join(';'),
                p.location?.lon ?? null,
                p.location?.lat ?? null,
                p.demo,
                p.updatedAt,
              ]),
            { lon: 'lon', lat: 'lat' },
          ),
        },
      ];
    },
  };

  const parkingProvider: DatasetProvider = {
    id: 'parking',
    describe: (): DatasetDescription[] => [
      {
        ...meta(
          'parkhaeuser',
          'CONT',
          ['TRAN'],
          ['Parken', 'Parkhaus', 'Echtzeitdaten', 'ParkAPI'],
          { de: `Parkhäuser und Parkplätze in ${cityName}`, en: `Car parks in ${cityName}` },
          {
            de: 'Parkhäuser, Tiefgaragen und Parkplätze mit Lage, Kapazität, Behindertenstellplätzen, Ladepunkten und der aktuellen Zahl freier Stellplätze.',
            en: 'Multi-storey car parks, underground garages and car parks with location, capacity, accessible spaces, chargers and the current number of free spaces.',
          },
        ),
        modified: live(),
        landingPage: `${u}/`,
        distributions: [service('parkapi', { de: 'ParkAPI v3', en: 'ParkAPI v3' }, `${u}/api/parking/v3/parking-sites`, openapi)],
        table: listTable(
          [
            'uid',
            'name',
            'type',
            'operator',
            'address',
            'capacity',
            'accessible_spaces',
            'ev_chargers',
            'max_height_cm',
            'has_fee',
            'opening_hours',
            'free',
            'occupancy_rate',
            'status',
            'updated_at',
            'simulated',
            'lon',
            'lat',
          ],
          async () =>
            (await src.parking.list()).map((s) => [
              s.uid,
              s.name,
              s.type,
              s.operatorName,
              s.address,
              s.capacity,
              s.accessibleSpaces,
              s.evChargers,
              s.maxHeightCm,
              s.hasFee,
              s.openingHours,
              s.realtime.free,
              s.realtime.occupancyRate,
              s.realtime.status,
              s.realtime.updatedAt,
              s.simulated,
              s.lon,
              s.lat,
            ]),
          { lon: 'lon', lat: 'lat' },
        ),
      },
      {
        ...meta(
          'parkhaus-belegung',
          'CONT',
          ['TRAN'],
          ['Parken', 'Belegung', 'Zeitreihe', 'SensorThings'],
          { de: `Belegung der Parkhäuser in ${cityName} (Verlauf)`, en: `Car park occupancy in ${cityName} (history)` },
          {
            de: 'Jede gemeldete Zahl freier Stellplätze je Parkhaus mit Zeitpunkt, seit Beginn der Aufzeichnung (SensorThings-Beobachtungen).',
            en: 'Every reported number of free spaces per car park with its time, since recording began (SensorThings observations).',
          },
        ),
        modified: live(),
        distributions: [
          service(
            'sta',
            { de: 'SensorThings API 1.1', en: 'SensorThings API 1.1' },
            `${u}/sta/v1.1/Datastreams`,
            `${u}/sta/v1.1`,
            STA,
          ),
        ],
        table: {
          columns: ['car_park_uid', 'car_park', 'time', 'free_spaces'],
          version: () => src.sensors.observationsVersion(),
          async *batches() {
            const sites = new Map((await src.parking.list()).filter((s) => s.thingId !== null).map((s) => [s.thingId!, s]));
            for await (const batch of src.sensors.observationBatches({
              thingIds: [...sites.keys()],
              observedProperty: 'freeSpaces',
            })) {
              yield batch.map((o) => {
                const s = sites.get(o.thingId)!;
                return [s.uid, s.name, o.time, o.result];
              });
            }
          },
        },
      },
    ],
  };

  const wasteProvider: DatasetProvider = {
    id: 'waste',
    describe: (): DatasetDescription[] => [
      {
        ...meta(
          'abfallbehaelter',
          'CONT',
          ['ENVI'],
          ['Abfall', 'Wertstoffe', 'Füllstand', 'FIWARE'],
          { de: `Abfall- und Wertstoffbehälter in ${cityName}`, en: `Waste and recycling containers in ${cityName}` },
          {
            de: 'Öffentliche Abfall- und Wertstoffbehälter mit Art, Volumen, Stadtteil, Lage und dem zuletzt gemessenen Füllstand (FIWARE WasteContainer).',
            en: 'Public waste and recycling containers with kind, volume, district, location and the last measured fill level (FIWARE WasteContainer).',
          },
        ),
        modified: live(),
        distributions: [
          service(
            'ngsi',
            { de: 'NGSI-v2-Entitäten', en: 'NGSI v2 entities' },
            `${u}/api/waste/ngsi/v2/entities?type=WasteContainer&options=keyValues`,
            openapi,
          ),
        ],
        table: listTable(
          [
            'uid',
            'name',
            'kind',
            'category',
            'volume_l',
            'district',
            'address',
            'fill_pct',
            'fill_at',
            'stale',
            'simulated',
            'lon',
            'lat',
          ],
          async () =>
            (await src.waste.list()).map((c) => [
              c.uid,
              c.name,
              c.kind,
              c.category,
              c.volumeL,
              c.district,
              c.address,
              c.fillPct,
              c.fillAt,
              c.stale,
              c.simulated,
              c.lon,
              c.lat,
            ]),
          { lon: 'lon', lat: 'lat' },
        ),
      },
    ],
  };

  const sensorsProvider: DatasetProvider = {
    id: 'sensors',
    describe: () => [
      {
        ...meta(
          'sensordaten',
          'CONT',
          ['ENVI', 'TECH'],
          ['Sensoren', 'SensorThings', 'Echtzeitdaten', 'Smart City'],
          { de: 'Urbane Sensordaten (OGC SensorThings API)', en: 'Urban sensor data (OGC SensorThings API)' },
          {
            de: 'Messstellen, Datenströme und Beobachtungen der städtischen Sensorplattform, live über die OGC SensorThings API 1.1 und MQTT.',
            en: 'Things, datastreams and observations of the urban sensor platform, live via the OGC SensorThings API 1.1 and MQTT.',
          },
        ),
        modified: live(),
        distributions: [
          service('sta', { de: 'SensorThings API 1.1', en: 'SensorThings API 1.1' }, `${u}/sta/v1.1`, `${u}/sta/v1.1`, STA),
        ],
      },
    ],
  };

  const reportsProvider: DatasetProvider = {
    id: 'reports',
    describe: () => [
      {
        ...meta(
          'schadensmeldungen',
          'CONT',
          ['GOVE', 'TRAN'],
          ['Schadensmelder', 'Open311', 'Mängelmelder', 'Infrastruktur'],
          { de: 'Schadensmeldungen (Open311)', en: 'Damage reports (Open311)' },
          {
            de: 'Von Bürgerinnen und Bürgern gemeldete Schäden im öffentlichen Raum mit Ort, Kategorie und Bearbeitungsstand, ohne personenbezogene Daten.',
            en: 'Damage in public space reported by citizens, with place, category and status, without personal data.',
          },
        ),
        modified: live(),
        distributions: [
          file('json', { de: 'Meldungen (JSON)', en: 'Reports (JSON)' }, `${u}/open311/v2/requests.json`, 'JSON'),
          file('xml', { de: 'Meldungen (XML)', en: 'Reports (XML)' }, `${u}/open311/v2/requests.xml`, 'XML'),
          service(
            'open311',
            { de: 'Open311 GeoReport v2', en: 'Open311 GeoReport v2' },
            `${u}/open311/v2/discovery.json`,
            `${u}/open311/v2/discovery.json`,
            'http://wiki.open311.org/GeoReport_v2',
          ),
        ],
      },
    ],
  };

  const cityProvider: DatasetProvider = {
    id: 'city',
    describe: () => [
      {
        ...meta(
          'stadtteile',
          'IRREG',
          ['REGI'],
          ['Stadtteile', 'Gemeindeschlüssel', 'Regionalschlüssel'],
          { de: `Stadtteile von ${cityName}`, en: `Districts of ${cityName}` },
          {
            de: 'Die statistischen Stadtteile mit Namen und ungefährem Mittelpunkt (keine amtlichen Grenzen), dazu Gemeindeschlüssel und Regionalschlüssel.',
            en: 'The statistical districts with name and approximate centre point (not official boundaries), plus municipality and regional keys.',
          },
        ),
        distributions: [file('json', { de: 'Stadtprofil (JSON)', en: 'City profile (JSON)' }, `${u}/api/city`, 'JSON')],
        table: listTable(
          ['id', 'name', 'approximate', 'lon', 'lat'],
          async () => src.districts.map((d) => [d.id, d.name, d.approximate ?? true, d.lon, d.lat]),
          { lon: 'lon', lat: 'lat' },
        ),
      },
    ],
  };

  const communityProvider: DatasetProvider = {
    id: 'community',
    async describe(): Promise<DatasetDescription[]> {
      const organisations = () => src.community.openOrganisations();
      const events = () => src.community.openEvents();
      return [
        {
          ...meta(
            'vereine-und-kultureinrichtungen',
            'IRREG',
            ['SOCI', 'EDUC'],
            ['Vereine', 'Kultur', 'Ehrenamt', 'Kulturhaus Koblenz'],
            { de: `Vereine und Kultureinrichtungen in ${cityName}`, en: `Clubs and cultural institutions in ${cityName}` },
            {
              de: 'Von der Stadt geprüfte Vereine und Kultureinrichtungen mit Kategorie, Stadtteil, Adresse, Lage, öffentlichem Kontakt, Zeiten, Barrierefreiheit, Beiträgen und Sprachen.',
              en: 'Clubs and cultural institutions verified by the city, with category, district, address, location, public contact, times, accessibility, fees and languages.',
            },
          ),
          ...optional('modified', latest((await organisations()).map((o) => o.updatedAt))),
          landingPage: `${u}/vereine`,
          distributions: [
            file('geojson', { de: 'Karte (GeoJSON)', en: 'Map (GeoJSON)' }, `${u}/api/community/organisations.geojson`, 'GEOJSON'),
            service('api', { de: 'Vereine-API', en: 'Clubs API' }, `${u}/api/community/organisations`, openapi),
          ],
          table: listTable(
            ['id', 'slug', 'name', 'category', 'description', 'district', 'address', 'email', 'phone', 'website', 'opening_times', 'accessibility', 'membership_fees', 'languages', 'demo', 'updated_at', 'lon', 'lat'],
            async () =>
              (await organisations()).map((o) => [
                o.id,
                o.slug,
                o.name,
                o.category,
                o.description,
                o.district,
                o.address,
                o.publicContact.email ?? null,
                o.publicContact.phone ?? null,
                o.publicContact.website ?? null,
                o.openingTimes,
                o.accessibility,
                o.membershipFees,
                o.languages.join(';'),
                o.demo,
                o.updatedAt,
                o.location?.lon ?? null,
                o.location?.lat ?? null,
              ]),
            { lon: 'lon', lat: 'lat' },
          ),
        },
        {
          ...meta(
            'veranstaltungen-vereine-kultur',
            'DAILY',
            ['SOCI', 'EDUC'],
            ['Veranstaltungen', 'Kalender', 'iCalendar', 'Vereine', 'Kultur'],
            { de: `Veranstaltungen der Vereine und Kultureinrichtungen in ${cityName}`, en: `Events of clubs and cultural institutions in ${cityName}` },
            {
              de: 'Öffentliche Veranstaltungen geprüfter Organisationen mit Zeit (Europe/Berlin, Wiederholungen als RRULE), Ort, Kategorien, Preis und Barrierefreiheit; abgesagte Termine bleiben als abgesagt enthalten.',
              en: 'Public events of verified organisations with time (Europe/Berlin, recurrences as RRULE), venue, categories, price and accessibility; cancelled events remain, marked cancelled.',
            },
          ),
          ...optional('modified', latest((await events()).map((e) => e.updatedAt))),
          landingPage: `${u}/vereine/veranstaltungen`,
          distributions: [
            file('ics', { de: 'Kalender (iCalendar)', en: 'Calendar (iCalendar)' }, `${u}/api/community/events.ics`, 'ICS'),
            service('api', { de: 'Veranstaltungs-API', en: 'Events API' }, `${u}/api/community/events`, openapi),
          ],
          table: listTable(
            ['id', 'organisation_id', 'organisation', 'title', 'description', 'starts_at', 'ends_at', 'rrule', 'exdates', 'venue', 'address', 'district', 'categories', 'audience', 'price', 'free', 'accessible_venue', 'registration_url', 'status', 'demo', 'updated_at', 'lon', 'lat'],
            async () =>
              (await events()).map((e) => [
                e.id,
                e.organisation.id,
                e.organisation.name,
                e.title,
                e.description,
                e.startsAt,
                e.endsAt,
                e.rrule,
                e.exdates.join(';'),
                e.venue.name,
                e.venue.address,
                e.venue.district,
                e.categories.join(';'),
                e.audience,
                e.price,
                e.free,
                e.accessibleVenue,
                e.registrationUrl,
                e.status,
                e.demo,
                e.updatedAt,
                e.venue.location?.lon ?? null,
                e.venue.location?.lat ?? null,
              ]),
            { lon: 'lon', lat: 'lat' },
          ),
        },
      ];
    },
  };

  return [catalogProvider, projectsProvider, parkingProvider, wasteProvider, sensorsProvider, reportsProvider, cityProvider, communityProvider];
}

const STA = 'http://www.opengis.net/spec/iot_sensing/1.1';

/** `{ [key]: value }` only when the value is defined (exactOptionalPropertyTypes). */
const optional = <K extends string, V>(key: K, value: V | undefined) =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);
