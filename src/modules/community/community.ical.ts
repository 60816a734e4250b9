/**
 * iCalendar (RFC 5545) feeds of events: one VTIMEZONE for Europe/Berlin, local DTSTART/DTEND with
 * TZID, RRULE and EXDATE as stored (UNTIL already in UTC), STATUS:CANCELLED for cancelled events,
 * TEXT escaping (§3.3.11) and line folding at 75 octets without splitting a UTF-8 character (§3.1).
 */
import { TIME_ZONE } from './community.model.js';
import { webPaths } from './community.present.js';
import { icalLocal } from './community.recurrence.js';
import type { EventRow } from './community.repository.js';

// Europe/Berlin since 1996 (EU rules): last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export const escapeText = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (d: Date) => d.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');

export interface FeedOptions {
  publicUrl: string;
  name: string;
}

function eventLines(e: EventRow, publicUrl: string, host: string): string[] {
  const venue = e.venue_organisation_id ? [e.v_name, e.v_address] : [e.venue_name, e.venue_address];
  const location = venue.filter(Boolean).join(', ');
  const description = [e.description, e.price && `Preis: ${e.price}`, e.accessibility && `Barrierefreiheit: ${e.accessibility}`, e.registration_url && `Anmeldung: ${e.registration_url}`]
    .filter(Boolean)
    .join('\n\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:community-event-${e.id}@${host}`,
    `DTSTAMP:${utc(e.updated_at)}`,
    `LAST-MODIFIED:${utc(e.updated_at)}`,
    `DTSTART;TZID=${TIME_ZONE}:${icalLocal(e.starts_at)}`,
    `DTEND;TZID=${TIME_ZONE}:${icalLocal(e.ends_at)}`,
  ];
  if (e.rrule) lines.push(`RRULE:${e.rrule}`);
  if (e.rrule && e.exdates.length) lines.push(`EXDATE;TZID=${TIME_ZONE}:${e.exdates.map((d) => icalLocal(new Date(d))).join(',')}`);
  lines.push(`SUMMARY:${escapeText(e.title)}`);
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (e.lat !== null && e.lon !== null) lines.push(`GEO:${e.lat.toFixed(6)};${e.lon.toFixed(6)}`);
  if (e.categories.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  lines.push(`STATUS:${e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`);
  lines.push(`URL:${publicUrl}${webPaths.event(e.id)}`);
  lines.push(`X-ORGANISATION:${escapeText(e.org_name)}`);
  lines.push('END:VEVENT');
  return lines;
}

export function icalFeed(events: readonly EventRow[], options: FeedOptions): string {
  const host = new URL(options.publicUrl).hostname;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Confluentes//Community events//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
  ];
  for (const e of events) lines.push(...eventLines(e, options.publicUrl, host));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
