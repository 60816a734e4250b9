/** The dataset as the module presents it everywhere (JSON API, CKAN, RDF): one mapping from rows. */
import type { DatasetWithDistributions } from './opendata.repository.js';
import { FREQUENCIES, licence } from './opendata.vocab.js';

export interface Urls {
  publicUrl: string;
}

export interface DistributionView {
  id: number;
  key: string;
  uri: string;
  title: { de: string; en: string };
  url: string;
  /** Counts the download, then redirects to `url`. */
  downloadUrl: string;
  format: string;
  mediaType: string;
  isService: boolean;
  serviceUri: string | null;
  endpointDescription: string | null;
  conformsTo: string | null;
}

export interface DatasetView {
  id: number;
  slug: string;
  uri: string;
  source: 'managed' | 'external';
  providerId: string | null;
  title: { de: string; en: string };
  description: { de: string; en: string };
  keywords: string[];
  themes: string[];
  bbox: number[] | null;
  temporal: { start: string | null; end: string | null };
  accrualPeriodicity: string;
  landingPage: string | null;
  licence: string;
  licenceUri: string;
  attributionText: string;
  issued: string;
  modified: string;
  governance: {
    owningOffice: string | null;
    dataSteward: string | null;
    qualityNotes: string | null;
    sourceSystem: string | null;
    promisedFrequency: string | null;
    visibility: 'internal' | 'public';
    overdue: boolean;
    withdrawn: boolean;
  };
  distributions: DistributionView[];
}

export const datasetUri = (u: Urls, slug: string) => `${u.publicUrl}/api/opendata/datasets/${slug}`;
export const catalogUri = (u: Urls) => `${u.publicUrl}/api/opendata/catalog`;

/** Overdue: the last real change is older than the promised (else the published) frequency allows. */
export function isOverdue(
  row: { promised_frequency: string | null; accrual_periodicity: string; modified: Date },
  now: Date,
): boolean {
  const gap = FREQUENCIES[row.promised_frequency ?? row.accrual_periodicity];
  return gap !== undefined && gap !== null && now.getTime() - row.modified.getTime() > gap;
}

const isoDate = (v: string | Date | null) =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

export function presentDataset(u: Urls, r: DatasetWithDistributions, now: Date): DatasetView {
  const uri = datasetUri(u, r.slug);
  return {
    id: r.id,
    slug: r.slug,
    uri,
    source: r.source,
    providerId: r.provider_id,
    title: { de: r.title_de, en: r.title_en },
    description: { de: r.description_de, en: r.description_en },
    keywords: r.keywords,
    themes: r.themes,
    bbox: r.bbox,
    temporal: { start: isoDate(r.temporal_start), end: isoDate(r.temporal_end) },
    accrualPeriodicity: r.accrual_periodicity,
    landingPage: r.landing_page,
    licence: r.licence,
    licenceUri: licence(r.licence),
    attributionText: r.attribution_text,
    issued: r.issued.toISOString(),
    modified: r.modified.toISOString(),
    governance: {
      owningOffice: r.owning_office,
      dataSteward: r.data_steward,
      qualityNotes: r.quality_notes,
      sourceSystem: r.source_system,
      promisedFrequency: r.promised_frequency,
      visibility: r.visibility,
      overdue: isOverdue(r, now),
      withdrawn: r.withdrawn,
    },
    distributions: r.distributions.map((d) => ({
      id: d.id,
      key: d.key,
      uri: `${uri}/distributions/${d.key}`,
      title: { de: d.title_de, en: d.title_en },
      url: d.url,
      downloadUrl: `${u.publicUrl}/api/opendata/distributions/${d.id}/download`,
      format: d.format,
      mediaType: d.media_type,
      isService: d.is_service,
      serviceUri: d.is_service ? `${uri}/services/${d.key}` : null,
      endpointDescription: d.endpoint_description,
      conformsTo: d.conforms_to,
    })),
  };
}
