/** RFC 4180 CSV, streamed. Cells that a spreadsheet would run as a formula are defused with a quote. */
import { Readable } from 'node:stream';

const NEEDS_QUOTES = /[",\r\n;]/;
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = cellText(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly unknown[]): string => values.map(csvCell).join(',') + '\r\n';

/** Streams a header and one line per row; rows come from an async source so memory stays flat. */
export function csvStream<T>(header: readonly string[], rows: AsyncIterable<T>, toValues: (row: T) => readonly unknown[]) {
  async function* lines() {
    yield '\uFEFF' + csvLine(header); // BOM: German Excel opens UTF-8 correctly only with it
    for await (const row of rows) yield csvLine(toValues(row));
  }
  return Readable.from(lines());
}
