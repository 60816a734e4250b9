/** The two views of event dates: a plain list, and the calendar — the same dates grouped by Berlin day. */
import { useId } from 'react';
import { berlinDay, berlinDayKey, OccurrenceItem } from './shared';
import type { Occurrence } from './types';

export function EventList({ items }: { items: readonly Occurrence[] }) {
  if (!items.length) return null;
  return (
    <ul className="community-events">
      {items.map((item) => (
        <OccurrenceItem key={`${item.id}-${item.occurrenceStart}`} item={item} />
      ))}
    </ul>
  );
}

/** One heading per day (the rows arrive sorted by start), so the agenda can be walked by headings. */
export function EventAgenda({ items }: { items: readonly Occurrence[] }) {
  const id = useId();
  const days = new Map<string, Occurrence[]>();
  for (const item of items) {
    const key = berlinDayKey(item.occurrenceStart);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  if (!items.length) return null;
  return (
    <ol className="community-days">
      {[...days].map(([key, dayItems]) => (
        <li key={key}>
          <h3 id={`${id}-${key}`}>
            <time dateTime={key}>{berlinDay(dayItems[0]!.occurrenceStart)}</time>
          </h3>
          <ul className="community-events" aria-labelledby={`${id}-${key}`}>
            {dayItems.map((item) => (
              <OccurrenceItem key={`${item.id}-${item.occurrenceStart}`} item={item} timeOnly />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
