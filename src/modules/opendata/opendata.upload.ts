/**
 * Files staff upload as distributions of external datasets, judged by their content (never by name
 * or the browser's media type): UTF-8 text that is a GeoJSON FeatureCollection/Feature, other JSON,
 * or a rectangular CSV (every record as many cells as the header). Anything else is a 400 naming
 * `body.file`, before anything is stored.
 */
import { badRequest } from '../../platform/http/errors.js';

/** Largest upload (bytes): what a browser preview and the database handle comfortably. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface InspectedFile {
  format: 'CSV' | 'JSON' | 'GEOJSON';
  mediaType: string;
  extension: string;
  /** Data rows (CSV), array items (JSON) or features (GeoJSON). */
  records: number;
}

const invalid = (message: string) => badRequest('OPENDATA_FILE_INVALID', message, 'body.file');
const GEOJSON_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function isFeature(f: unknown): boolean {
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') return false;
  const g = (f as { geometry?: unknown }).geometry;
  return g === null || (typeof g === 'object' && GEOJSON_TYPES.has(String((g as { type?: unknown }).type)));
}

function inspectJson(text: string): InspectedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw invalid(`The file looks like JSON but does not parse: ${(e as Error).message}`);
  }
  const type = typeof doc === 'object' && doc !== null ? (doc as { type?: unknown }).type : undefined;
  if (type === 'FeatureCollection') {
    const features = (doc as { features?: unknown }).features;
    if (!Array.isArray(features)) throw invalid('A GeoJSON FeatureCollection needs a "features" array.');
    const bad = features.findIndex((f) => !isFeature(f));
    if (bad >= 0) throw invalid(`GeoJSON feature ${bad} is not a Feature with a geometry (RFC 7946).`);
    return { format: 'GEOJSON', mediaType: 'application/geo+json', extension: 'geojson', records: features.length };
  }
  if (type === 'Feature') {
    if (!isFeature(doc)) throw invalid('The GeoJSON Feature has no valid geometry (RFC 7946).');
    return { format: 'GEOJSON', mediaType: 'application/geo+json', extension: 'geojson', records: 1 };
  }
  return { format: 'JSON', mediaType: 'application/json', extension: 'json', records: Array.isArray(doc) ? doc.length : 1 };
}

/** Cells per record of RFC 4180 text (quotes may hold delimiters and line breaks). */
function recordWidths(text: string, delimiter: string): number[] {
  const widths: number[] = [];
  let cells = 1;
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === delimiter) cells++;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!empty) widths.push(cells);
      cells = 1;
      empty = true;
      continue;
    }
    empty = false;
  }
  if (quoted) throw invalid('The CSV has a quote that is never closed.');
  if (!empty) widths.push(cells);
  return widths;
}

function inspectCsv(text: string): InspectedFile {
  const header = text.slice(0, text.search(/\r|\n|$/));
  // The delimiter is the one the header uses most: comma, semicolon (German Excel) or tab.
  const delimiter = [',', ';', '\t'].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ',');
  const widths = recordWidths(text, delimiter);
  if (widths.length < 2) throw invalid('A CSV file needs a header row and at least one data row.');
  const bad = widths.findIndex((w) => w !== widths[0]);
  if (bad >= 0) throw invalid(`CSV record ${bad + 1} has ${widths[bad]} cells, the header ${widths[0]}.`);
  return { format: 'CSV', mediaType: 'text/csv', extension: 'csv', records: widths.length - 1 };
}

export function inspectUpload(file: Buffer | undefined): InspectedFile {
  if (!file?.length) throw invalid('Send the file (CSV, JSON or GeoJSON) as the multipart field "file".');
  if (file.length > MAX_UPLOAD_BYTES) throw invalid(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw invalid('The file is not UTF-8 text; only CSV, JSON and GeoJSON can be uploaded.');
  }
  if (text.includes('\u0000')) throw invalid('The file contains binary data; only CSV, JSON and GeoJSON can be uploaded.');
  const body = text.replace(/^\uFEFF/, '').trim();
  return body.startsWith('{') || body.startsWith('[') ? inspectJson(body) : inspectCsv(body);
}
