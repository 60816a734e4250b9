/**
 * Dates and recurrences of events, all in the city's time zone (Europe/Berlin).
 *
 * RRULEs are expanded in local wall-clock time: the rrule library computes on "floating" dates (UTC
 * fields standing for local time), and each result is then turned into the instant of that local time.
 * So a weekly rehearsal at 19:00 stays at 19:00 across the change of daylight saving, as RFC 5545
 * expects for a DTSTART with TZID. Limits (README "Limits"): FREQ DAILY, WEEKLY, MONTHLY or YEARLY,
 * no BYHOUR/BYMINUTE/BYSECOND, COUNT or UNTIL required, at most 1,000 occurrences, all within 2 years
 * of the first start.
 */
import rrule from 'rrule';
import { badRequest } from '../../platform/http/errors.js';
import { localDate, localDayStart, localInstant, localParts } from '../../platform/time.js';
import { LIMITS } from './community.model.js';

const { RRule } = rrule;
const DAY_MS = 86_400_000;
const ALLOWED_FREQ = new Map([
  [RRule.DAILY, 'DAILY'],
  [RRule.WEEKLY, 'WEEKLY'],
  [RRule.MONTHLY, 'MONTHLY'],
  [RRule.YEARLY, 'YEARLY'],
]);

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/;

