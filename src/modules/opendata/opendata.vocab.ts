/** Namespaces and the controlled vocabularies the catalog uses (DCAT-AP.de 2.0/3.0, EU authority tables). */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  locn: 'http://www.w3.org/ns/locn#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  adms: 'http://www.w3.org/ns/adms#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
} as const;

export const EU = 'http://publications.europa.eu/resource/authority/';
export const LICENCE_BASE = 'http://dcat-ap.de/def/licenses/';
export const GEOCODING = 'http://dcat-ap.de/def/politicalGeocoding/';

/** The 13 EU data themes; CKAN groups are their lower-case codes (as on GovData). */
export const THEMES: Record<string, { de: string; en: string }> = {
  AGRI: { de: 'Landwirtschaft, Fischerei, Forstwirtschaft und Nahrungsmittel', en: 'Agriculture, fisheries, forestry and food' },
  ECON: { de: 'Wirtschaft und Finanzen', en: 'Economy and finance' },
  EDUC: { de: 'Bildung, Kultur und Sport', en: 'Education, culture and sport' },
  ENER: { de: 'Energie', en: 'Energy' },
  ENVI: { de: 'Umwelt', en: 'Environment' },
  GOVE: { de: 'Regierung und öffentlicher Sektor', en: 'Government and public sector' },
  HEAL: { de: 'Gesundheit', en: 'Health' },
  INTR: { de: 'Internationale Themen', en: 'International issues' },
  JUST: { de: 'Justiz, Rechtssystem und öffentliche Sicherheit', en: 'Justice, legal system and public safety' },
  REGI: { de: 'Regionen und Städte', en: 'Regions and cities' },
  SOCI: { de: 'Bevölkerung und Gesellschaft', en: 'Population and society' },
  TECH: { de: 'Wissenschaft und Technologie', en: 'Science and technology' },
  TRAN: { de: 'Verkehr', en: 'Transport' },
};

/**
 * EU frequency codes with the longest gap a promise allows before a dataset is overdue (ms).
 * Continuous and "updated continuously" get a day of slack: a stream silent for a day is broken.
 */
const DAY = 86_400_000;
export const FREQUENCIES: Record<string, number | null> = {
  CONT: DAY,
  UPDATE_CONT: DAY,
  HOURLY: DAY / 24,
  DAILY: DAY,
  WEEKLY: 7 * DAY,
  MONTHLY: 31 * DAY,
  QUARTERLY: 92 * DAY,
  BIANNUAL: 183 * DAY,
  ANNUAL: 366 * DAY,
  IRREG: null,
  NEVER: null,
  UNKNOWN: null,
};

/** EU file-type codes the platform emits or staff may choose. */
export const FILE_TYPES = [
  'CSV',
  'JSON',
  'GEOJSON',
  'XML',
  'XLSX',
  'PDF',
  'HTML',
  'ZIP',
  'RDF_TURTLE',
  'RDF_XML',
  'JSON_LD',
  'WMS_SRVC',
  'WFS_SRVC',
  'ICS',
];

/** Licence ids from the dcat-ap.de list (http://dcat-ap.de/def/licenses/<id>) staff may choose. */
export const LICENCES: Record<string, { title: string; open: boolean; attribution: boolean }> = {
  'dl-by-de/2.0': { title: 'Datenlizenz Deutschland Namensnennung 2.0', open: true, attribution: true },
  'dl-zero-de/2.0': { title: 'Datenlizenz Deutschland Zero 2.0', open: true, attribution: false },
  'cc-by/4.0': { title: 'Creative Commons Namensnennung 4.0 International', open: true, attribution: true },
  'cc-by-sa/4.0': {
    title: 'Creative Commons Namensnennung - Weitergabe unter gleichen Bedingungen 4.0 International',
    open: true,
    attribution: true,
  },
  'cc-zero': { title: 'Creative Commons CC Zero License (cc-zero)', open: true, attribution: false },
  odbl: { title: 'Open Data Commons Open Database License (ODbL)', open: true, attribution: true },
  officialWork: { title: 'Amtliches Werk, lizenzfrei nach §5 Abs. 1 UrhG', open: true, attribution: false },
  // Open-source licences (MIT, for the shipped OZG/LeiKa reference catalogue) have no own id in the list.
  'other-opensource': { title: 'Andere Open Source Lizenz', open: true, attribution: true },
  'other-closed': { title: 'Andere geschlossene Lizenz', open: false, attribution: false },
};

export const DEFAULT_LICENCE = 'dl-by-de/2.0';

export const theme = (code: string) => `${EU}data-theme/${code}`;
export const frequency = (code: string) => `${EU}frequency/${code}`;
export const fileType = (code: string) => `${EU}file-type/${code}`;
export const licence = (id: string) => `${LICENCE_BASE}${id}`;
