/**
 * Calendar arithmetic in the city's time zone (Europe/Berlin) with nothing but Intl: local days begin
 * at local midnight, 23 or 25 hours apart at the changes of daylight saving (community event dates
 * and recurrences, the dashboard's time buckets).
 */
export const TIME_ZONE = 'Europe/Berlin';

export interface LocalParts {
  year: number;
  /** 1…12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

export function localParts(instant: Date): LocalParts {
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return { year: Number(p['year']), month: Number(p['month']), day: Number(p['day']), hour: Number(p['hour']), minute: Number(p['minute']) };
}

/** Offset of local time from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetMs(instant: Date): number {
  const m = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value.match(/GMT([+-])(\d\d):(\d\d)/);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/**
 * The instant of a local wall-clock time; day and month may overflow (day 32 is the 1st of the next
 * month), as with Date.UTC. The offset is the one in force at that wall-clock time.
 */
export function localInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(new Date(guess));
  // Near a change of daylight saving the offset at the first estimate can be the other one.
  return new Date(guess - offsetMs(new Date(first)));
}

/** The same local wall-clock time one year earlier (29 February becomes 1 March). */
export function yearEarlier(instant: Date): Date {
  const p = localParts(instant);
  return new Date(localInstant(p.year - 1, p.month, p.day, p.hour, p.minute).getTime() + (instant.getTime() % 60_000));
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date): string {
  const p = localParts(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The start (local midnight) of a calendar day given as `YYYY-MM-DD`, or undefined when it is no real day. */
export function localDayStart(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return localInstant(y, mo, d);
}
