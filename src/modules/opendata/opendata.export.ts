/**
 * CSV, JSON and GeoJSON of a DatasetTable, written batch by batch: an export holds one batch of rows
 * in memory, however large the table (1 million observations stream with flat memory, see
 * docs/benchmarks/opendata.md). One string chunk per batch keeps the per-row cost to string building.
 */
import { Readable } from 'node:stream';
import type { DatasetTable } from '../../platform/contracts.js';
import { csvLine } from '../../platform/http/csv.js';

export const EXPORT_FORMATS = {
  csv: { mediaType: 'text/csv', format: 'CSV', title: { de: 'CSV', en: 'CSV' } },
  json: { mediaType: 'application/json', format: 'JSON', title: { de: 'JSON', en: 'JSON' } },
  geojson: { mediaType: 'application/geo+json', format: 'GEOJSON', title: { de: 'GeoJSON', en: 'GeoJSON' } },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The formats a table is offered in: GeoJSON only when its rows are points. */
export const formatsOf = (table: DatasetTable): ExportFormat[] => (table.point ? ['csv', 'json', 'geojson'] : ['csv', 'json']);

const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** RFC 4180 via the platform's CSV lines (comma, CRLF, formula cells defused); BOM for German Excel. */
async function* csvChunks(table: DatasetTable): AsyncGenerator<string> {
  yield '\uFEFF' + csvLine(table.columns);
  for await (const batch of table.batches()) {
    let out = '';
    for (const row of batch) out += csvLine(row);
    yield out;
  }
}

function objectOf(columns: string[], row: unknown[], skip?: Set<number>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) if (!skip?.has(i)) o[columns[i]!] = plain(row[i]) ?? null;
  return o;
}

/** A JSON array of objects keyed by column name. */
async function* jsonChunks(table: DatasetTable): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const batch of table.batches()) {
    let out = '';
    for (const row of batch) {
      out += `${first ? '\n' : ',\n'}${JSON.stringify(objectOf(table.columns, row))}`;
      first = false;
    }
    yield out;
  }
  yield '\n]\n';
}

/** RFC 7946 FeatureCollection of Points; the other columns are the properties. */
async function* geojsonChunks(table: DatasetTable): AsyncGenerator<string> {
  const lon = table.columns.indexOf(table.point?.lon ?? '');
  const lat = table.columns.indexOf(table.point?.lat ?? '');
  const skip = new Set([lon, lat]);
  let first = true;
  yield '{"type":"FeatureCollection","features":[';
  for await (const batch of table.batches()) {
    let out = '';
    for (const row of batch) {
      const x = Number(row[lon]);
      const y = Number(row[lat]);
      const geometry =
        row[lon] === null || row[lat] === null || !Number.isFinite(x) || !Number.isFinite(y)
          ? null
          : { type: 'Point', coordinates: [x, y] };
      out += `${first ? '\n' : ',\n'}${JSON.stringify({ type: 'Feature', geometry, properties: objectOf(table.columns, row, skip) })}`;
      first = false;
    }
    yield out;
  }
  yield '\n]}\n';
}

const WRITERS: Record<ExportFormat, (t: DatasetTable) => AsyncGenerator<string>> = {
  csv: csvChunks,
  json: jsonChunks,
  geojson: geojsonChunks,
};

/** The export as a byte stream (backpressure: the next batch is read when the client has taken the last). */
export function exportStream(table: DatasetTable, format: ExportFormat): Readable {
  return Readable.from(WRITERS[format](table), { objectMode: false });
}

/** Every chunk of an export as strings, for callers that do not go through HTTP (tests, benchmarks). */
export const exportChunks = (table: DatasetTable, format: ExportFormat) => WRITERS[format](table);
