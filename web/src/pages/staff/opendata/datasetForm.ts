/**
 * The dataset form's state and its translation to and from the API: a loaded dataset as the form
 * (edit page), the `dataset` and `governance` objects of POST and PATCH /api/opendata/datasets (or,
 * with a file, the multipart fields of …/from-file), and the server's field paths
 * (`body.dataset.title.de`, `body.distributions.0.url`) back to input keys.
 */
import { ApiError } from '../../../api/client';
import type { SubmitState } from '../../../lib/useSubmit';
import { textOrNull } from '../shared/formValues';
import { isUploadedFile, type StaffDataset } from './types';

export interface UrlDistribution {
  url: string;
  titleDe: string;
  titleEn: string;
  format: string;
  /** Kept from a loaded distribution whose format the form does not list (URL_FORMATS). */
  mediaType?: string;
}

export interface DatasetForm {
  name: string;
  titleDe: string;
  titleEn: string;
  descriptionDe: string;
  descriptionEn: string;
  licence: string;
  attributionText: string;
  themes: string[];
  keywords: string;
  accrualPeriodicity: string;
  temporalStart: string;
  temporalEnd: string;
  landingPage: string;
  owningOffice: string;
  dataSteward: string;
  sourceSystem: string;
  qualityNotes: string;
  promisedFrequency: string;
  visibility: 'public' | 'internal';
  fileTitleDe: string;
  fileTitleEn: string;
  urls: UrlDistribution[];
}

/** Formats staff may give a URL distribution, with the media type sent along (the server checks the code). */
export const URL_FORMATS: Record<string, string> = {
  CSV: 'text/csv',
  JSON: 'application/json',
  GEOJSON: 'application/geo+json',
  XML: 'application/xml',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
  HTML: 'text/html',
  ZIP: 'application/zip',
};

export const emptyUrl = (): UrlDistribution => ({ url: '', titleDe: '', titleEn: '', format: 'CSV' });

export const emptyDatasetForm = (): DatasetForm => ({
  name: '',
  titleDe: '',
  titleEn: '',
  descriptionDe: '',
  descriptionEn: '',
  licence: 'dl-by-de/2.0',
  attributionText: '',
  themes: [],
  keywords: '',
  accrualPeriodicity: 'IRREG',
  temporalStart: '',
  temporalEnd: '',
  landingPage: '',
  owningOffice: '',
  dataSteward: '',
  sourceSystem: '',
  qualityNotes: '',
  promisedFrequency: '',
  visibility: 'public',
  fileTitleDe: '',
  fileTitleEn: '',
  urls: [],
});

/** A loaded dataset as the form: the URL distributions only, since uploaded files are kept by the server. */
export function formFromDataset(d: StaffDataset): DatasetForm {
  const g = d.governance;
  return {
    ...emptyDatasetForm(),
    titleDe: d.title.de,
    titleEn: d.title.en,
    descriptionDe: d.description.de,
    descriptionEn: d.description.en,
    licence: d.licence,
    attributionText: d.attributionText,
    themes: d.themes,
    keywords: d.keywords.join(', '),
    accrualPeriodicity: d.accrualPeriodicity,
    temporalStart: d.temporal.start ?? '',
    temporalEnd: d.temporal.end ?? '',
    landingPage: d.landingPage ?? '',
    owningOffice: g.owningOffice ?? '',
    dataSteward: g.dataSteward ?? '',
    sourceSystem: g.sourceSystem ?? '',
    qualityNotes: g.qualityNotes ?? '',
    promisedFrequency: g.promisedFrequency ?? '',
    visibility: g.visibility === 'internal' ? 'internal' : 'public',
    urls: d.distributions
      .filter((x) => !isUploadedFile(x))
      .map((x) => ({ url: x.url, titleDe: x.title.de, titleEn: x.title.en, format: x.format, mediaType: x.mediaType })),
  };
}

/** Only what was filled in: an empty optional field is left to the server's default. */
export function datasetBody(f: DatasetForm) {
  const temporal = {
    ...(f.temporalStart ? { start: f.temporalStart } : {}),
    ...(f.temporalEnd ? { end: f.temporalEnd } : {}),
  };
  const dataset = {
    ...(f.name.trim() ? { name: f.name.trim() } : {}),
    title: { de: f.titleDe.trim(), en: f.titleEn.trim() },
    description: { de: f.descriptionDe.trim(), en: f.descriptionEn.trim() },
    licence: f.licence,
    ...(f.attributionText.trim() ? { attributionText: f.attributionText.trim() } : {}),
    themes: f.themes,
    keywords: f.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    accrualPeriodicity: f.accrualPeriodicity,
    ...(Object.keys(temporal).length ? { temporal } : {}),
    ...(f.landingPage.trim() ? { landingPage: f.landingPage.trim() } : {}),
    distributions: f.urls.map((u) => ({
      title: { de: u.titleDe.trim(), en: u.titleEn.trim() },
      url: u.url.trim(),
      format: u.format,
      mediaType: URL_FORMATS[u.format] ?? u.mediaType ?? 'application/octet-stream',
    })),
  };
  const governance = {
    owningOffice: textOrNull(f.owningOffice),
    dataSteward: textOrNull(f.dataSteward),
    sourceSystem: textOrNull(f.sourceSystem),
    qualityNotes: textOrNull(f.qualityNotes),
    promisedFrequency: f.promisedFrequency || null,
    visibility: f.visibility,
  };
  return { dataset, governance };
}

/** The multipart body of …/from-file: the JSON parts as text beside the file. */
export function datasetFormData(f: DatasetForm, file: File): FormData {
  const { dataset, governance } = datasetBody(f);
  const data = new FormData();
  data.set('dataset', JSON.stringify(dataset));
  data.set('governance', JSON.stringify(governance));
  if (f.fileTitleDe.trim() && f.fileTitleEn.trim()) {
    data.set('fileTitleDe', f.fileTitleDe.trim());
    data.set('fileTitleEn', f.fileTitleEn.trim());
  }
  data.set('file', file);
  return data;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A server field path as the form's input key: `body.dataset.title.de` → `titleDe`,
 * `body.themes.2` → `themes`, `body.distributions.0.title.en` → `url-0-titleEn`, `body.distributions` → `distributions`.
 */
export function inputKey(field: string): string {
  const parts = field
    .replace(/^body\./, '')
    .replace(/^(dataset|governance)\./, '')
    .split('.');
  if (parts[0] === 'distributions' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const rest = parts.slice(2);
    const prop = rest.length ? rest[0]! + rest.slice(1).map(cap).join('') : 'url';
    return `url-${parts[1]}-${prop}`;
  }
  const named = parts.filter((p) => !/^\d+$/.test(p));
  return named[0]! + named.slice(1).map(cap).join('');
}

/** The problem's field errors keyed by input, several messages for one input joined. */
export function fieldErrorsByInput(errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = inputKey(e.field);
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return out;
}

/**
 * Runs a dataset write; a problem's field errors land at the form's inputs (mapped by `inputKey`,
 * since the generic mapping would name only `dataset` or `governance`). Resolves to true on success.
 */
export async function submitDataset(submit: SubmitState, write: () => Promise<unknown>): Promise<boolean> {
  let failure: ApiError | null = null;
  const ok = await submit.run(async () => {
    try {
      await write();
    } catch (err) {
      if (err instanceof ApiError) failure = err;
      throw err;
    }
  });
  const problem = (failure as ApiError | null)?.problem;
  if (!ok && problem?.errors?.length) submit.setFieldErrors(fieldErrorsByInput(problem.errors));
  return ok;
}
