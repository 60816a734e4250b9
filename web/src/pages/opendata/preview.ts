/**
 * The first rows of a distribution for the dataset page's preview table. CSV is read as a stream and
 * the download cancelled once enough rows arrived (an export may have a million rows); JSON and
 * GeoJSON are read whole, so they are previewed only when no CSV exists.
 */
export interface Preview {
  columns: string[];
  rows: string[][];
}

const cell = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string);

/** RFC 4180 records of the text so far; the last one may be incomplete and is dropped unless `done`. */
export function csvRecords(text: string, delimiter: string, done: boolean): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      record.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(value);
      records.push(record);
      record = [];
      value = '';
    } else value += c;
  }
  if (done && (value || record.length)) records.push([...record, value]);
  return records;
}

async function csvPreview(path: string, limit: number, signal: AbortSignal): Promise<Preview> {
  const res = await fetch(path, { signal, headers: { accept: 'text/csv' } });
  if (!res.ok || !res.body) throw new Error(String(res.status));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let done = false;
  while (!done) {
    const chunk = await reader.read();
    done = chunk.done;
    if (chunk.value) text += decoder.decode(chunk.value, { stream: true });
    if (text.split('\n').length > limit + 2) break;
  }
  if (!done) await reader.cancel();
  text = text.replace(/^\uFEFF/, '');
  const header = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  const [columns = [], ...rows] = csvRecords(text, delimiter, done);
  return { columns, rows: rows.slice(0, limit) };
}

export interface GeoFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

function tableOf(items: Record<string, unknown>[], limit: number): Preview {
  const columns = [...new Set(items.slice(0, limit).flatMap((o) => Object.keys(o)))];
  return { columns, rows: items.slice(0, limit).map((o) => columns.map((c) => cell(o[c]))) };
}

async function jsonPreview(path: string, limit: number, signal: AbortSignal): Promise<Preview> {
  const res = await fetch(path, { signal });
  if (!res.ok) throw new Error(String(res.status));
  const doc = (await res.json()) as unknown;
  if (doc && typeof doc === 'object' && (doc as { type?: string }).type === 'FeatureCollection')
    return tableOf(
      ((doc as { features: GeoFeature[] }).features ?? []).map((f) => f.properties ?? {}),
      limit,
    );
  const items = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? [doc] : [];
  return tableOf(
    items.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null),
    limit,
  );
}

export function loadPreview(path: string, format: string, limit: number, signal: AbortSignal): Promise<Preview> {
  return format === 'CSV' ? csvPreview(path, limit, signal) : jsonPreview(path, limit, signal);
}

/** Point features of a GeoJSON document (others are listed in the table only). */
export async function loadPoints(path: string, signal: AbortSignal, max = 2000) {
  const res = await fetch(path, { signal });
  if (!res.ok) throw new Error(String(res.status));
  const doc = (await res.json()) as { features?: GeoFeature[] };
  return (doc.features ?? [])
    .filter((f) => f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates))
    .slice(0, max)
    .map((f, i) => {
      const [lng, lat] = f.geometry!.coordinates as number[];
      const props = f.properties ?? {};
      const name = ['name', 'title', 'uid', 'id'].map((k) => props[k]).find((v) => v !== undefined && v !== null);
      return { id: String(i), label: name === undefined ? `#${i + 1}` : cell(name), lng: lng!, lat: lat! };
    });
}
