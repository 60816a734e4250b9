/**
 * Reading and writing tables: RFC 4180 CSV (comma or semicolon, as German Excel writes it) and XLSX
 * (pure-JS read-excel-file / write-excel-file). Every file becomes a header plus rows of strings, so
 * the import rules see one shape whatever the format.
 */
import { readSheet } from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { csvLine } from '../../platform/http/csv.js';
import { badRequest } from '../../platform/http/errors.js';

export type TableFormat = 'csv' | 'xlsx';

export interface Table {
  header: string[];
  /** rows[i] is file row i + 2 (row 1 is the header). */
  rows: string[][];
}

/** Parses CSV text; the delimiter (',' or ';') is the one that splits the header line. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The file name decides (Windows sends CSV files as application/vnd.ms-excel); else the content type. */
export function detectFormat(name: string, contentType?: string): TableFormat {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.xlsx$/i.test(name) || /spreadsheetml/i.test(contentType ?? '')) return 'xlsx';
  return 'csv';
}

/** Reads a CSV or XLSX file (first sheet) into header + string rows; an unreadable file is a 400. */
export async function readTable(data: Buffer, format: TableFormat, field = 'body'): Promise<Table> {
  let raw: string[][];
  if (format === 'xlsx') {
    try {
      raw = (await readSheet(data)).map((r) => r.map(cellString));
    } catch {
      throw badRequest('CATALOG_FILE_UNREADABLE', 'The file is not a readable XLSX workbook.', field);
    }
  } else {
    raw = parseCsv(data.toString('utf8'));
  }
  raw = raw.filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...rows] = raw;
  if (!header) throw badRequest('CATALOG_FILE_EMPTY', 'The file has no header row.', field);
  return { header: header.map((h) => h.trim()), rows };
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return '\uFEFF' + csvLine(header) + rows.map((r) => csvLine(r)).join('');
}

export async function toXlsx(header: readonly string[], rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const data = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...rows.map((r) =>
      r.map((v) =>
        typeof v === 'number'
          ? { value: v }
          : typeof v === 'boolean'
            ? { value: v }
            : { value: v === null || v === undefined ? null : cellString(v) },
      ),
    ),
  ];
  return writeExcelFile(data as unknown as Parameters<typeof writeExcelFile>[0]).toBuffer();
}
