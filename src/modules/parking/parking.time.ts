/** Local time in Koblenz for hour-of-week statistics: occupancy follows the clock on the wall, not UTC. */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface LocalTime {
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localTime(at: Date): LocalTime {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    weekday: WEEKDAYS.indexOf(p['weekday'] ?? 'Mon'),
    year: Number(p['year']),
    month: Number(p['month']),
    day: Number(p['day']),
    hour: Number(p['hour']),
    minute: Number(p['minute']),
  };
}

/** 0 = Monday 00:00–00:59 … 167 = Sunday 23:00–23:59, local time. */
export const hourOfWeek = (at: Date): number => {
  const l = localTime(at);
  return l.weekday * 24 + l.hour;
};
