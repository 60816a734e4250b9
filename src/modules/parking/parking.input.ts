/** Readings from the guidance system's controller: the JSON items and the one-line CSV format. */
import { AppError, type FieldProblem } from '../../platform/http/errors.js';

export const STATUSES = ['open', 'closed', 'full', 'unknown'] as const;
export type SiteStatus = (typeof STATUSES)[number];

export interface ReadingInput {
  uid: string;
  free?: number | undefined;
  occupied?: number | undefined;
  status?: SiteStatus | undefined;
  at?: string | undefined;
}

/**
 * CSV: one reading per line, `uid,free[,status[,timestamp]]` (`;` works as well, as German
 * spreadsheets write it). Empty lines and lines starting with # are ignored.
 */
export function parseCsv(text: string): ReadingInput[] {
  const items: ReadingInput[] = [];
  const problems: FieldProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [uid, free, status, at] = line.split(/[;,]/).map((c) => c.trim());
    const field = `body.line[${i + 1}]`;
    if (!uid || !/^[A-Za-z0-9._:-]{1,100}$/.test(uid)) problems.push({ field, message: 'the first column must be the car park uid' });
    else if (free === undefined || !/^-?\d+$/.test(free)) problems.push({ field, message: 'the second column must be the number of free spaces' });
    else if (status && !(STATUSES as readonly string[]).includes(status)) problems.push({ field, message: `status must be one of ${STATUSES.join(', ')}` });
    else items.push({ uid, free: Number(free), status: (status || undefined) as SiteStatus | undefined, at: at || undefined });
  });
  if (problems.length) throw new AppError('PARKING_CSV_INVALID', `${problems[0]!.field}: ${problems[0]!.message}`, { status: 400, errors: problems });
  if (items.length === 0) throw new AppError('PARKING_CSV_EMPTY', 'The CSV body holds no reading.', { status: 400, field: 'body' });
  return items;
}

export interface CheckedReading {
  uid: string;
  free: number | null;
  status: SiteStatus;
  at: Date;
}

/** Checks one reading against its car park; returns the problem (field + message) or the reading. */
export function checkReading(
  r: ReadingInput,
  site: { capacity: number } | undefined,
  index: number,
  now: Date,
): { ok: CheckedReading } | { problem: FieldProblem & { code: string } } {
  const f = `body.items[${index}]`;
  if (!site) return { problem: { code: 'PARKING_SITE_UNKNOWN', field: `${f}.uid`, message: `there is no car park with uid "${r.uid}"` } };
  let free: number | null = null;
  if (r.free !== undefined) {
    if (!Number.isInteger(r.free) || r.free < 0) return { problem: { code: 'PARKING_FREE_NEGATIVE', field: `${f}.free`, message: `free must be a whole number ≥ 0 (got ${r.free})` } };
    if (r.free > site.capacity) return { problem: { code: 'PARKING_FREE_ABOVE_CAPACITY', field: `${f}.free`, message: `free (${r.free}) is above the capacity (${site.capacity})` } };
    free = r.free;
  } else if (r.occupied !== undefined) {
    if (!Number.isInteger(r.occupied) || r.occupied < 0) return { problem: { code: 'PARKING_OCCUPIED_NEGATIVE', field: `${f}.occupied`, message: `occupied must be a whole number ≥ 0 (got ${r.occupied})` } };
    if (r.occupied > site.capacity) return { problem: { code: 'PARKING_OCCUPIED_ABOVE_CAPACITY', field: `${f}.occupied`, message: `occupied (${r.occupied}) is above the capacity (${site.capacity})` } };
    free = site.capacity - r.occupied;
  } else if (r.status !== 'closed' && r.status !== 'unknown') {
    return { problem: { code: 'PARKING_FREE_MISSING', field: `${f}.free`, message: 'free or occupied is required unless status is closed or unknown' } };
  }
  let at = now;
  if (r.at !== undefined) {
    at = new Date(r.at);
    if (Number.isNaN(at.getTime())) return { problem: { code: 'PARKING_TIME_INVALID', field: `${f}.at`, message: 'at must be an ISO 8601 date-time' } };
    if (at.getTime() > now.getTime() + 5 * 60_000) return { problem: { code: 'PARKING_TIME_IN_FUTURE', field: `${f}.at`, message: 'at lies in the future' } };
  }
  const status: SiteStatus = r.status === 'closed' || r.status === 'unknown' ? r.status : free === 0 ? 'full' : (r.status ?? 'open');
  return { ok: { uid: r.uid, free, status, at } };
}
