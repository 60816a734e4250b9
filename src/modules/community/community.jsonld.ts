/**
 * schema.org JSON-LD for the public pages: Organization and Event. The serialised text escapes <, >
 * and & as JSON unicode escapes, so the web app can place it verbatim inside
 * <script type="application/ld+json"> without any chance of closing the element.
 */
import type { Actor } from '../../platform/auth/actor.js';
import type { EventRow, OrganisationRow } from './community.repository.js';
import type { CommunityService } from './community.service.js';
import { webPaths } from './community.present.js';

const CONTEXT = 'https://schema.org';

export function organisationJsonLd(o: OrganisationRow, publicUrl: string) {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    '@id': `${publicUrl}${webPaths.organisation(o.slug)}`,
    name: o.name,
    url: o.public_contact.website ?? `${publicUrl}${webPaths.organisation(o.slug)}`,
    ...(o.description ? { description: o.description } : {}),
    ...(o.logo_image_id ? { logo: `${publicUrl}${webPaths.image(o.logo_image_id)}` } : {}),
    ...(o.public_contact.email ? { email: o.public_contact.email } : {}),
    ...(o.public_contact.phone ? { telephone: o.public_contact.phone } : {}),
    ...(o.address ? { address: { '@type': 'PostalAddress', streetAddress: o.address, addressCountry: 'DE' } } : {}),
    ...(o.lat !== null && o.lon !== null ? { location: { '@type': 'Place', geo: { '@type': 'GeoCoordinates', latitude: o.lat, longitude: o.lon } } } : {}),
    ...(o.languages.length ? { knowsLanguage: o.languages } : {}),
    ...(o.links.length ? { sameAs: o.links.map((l) => l.url) } : {}),
  };
}

/** A recurring event is described by one occurrence (the page's next date). */
export function eventJsonLd(e: EventRow, occurrence: { startsAt: Date; endsAt: Date } | undefined, publicUrl: string) {
  const venue = e.venue_organisation_id ? { name: e.v_name ?? '', address: e.v_address ?? '' } : { name: e.venue_name, address: e.venue_address };
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    '@id': `${publicUrl}${webPaths.event(e.id)}`,
    name: e.title,
    url: `${publicUrl}${webPaths.event(e.id)}`,
    ...(e.description ? { description: e.description } : {}),
    startDate: (occurrence?.startsAt ?? e.starts_at).toISOString(),
    endDate: (occurrence?.endsAt ?? e.ends_at).toISOString(),
    eventStatus: e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: venue.name || venue.address,
      ...(venue.address ? { address: { '@type': 'PostalAddress', streetAddress: venue.address, addressCountry: 'DE' } } : {}),
      ...(e.lat !== null && e.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: e.lat, longitude: e.lon } } : {}),
    },
    organizer: { '@type': 'Organization', name: e.org_name, url: `${publicUrl}${webPaths.organisation(e.org_slug)}` },
    ...(e.images.length ? { image: e.images.map((i) => `${publicUrl}${webPaths.image(i.id)}`) } : {}),
    ...(e.audience ? { audience: { '@type': 'Audience', audienceType: e.audience } } : {}),
    isAccessibleForFree: e.free,
    ...(e.price ? { offers: { '@type': 'Offer', description: e.price, ...(e.free ? { price: 0, priceCurrency: 'EUR' } : {}), ...(e.registration_url ? { url: e.registration_url } : {}) } } : {}),
  };
}

/** A visible event's JSON-LD, described by its next date (its last once all are past); 404 when not public. */
export async function visibleEventJsonLd(service: Pick<CommunityService, 'eventWithOccurrences'>, actor: Actor, id: number, now: Date, publicUrl: string) {
  const { row, occurrences } = await service.eventWithOccurrences(actor, id);
  const next = occurrences.find((o) => o.ends_at > now) ?? occurrences.at(-1);
  return { row, jsonLd: eventJsonLd(row, next ? { startsAt: next.starts_at, endsAt: next.ends_at } : undefined, publicUrl) };
}

/** JSON safe to embed in an HTML script element. */
export const embeddableJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
