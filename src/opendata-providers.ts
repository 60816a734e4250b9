/**
 * What each module publishes as open data, described for the opendata module (DatasetProvider in
 * platform/contracts.ts). Wiring: the URLs are the real endpoints of the modules registered in app.ts.
 * Live data (sensors, reports) is marked modified once a day: it changes continuously, and a daily
 * date keeps harvesters' change detection meaningful.
 */
import type { CatalogKpiSource, Clock, DatasetDescription, DatasetProvider } from './platform/contracts.js';

const day = (clock: Clock) => new Date(`${clock.now().toISOString().slice(0, 10)}T00:00:00Z`);

export function platformDatasetProviders(deps: {
  publicUrl: string;
  clock: Clock;
  catalog: CatalogKpiSource;
  cityName: string;
}): DatasetProvider[] {
  const { publicUrl: u, clock, catalog, cityName } = deps;
  const api = `${u}/api/openapi.json`;

  const catalogProvider: DatasetProvider = {
    id: 'catalog',
    async describe(): Promise<DatasetDescription[]> {
      const { updatedAt } = await catalog.version();
      return [
        {
          identifier: 'verwaltungsleistungen',
          title: { de: `Verwaltungsleistungen der ${cityName} (OZG)`, en: `Administrative services of ${cityName} (OZG)` },
          description: {
            de: 'Alle Verwaltungsleistungen der Stadt mit OZG-/LeiKa-Schlüssel und Umsetzungsstand (online, in Umsetzung, geplant, nicht online).',
            en: 'All administrative services of the city with OZG/LeiKa keys and implementation status (online, in progress, planned, not online).',
          },
          keywords: ['OZG', 'Verwaltungsleistungen', 'Onlinezugangsgesetz', 'Digitalisierung'],
          themes: ['GOVE'],
          accrualPeriodicity: 'IRREG',
          modified: updatedAt,
          landingPage: `${u}/`,
          distributions: [
            {
              key: 'csv',
              title: { de: 'Leistungsliste (CSV)', en: 'Service list (CSV)' },
              url: `${u}/api/catalog/services/export?format=csv`,
              format: 'CSV',
              mediaType: 'text/csv',
            },
            {
              key: 'json',
              title: { de: 'Leistungsliste (JSON)', en: 'Service list (JSON)' },
              url: `${u}/api/catalog/services/export?format=json`,
              format: 'JSON',
              mediaType: 'application/json',
            },
            {
              key: 'api',
              title: { de: 'Leistungskatalog-API', en: 'Service catalog API' },
              url: `${u}/api/catalog/services`,
              format: 'JSON',
              mediaType: 'application/json',
              service: { endpointDescription: api },
            },
          ],
        },
      ];
    },
  };

  const sensorsProvider: DatasetProvider = {
    id: 'sensors',
    describe: () => [
      {
        identifier: 'sensordaten',
        title: { de: 'Urbane Sensordaten (OGC SensorThings API)', en: 'Urban sensor data (OGC SensorThings API)' },
        description: {
          de: 'Messstellen, Datenströme und Beobachtungen der städtischen Sensorplattform, live über die OGC SensorThings API 1.1 und MQTT.',
          en: 'Things, datastreams and observations of the urban sensor platform, live via the OGC SensorThings API 1.1 and MQTT.',
        },
        keywords: ['Sensoren', 'SensorThings', 'Echtzeitdaten', 'Smart City'],
        themes: ['ENVI', 'TECH'],
        accrualPeriodicity: 'CONT',
        modified: day(clock),
        distributions: [
          {
            key: 'sta',
            title: { de: 'SensorThings API 1.1', en: 'SensorThings API 1.1' },
            url: `${u}/sta/v1.1`,
            format: 'JSON',
            mediaType: 'application/json',
            service: { endpointDescription: `${u}/sta/v1.1`, conformsTo: 'http://www.opengis.net/spec/iot_sensing/1.1' },
          },
        ],
      },
    ],
  };

  const reportsProvider: DatasetProvider = {
    id: 'reports',
    describe: () => [
      {
        identifier: 'schadensmeldungen',
        title: { de: 'Schadensmeldungen (Open311)', en: 'Damage reports (Open311)' },
        description: {
          de: 'Von Bürgerinnen und Bürgern gemeldete Schäden im öffentlichen Raum mit Ort, Kategorie und Bearbeitungsstand, ohne personenbezogene Daten.',
          en: 'Damage in public space reported by citizens, with place, category and status, without personal data.',
        },
        keywords: ['Schadensmelder', 'Open311', 'Mängelmelder', 'Infrastruktur'],
        themes: ['GOVE', 'TRAN'],
        accrualPeriodicity: 'CONT',
        modified: day(clock),
        distributions: [
          {
            key: 'json',
            title: { de: 'Meldungen (JSON)', en: 'Reports (JSON)' },
            url: `${u}/open311/v2/requests.json`,
            format: 'JSON',
            mediaType: 'application/json',
          },
          {
            key: 'xml',
            title: { de: 'Meldungen (XML)', en: 'Reports (XML)' },
            url: `${u}/open311/v2/requests.xml`,
            format: 'XML',
            mediaType: 'application/xml',
          },
          {
            key: 'open311',
            title: { de: 'Open311 GeoReport v2', en: 'Open311 GeoReport v2' },
            url: `${u}/open311/v2/discovery.json`,
            format: 'JSON',
            mediaType: 'application/json',
            service: {
              endpointDescription: `${u}/open311/v2/discovery.json`,
              conformsTo: 'http://wiki.open311.org/GeoReport_v2',
            },
          },
        ],
      },
    ],
  };

  const cityProvider: DatasetProvider = {
    id: 'city',
    describe: () => [
      {
        identifier: 'stadtteile',
        title: { de: `Stadtteile von ${cityName}`, en: `Districts of ${cityName}` },
        description: {
          de: 'Die statistischen Stadtteile mit Namen und ungefährem Mittelpunkt (keine amtlichen Grenzen), dazu Gemeindeschlüssel und Regionalschlüssel.',
          en: 'The statistical districts with name and approximate centre point (not official boundaries), plus municipality and regional keys.',
        },
        keywords: ['Stadtteile', 'Gemeindeschlüssel', 'Regionalschlüssel'],
        themes: ['REGI'],
        accrualPeriodicity: 'IRREG',
        distributions: [
          {
            key: 'json',
            title: { de: 'Stadtprofil (JSON)', en: 'City profile (JSON)' },
            url: `${u}/api/city`,
            format: 'JSON',
            mediaType: 'application/json',
          },
        ],
      },
    ],
  };

  return [catalogProvider, sensorsProvider, reportsProvider, cityProvider];
}
