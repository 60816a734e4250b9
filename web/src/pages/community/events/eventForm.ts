/**
 * The event editor's text state ↔ the body of POST /api/community/events and PUT …/:id (the whole
 * event). Times are Berlin wall-clock times `YYYY-MM-DDTHH:mm`, which the API takes as they are; the
 * recurrence builder writes an RRULE value and reads back the rules it can show (anything else
 * opens as a raw rule). Excluded dates are kept as days: an occurrence starts at the time of the
 * first start on its day, so the day and that time name it.
 */
import { numberOrText } from '../../staff/shared/formValues';
import type { Prepared } from '../../staff/shared/useRecordForm';
import { berlinDayKey, TIME_ZONE } from '../shared';
import type { CommunityEvent } from '../types';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type RepeatMode = 'none' | 'daily' | 'weekly' | 'monthly' | 'custom';
export const REPEAT_MODES: readonly RepeatMode[] = ['none', 'daily', 'weekly', 'monthly', 'custom'];

export interface RecurrenceForm {
  mode: RepeatMode;
  interval: string;
  weekdays: Weekday[];
  /** Monthly on the start's day of the month, or on its weekday ("the 2nd Tuesday"). */
  monthly: 'day' | 'weekday';
  end: 'until' | 'count';
  /** YYYY-MM-DD, the last day. */
  until: string;
  count: string;
  /** The raw RRULE value of the advanced mode. */
  custom: string;
}

export type VenueKind = 'own' | 'organisation' | 'place';

export interface EventForm {
  title: string;
  description: string;
  /** YYYY-MM-DDTHH:mm in Europe/Berlin. */
  startsAt: string;
  endsAt: string;
  recurrence: RecurrenceForm;
  /** Days (YYYY-MM-DD) whose occurrence is left out. */
  exdates: string[];
  venueKind: VenueKind;
  venueOrganisationId: string;
  venueName: string;
  venueAddress: string;
  venueDistrict: string;
  venueLat: string;
  venueLon: string;
  categories: string[];
  audience: string;
  price: string;
  free: boolean;
  accessibility: string;
  accessibleVenue: boolean;
  registrationUrl: string;
  status: 'scheduled' | 'cancelled';
}

const emptyRecurrence = (): RecurrenceForm => ({
  mode: 'none',
  interval: '1',
  weekdays: [],
  monthly: 'day',
  end: 'count',
  until: '',
  count: '10',
  custom: '',
});

export const emptyEventForm = (): EventForm => ({
  title: '',
  description: '',
  startsAt: '',
  endsAt: '',
  recurrence: emptyRecurrence(),
  exdates: [],
  venueKind: 'own',
  venueOrganisationId: '',
  venueName: '',
  venueAddress: '',
  venueDistrict: '',
  venueLat: '',
  venueLon: '',
  categories: [],
  audience: '',
  price: '',
  free: false,
  accessibility: '',
  accessibleVenue: false,
  registrationUrl: '',
  status: 'scheduled',
});

/** An instant as the Berlin wall-clock time of a datetime-local input. */
export function berlinInput(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

const LOCAL_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** The weekday of a local day (YYYY-MM-DD…), or undefined while the start is not filled in. */
export function weekdayOf(local: string): Weekday | undefined {
  const m = LOCAL_DAY.exec(local);
  if (!m) return undefined;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return WEEKDAYS[(day + 6) % 7];
}

/** Which of its weekday in the month a day is: 1–4, or -1 for the last (the 29th and later). */
export function weekOfMonth(local: string): number | undefined {
  const m = LOCAL_DAY.exec(local);
  if (!m) return undefined;
  const n = Math.ceil(Number(m[3]) / 7);
  return n > 4 ? -1 : n;
}

const FREQ: Record<string, RepeatMode> = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly' };

/** The builder's view of a stored rule; a rule it cannot show opens in the advanced mode. */
export function parseRule(rule: string | null, startLocal: string): RecurrenceForm {
  const base = emptyRecurrence();
  if (!rule) return base;
  const custom = { ...base, mode: 'custom' as const, custom: rule };
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const mode = FREQ[parts.get('FREQ') ?? ''];
  const known = ['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL'];
  if (!mode || [...parts.keys()].some((k) => !known.includes(k))) return custom;
  const form: RecurrenceForm = { ...base, mode, interval: parts.get('INTERVAL') ?? '1' };

  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count && !until) Object.assign(form, { end: 'count', count });
  else if (until && !count) {
    // The API answers UNTIL as a UTC instant (RFC 5545 with a TZID start); the builder shows its Berlin day.
    const u = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until);
    if (!u) return custom;
    const day = u[7]
      ? berlinDayKey(new Date(Date.UTC(+u[1]!, +u[2]! - 1, +u[3]!, +u[4]!, +u[5]!, +u[6]!)).toISOString())
      : `${u[1]}-${u[2]}-${u[3]}`;
    Object.assign(form, { end: 'until', until: day, count: base.count });
  } else return custom;

  const byday = parts.get('BYDAY');
  if (mode === 'daily' && byday) return custom;
  if (mode === 'weekly') {
    const days = (byday ?? weekdayOf(startLocal) ?? '').split(',').filter(Boolean);
    if (!days.length || days.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) return custom;
    form.weekdays = days as Weekday[];
  }
  if (mode === 'monthly' && byday) {
    const m = /^([+-]?\d)([A-Z]{2})$/.exec(byday);
    if (!m || Number(m[1]) !== weekOfMonth(startLocal) || m[2] !== weekdayOf(startLocal)) return custom;
    form.monthly = 'weekday';
  }
  return form;
}

