/**
 * GET requests arguments of Open311 GeoReport v2 plus the documented extensions, turned into a
 * repository filter. An optional argument sent empty counts as not sent (spec rule).
 */
import { badRequest } from '../../platform/http/errors.js';
import { CLOSED_STATUSES, OPEN_STATUSES, type RequestFilter, type Status } from './reports.repository.js';

export interface RequestsQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
  bbox?: string | undefined;
  q?: string | undefined;
  district?: string | undefined;
  updated_after?: string | undefined;
  updated_before?: string | undefined;
  page?: number | undefined;
  page_size?: number | undefined;
}

const WINDOW_DAYS = 90;
const DAY = 86_400_000;
export const MAX_PAGE_SIZE = 1000;
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const given = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
const list = (v: string | undefined) =>
  given(v)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function date(name: string, v: string | undefined): Date | undefined {
  const s = given(v);
  if (s === undefined) return undefined;
  const d = new Date(s);
  if (!W3C.test(s) || Number.isNaN(d.getTime())) {
    throw badRequest('REPORTS_DATE_INVALID', `${name} must be a W3C datetime with time zone, e.g. 2026-01-31T00:00:00Z (got "${s}").`, `query.${name}`);
  }
  return d;
}

/**
 * Extension `district`: Koblenz Stadtteile by id ("altstadt") or name ("Altstadt"), comma-separated.
 * Names are matched without regard to case, so a link written by hand works too.
 */
export function parseDistricts(v: string | undefined, known: readonly { id: string; name: string }[]): string[] | undefined {
  const wanted = list(v);
  if (!wanted) return undefined;
  return wanted.map((w) => {
    const lower = w.toLowerCase();
    const d = known.find((k) => k.id === w || k.name.toLowerCase() === lower);
    if (!d) throw badRequest('REPORTS_DISTRICT_UNKNOWN', `Unknown district "${w}". Known: ${known.map((k) => k.id).join(', ')}.`, 'query.district');
    return d.id;
  });
}

export function parseRequestsQuery(
  q: RequestsQuery,
  now: Date,
  knownCodes: readonly string[],
  knownDistricts: readonly { id: string; name: string }[] = [],
): Omit<RequestFilter, 'publicOnly'> {
  const pageSize = q.page_size ?? MAX_PAGE_SIZE;
  const paging = { limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize };
  const ids = list(q.service_request_id);
  if (ids) {
    if (ids.length > MAX_PAGE_SIZE) throw badRequest('REPORTS_TOO_MANY_IDS', `At most ${MAX_PAGE_SIZE} ids at once.`, 'query.service_request_id');
    return { ids, ...paging };
  }
  const codes = list(q.service_code);
  const unknown = codes?.filter((c) => !knownCodes.includes(c)) ?? [];
  if (unknown.length) throw badRequest('REPORTS_SERVICE_CODE_UNKNOWN', `Unknown service_code: ${unknown.join(', ')}.`, 'query.service_code');

  let statuses: readonly Status[] | undefined;
  const wanted = list(q.status);
  if (wanted) {
    const bad = wanted.filter((s) => s !== 'open' && s !== 'closed');
    if (bad.length) throw badRequest('REPORTS_STATUS_INVALID', `status must be "open", "closed" or both (got "${bad.join(', ')}").`, 'query.status');
    if (!(wanted.includes('open') && wanted.includes('closed'))) statuses = wanted.includes('open') ? OPEN_STATUSES : CLOSED_STATUSES;
  }

  const districts = parseDistricts(q.district, knownDistricts);

  let start = date('start_date', q.start_date);
  let end = date('end_date', q.end_date);
  const updatedAfter = date('updated_after', q.updated_after);
  const updatedBefore = date('updated_before', q.updated_before);
  if (start && end && start > end) throw badRequest('REPORTS_DATE_RANGE', 'start_date must be before end_date.', 'query.start_date');
  if (start && end && end.getTime() - start.getTime() > WINDOW_DAYS * DAY) {
    throw badRequest('REPORTS_DATE_RANGE', `start_date and end_date may be at most ${WINDOW_DAYS} days apart.`, 'query.end_date');
  }
  // The spec's default window is the last 90 days. Synchronising clients that ask by update time
  // (extension) get every request changed in that span, whenever it was first reported.
  if (!updatedAfter && !updatedBefore) {
    if (start && !end) end = new Date(start.getTime() + WINDOW_DAYS * DAY);
    else if (end && !start) start = new Date(end.getTime() - WINDOW_DAYS * DAY);
    else if (!start && !end) {
      end = now;
      start = new Date(now.getTime() - WINDOW_DAYS * DAY);
    }
  }

  let bbox: [number, number, number, number] | undefined;
  const b = given(q.bbox);
  if (b) {
    const parts = b.split(',').map((x) => Number(x.trim()));
    const [w, s, e, n] = parts;
    if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x)) || w! >= e! || s! >= n! || s! < -90 || n! > 90) {
      throw badRequest('REPORTS_BBOX_INVALID', 'bbox must be "minLong,minLat,maxLong,maxLat" in WGS84 degrees, e.g. 7.55,50.33,7.65,50.38.', 'query.bbox');
    }
    bbox = [w!, s!, e!, n!];
  }

  return {
    serviceCodes: codes,
    statuses,
    requestedFrom: start,
    requestedTo: end,
    updatedAfter,
    updatedBefore,
    bbox,
    q: given(q.q),
    districts,
    ...paging,
  };
}
