/**
 * Simulated occupancy for the demo, the forecast evaluation and `npm run simulate`. Deterministic
 * (seeded by car park and day) so tests and documented figures are reproducible. Every value made
 * here is labelled simulated wherever it is stored or shown.
 */
import { localTime, type LocalTime } from './parking.time.js';

export type Character = 'shopping' | 'oldtown' | 'riverside' | 'venue' | 'station';
export type DayKind = 'weekday' | 'saturday' | 'sunday' | 'christmas-market' | 'event';

/** Public holidays with fixed dates behave like Sundays (shops closed). */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '10-03', '11-01', '12-25', '12-26']);

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  // weekday: 0 = Monday; returns the day of month
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  const firstMon0 = (first + 6) % 7;
  return 1 + ((weekday - firstMon0 + 7) % 7) + (n - 1) * 7;
}

/**
 * Which kind of day: the Koblenz Christmas market (about 20 November to 22 December), event days
 * (Rhein in Flammen, second Saturday of August; Schängelmarkt, third weekend of September), holidays.
 */
export function dayKind(l: Pick<LocalTime, 'year' | 'month' | 'day' | 'weekday'>): DayKind {
  const md = `${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
  if (FIXED_HOLIDAYS.has(md)) return 'sunday';
  if (l.month === 8 && l.day === nthWeekday(l.year, 8, 5, 2)) return 'event';
  const schaengel = nthWeekday(l.year, 9, 5, 3);
  if (l.month === 9 && l.day >= schaengel - 1 && l.day <= schaengel + 1) return 'event';
  if ((l.month === 11 && l.day >= 20) || (l.month === 12 && l.day <= 22)) return l.weekday === 6 ? 'sunday' : 'christmas-market';
  if (l.weekday === 6) return 'sunday';
  if (l.weekday === 5) return 'saturday';
  return 'weekday';
}

const bump = (h: number, centre: number, width: number) => Math.exp(-((h - centre) ** 2) / (2 * width * width));

/** Mean occupancy rate (0…1) for a kind of car park, kind of day and local hour (fractional). */
export function baseRate(character: Character, kind: DayKind, h: number): number {
  const open = h >= 6 && h < 23 ? 1 : 0.3;
  let r: number;
  switch (kind) {
    case 'weekday':
      r = 0.1 + 0.55 * bump(h, 11.5, 2.5) + 0.5 * bump(h, 16, 2.2);
      break;
    case 'saturday':
      r = 0.1 + 0.85 * bump(h, 13.5, 3);
      break;
    case 'sunday':
      r = 0.08 + 0.25 * bump(h, 15, 3);
      break;
    case 'christmas-market':
      r = 0.12 + 0.55 * bump(h, 12.5, 3) + 0.7 * bump(h, 18.5, 2.2);
      break;
    case 'event':
      r = 0.15 + 0.5 * bump(h, 14, 3) + 0.9 * bump(h, 20.5, 2);
      break;
  }
  const factor: Record<Character, number> = { shopping: 1, oldtown: 0.9, riverside: kind === 'event' || kind === 'sunday' ? 1.3 : 0.75, venue: kind === 'event' ? 1.2 : 0.6, station: 0.8 };
  if (character === 'station') r = 0.2 + 0.6 * bump(h, 12, 4.5) * (kind === 'weekday' ? 1 : 0.5);
  return Math.min(1, Math.max(0, r * factor[character] * (open === 1 ? 1 : 0.8) + (open === 1 ? 0 : 0.02)));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Smooth day-specific noise: a few sine waves with phases drawn from the car park and the date. */
function noise(uid: string, l: LocalTime, h: number): number {
  const seed = hash(`${uid}:${l.year}-${l.month}-${l.day}`);
  let v = 0;
  for (let k = 1; k <= 3; k++) {
    const phase = ((seed >>> (k * 5)) % 628) / 100;
    v += Math.sin((h / 24) * 2 * Math.PI * (k + 1) + phase) / (k + 1);
  }
  const dayLevel = ((seed % 1000) / 1000 - 0.5) * 0.12; // busier and quieter days
  return v * 0.06 + dayLevel;
}

/** Simulated free spaces of a car park at an instant. */
export function simulateFree(site: { uid: string; capacity: number; character: Character }, at: Date): number {
  const l = localTime(at);
  const h = l.hour + l.minute / 60;
  const rate = Math.min(1, Math.max(0, baseRate(site.character, dayKind(l), h) + noise(site.uid, l, h)));
  return Math.max(0, Math.min(site.capacity, Math.round(site.capacity * (1 - rate))));
}

/** Guesses a car park's character from its name (for the demo and the simulator CLI). */
export function characterOf(name: string): Character {
  if (/bahnhof|\bDB\b/i.test(name)) return 'station';
  if (/ufer|eck/i.test(name)) return 'riverside';
  if (/halle/i.test(name)) return 'venue';
  if (/center|forum/i.test(name)) return 'shopping';
  return 'oldtown';
}