export interface RuleProblem {
  /** The form's error key (`rrule.interval`, …). */
  field: string;
  /** The i18n key of the message under `community.eventEditor.problem`. */
  problem: string;
}

const POSITIVE = /^\s*[1-9]\d*\s*$/;

/** The RRULE value of the builder (null: a single event), or what is missing for one. */
export function buildRule(r: RecurrenceForm, startLocal: string): { rule: string | null } | RuleProblem {
  if (r.mode === 'none') return { rule: null };
  if (r.mode === 'custom') return r.custom.trim() ? { rule: r.custom.trim() } : { field: 'rrule', problem: 'customMissing' };
  if (!POSITIVE.test(r.interval)) return { field: 'rrule.interval', problem: 'interval' };
  const parts = [`FREQ=${r.mode.toUpperCase()}`];
  const interval = Number(r.interval);
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (r.mode === 'weekly') {
    if (!r.weekdays.length) return { field: 'rrule.weekdays', problem: 'weekdays' };
    // The start is the first date (RFC 5545), so its weekday is one of the series.
    const startDay = weekdayOf(startLocal);
    if (startDay && !r.weekdays.includes(startDay)) return { field: 'rrule.weekdays', problem: 'startWeekday' };
    parts.push(`BYDAY=${WEEKDAYS.filter((d) => r.weekdays.includes(d)).join(',')}`);
  }
  if (r.mode === 'monthly' && r.monthly === 'weekday') {
    const n = weekOfMonth(startLocal);
    const day = weekdayOf(startLocal);
    if (n === undefined || !day) return { field: 'startsAt', problem: 'startFirst' };
    parts.push(`BYDAY=${n}${day}`);
  }
  if (r.end === 'until') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.until)) return { field: 'rrule.until', problem: 'until' };
    // A date alone: the API ends the series with that Berlin day.
    parts.push(`UNTIL=${r.until.replace(/-/g, '')}`);
  } else {
    if (!POSITIVE.test(r.count)) return { field: 'rrule.count', problem: 'count' };
    parts.push(`COUNT=${Number(r.count)}`);
  }
  return { rule: parts.join(';') };
}

export function eventToForm(e: CommunityEvent): EventForm {
  const startsAt = berlinInput(e.startsAt);
  const venueKind: VenueKind =
    e.venue.organisationId === null ? 'place' : e.venue.organisationId === e.organisationId ? 'own' : 'organisation';
  const place = venueKind === 'place';
  return {
    title: e.title,
    description: e.description,
    startsAt,
    endsAt: berlinInput(e.endsAt),
    recurrence: parseRule(e.rrule, startsAt),
    exdates: e.exdates.map(berlinDayKey),
    venueKind,
    venueOrganisationId: venueKind === 'organisation' ? String(e.venue.organisationId) : '',
    // An organisation's place is its own address; only a place of the event's own is edited here.
    venueName: place ? e.venue.name : '',
    venueAddress: place ? e.venue.address : '',
    venueDistrict: place ? (e.venue.district ?? '') : '',
    venueLat: place && e.venue.location ? String(e.venue.location.lat) : '',
    venueLon: place && e.venue.location ? String(e.venue.location.lon) : '',
    categories: [...e.categories],
    audience: e.audience,
    price: e.price,
    free: e.free,
    accessibility: e.accessibility,
    accessibleVenue: e.accessibleVenue,
    registrationUrl: e.registrationUrl ?? '',
    status: e.status,
  };
}

export interface FormTexts {
  required: (field: 'title' | 'startsAt' | 'endsAt') => string;
  problem: (problem: string) => string;
  coordinatesIncomplete: string;
}

/** The whole event for the API, or the field errors of what can be told before asking it. */
export function formToBody(f: EventForm, organisationId: number, texts: FormTexts): Prepared {
  const missing = (['title', 'startsAt', 'endsAt'] as const).filter((k) => !f[k].trim());
  if (missing.length) return { fieldErrors: Object.fromEntries(missing.map((k) => [k, texts.required(k)])) };
  const built = buildRule(f.recurrence, f.startsAt);
  if ('problem' in built) return { fieldErrors: { [built.field]: texts.problem(built.problem) } };
  if (f.venueKind === 'organisation' && !f.venueOrganisationId)
    return { fieldErrors: { 'venue.organisationId': texts.problem('venueOrganisation') } };
  const lat = f.venueLat.trim();
  const lon = f.venueLon.trim();
  if (f.venueKind === 'place' && Boolean(lat) !== Boolean(lon)) {
    return { fieldErrors: { [lat ? 'venue.location.lon' : 'venue.location.lat']: texts.coordinatesIncomplete } };
  }
  const startTime = f.startsAt.slice(10); // "THH:mm"
  const venue =
    f.venueKind === 'own'
      ? { organisationId }
      : f.venueKind === 'organisation'
        ? { organisationId: Number(f.venueOrganisationId) }
        : {
            organisationId: null,
            name: f.venueName.trim(),
            address: f.venueAddress.trim(),
            district: f.venueDistrict || null,
            // A text that is no number goes as it is, so the server's error names the input.
            location: lat ? { lat: numberOrText(lat), lon: numberOrText(lon) } : null,
          };
  return {
    body: {
      organisationId,
      title: f.title.trim(),
      description: f.description.trim(),
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      rrule: built.rule,
      exdates: built.rule ? f.exdates.map((day) => `${day}${startTime}`) : [],
      venue,
      categories: f.categories,
      audience: f.audience.trim(),
      price: f.price.trim(),
      free: f.free,
      accessibility: f.accessibility.trim(),
      accessibleVenue: f.accessibleVenue,
      registrationUrl: f.registrationUrl.trim() || null,
      status: f.status,
    },
  };
}