function validDay(y: number, m: number, d: number): boolean {
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * An input date-time: ISO 8601 with offset (`2026-03-28T19:00:00+01:00`, `…Z`) or local wall-clock time
 * in Europe/Berlin (`2026-03-28T19:00`). Seconds are dropped: events are planned to the minute.
 */
export function parseDateTime(value: string, field: string): Date {
  const m = DATE_TIME.exec(value.trim());
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m?.[i] ?? 0)) as [number, number, number, number, number, number];
  if (!m || !validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) {
    throw badRequest('COMMUNITY_DATE_INVALID', `${field} must be a date and time like 2026-03-28T19:00 (Europe/Berlin) or 2026-03-28T19:00:00+01:00 (got "${value}").`, field);
  }
  if (!m[7]) return localInstant(y, mo, d, h, mi);
  const instant = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${m[7]}`);
  if (Number.isNaN(instant.getTime())) throw badRequest('COMMUNITY_DATE_INVALID', `${field} has an impossible time offset (got "${value}").`, field);
  return instant;
}

/** The start of a local calendar day `YYYY-MM-DD` in Europe/Berlin (years 2000–2100, as event dates). */
export function parseDay(value: string, field: string): Date {
  const start = localDayStart(value);
  const year = Number(value.trim().slice(0, 4));
  if (!start || year < 2000 || year > 2100) {
    throw badRequest('COMMUNITY_DATE_INVALID', `${field} must be a date like 2026-03-28 (got "${value}").`, field);
  }
  return start;
}

/** The local midnight `days` days after the local day of `instant`. */
export function dayStart(instant: Date, days = 0): Date {
  const p = localParts(instant);
  return localInstant(p.year, p.month, p.day + days);
}

/** The "today" and "weekend" presets of the search, as [from, to) instants. */
export function presetRange(preset: 'today' | 'weekend', now: Date): [Date, Date] {
  const today = dayStart(now);
  if (preset === 'today') return [today, dayStart(now, 1)];
  const p = localParts(now);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 Sunday … 6 Saturday
  // Saturday 00:00 up to Monday 00:00: the running weekend from today on, else the coming one.
  const toSaturday = weekday === 0 ? 0 : 6 - weekday;
  const toMonday = weekday === 0 ? 1 : toSaturday + 2;
  return [dayStart(now, toSaturday), dayStart(now, toMonday)];
}

const floating = (instant: Date) => {
  const p = localParts(instant);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
};
const fromFloating = (d: Date) => localInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());

/** `YYYYMMDDTHHMMSS` of an instant in local time (iCalendar DATE-TIME with TZID). */
export function icalLocal(instant: Date): string {
  return floating(instant).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** The first date of a (valid) rule on or after `from`, at the time of `from`: a start that is one of its dates. */
export function firstDateOf(from: Date, rule: string): Date {
  const options = RRule.parseString(rule);
  const first = new RRule({ ...options, dtstart: floating(from), until: null, count: null, tzid: null }).after(floating(from), true);
  return first ? fromFloating(first) : from;
}

export interface Expansion {
  /** The normalised RRULE value (UNTIL in UTC, as RFC 5545 requires with a TZID start), or null. */
  rrule: string | null;
  /** The starts of every occurrence, excluded dates removed. */
  starts: Date[];
  exdates: Date[];
}

/** `2026-11-30 14:00`: a local date and time for messages. */
function localLabel(instant: Date): string {
  const p = localParts(instant);
  return `${localDate(instant)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

const rruleError = (message: string) => badRequest('COMMUNITY_RRULE_INVALID', message, 'body.rrule');

/** Validates a recurrence against the limits and expands it; a single event has one occurrence. */
export function expand(startsAt: Date, rule: string | null | undefined, exdates: Date[]): Expansion {
  const text = rule?.trim().replace(/^RRULE:/i, '') ?? '';
  if (!text) {
    if (exdates.length) throw badRequest('COMMUNITY_EXDATE_INVALID', 'Excluded dates need a recurrence (rrule).', 'body.exdates');
    return { rrule: null, starts: [startsAt], exdates: [] };
  }
  if (/[\r\n]|DTSTART|TZID/i.test(text)) throw rruleError('Send only the RRULE value, e.g. FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T220000Z; the start is startsAt.');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    throw rruleError(`The RRULE is not valid (${(error as Error).message}).`);
  }
  if (options.freq === undefined || !ALLOWED_FREQ.has(options.freq)) {
    throw rruleError('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY: events do not repeat more often than daily.');
  }
  if ([options.byhour, options.byminute, options.bysecond].some((v) => v !== undefined && v !== null)) {
    throw rruleError('BYHOUR, BYMINUTE and BYSECOND are not accepted: an event repeats at the time of startsAt.');
  }
  if (!options.count && !options.until) throw rruleError('A recurrence must end: give COUNT or UNTIL.');
  if (options.count && options.count > LIMITS.maxOccurrences) throw rruleError(`COUNT may be at most ${LIMITS.maxOccurrences}.`);

  // UNTIL: with Z an instant; without, local time; a date alone means the end of that local day.
  let until: Date | undefined;
  if (options.until) {
    const raw = /UNTIL=(\d{8})(T\d{6}(Z?))?/i.exec(text);
    const u = options.until;
    until = raw?.[3]
      ? u
      : raw?.[2]
        ? localInstant(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes())
        : localInstant(u.getUTCFullYear(), u.getUTCMonth() + 1, u.getUTCDate(), 23, 59);
    if (until < startsAt) throw rruleError('UNTIL lies before startsAt.');
  }
  const recurrence = new RRule({ ...options, dtstart: floating(startsAt), until: until ? floating(until) : null, tzid: null });
  const limitDate = startsAt.getTime() + LIMITS.recurrenceDays * DAY_MS;
  const all: Date[] = [];
  let tooLate = false;
  // The callback stops the iteration: an exploding rule costs at most 1,001 steps.
  recurrence.all((d, i) => {
    const start = fromFloating(d);
    if (start.getTime() > limitDate) {
      tooLate = true;
      return false;
    }
    all.push(start);
    return i < LIMITS.maxOccurrences;
  });
  if (tooLate) throw rruleError(`Every occurrence must lie within 2 years of startsAt; end the recurrence earlier (COUNT or UNTIL).`);
  if (all.length > LIMITS.maxOccurrences) throw rruleError(`The recurrence has more than ${LIMITS.maxOccurrences} occurrences.`);
  if (!all.length) throw rruleError('The recurrence has no occurrence.');
  // RFC 5545 counts DTSTART as the first occurrence whether or not the rule yields it, while the rule
  // alone (as here) would not: calendar apps would show a date the pages do not. So the start must be one.
  if (all[0]!.getTime() !== startsAt.getTime()) {
    throw badRequest(
      'COMMUNITY_START_NOT_IN_RECURRENCE',
      `startsAt must be a date of the recurrence, its first one; this rule first falls on ${localLabel(all[0]!)} (Europe/Berlin).`,
      'body.startsAt',
    );
  }

  if (exdates.length > LIMITS.exdates) throw badRequest('COMMUNITY_EXDATE_INVALID', `At most ${LIMITS.exdates} excluded dates.`, 'body.exdates');
  const starts = new Set(all.map((d) => d.getTime()));
  const missing = exdates.find((d) => !starts.has(d.getTime()));
  if (missing) {
    throw badRequest('COMMUNITY_EXDATE_INVALID', `${missing.toISOString()} is not an occurrence of the recurrence; an excluded date is the start of an occurrence.`, 'body.exdates');
  }
  const excluded = new Set(exdates.map((d) => d.getTime()));
  const remaining = all.filter((d) => !excluded.has(d.getTime()));
  if (!remaining.length) throw badRequest('COMMUNITY_EXDATE_INVALID', 'Every occurrence is excluded.', 'body.exdates');

  const { dtstart: _dtstart, tzid: _tzid, ...rest } = options;
  const normalised = RRule.optionsToString({ ...rest, ...(until ? { until } : {}) }).replace(/^RRULE:/, '');
  return { rrule: normalised, starts: remaining, exdates: [...new Set(exdates.map((d) => d.getTime()))].sort((a, b) => a - b).map((t) => new Date(t)) };
}
