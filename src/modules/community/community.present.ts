/** Database rows → the API's shapes (README "HTTP API"). Internal contact only when the caller may see it. */
import { TIME_ZONE, type Point } from './community.model.js';
import type { EventRow, NoticeRow, OrganisationRow } from './community.repository.js';

/** Pages of the web app the feeds and JSON-LD link to. */
export const webPaths = {
  organisation: (slug: string) => `/vereine/${encodeURIComponent(slug)}`,
  event: (id: number) => `/vereine/veranstaltungen/${id}`,
  /** A logo or event image (same origin); `/thumb` after it: the thumbnail. */
  image: (id: number) => `/api/community/images/${id}`,
};

/** Pages of the web app at /vereine/<word>, which an organisation's slug must not shadow. */
export const RESERVED_SLUGS: readonly string[] = ['einladung', 'registrieren'];

const location = (lat: number | null, lon: number | null): Point | null => (lat === null || lon === null ? null : { lat, lon });

export function presentOrganisation(o: OrganisationRow, internals: boolean) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    category: o.category,
    description: o.description,
    district: o.district,
    address: o.address,
    location: location(o.lat, o.lon),
    publicContact: o.public_contact,
    openingTimes: o.opening_times,
    accessibility: o.accessibility,
    membershipFees: o.membership_fees,
    languages: o.languages,
    logoImageId: o.logo_image_id,
    links: o.links,
    verified: o.verified,
    demo: o.demo,
    updatedAt: o.updated_at.toISOString(),
    ...(internals ? { internalContact: o.internal_contact } : {}),
  };
}
export type PublicOrganisation = ReturnType<typeof presentOrganisation>;

export function presentEvent(e: EventRow) {
  return {
    id: e.id,
    organisationId: e.organisation_id,
    organisation: { id: e.organisation_id, slug: e.org_slug, name: e.org_name },
    title: e.title,
    description: e.description,
    startsAt: e.starts_at.toISOString(),
    endsAt: e.ends_at.toISOString(),
    timeZone: TIME_ZONE,
    rrule: e.rrule,
    exdates: e.exdates.map((d) => new Date(d).toISOString()),
    venue: {
      organisationId: e.venue_organisation_id,
      name: e.venue_organisation_id ? (e.v_name ?? '') : e.venue_name,
      address: e.venue_organisation_id ? (e.v_address ?? '') : e.venue_address,
      district: e.venue_district ?? (e.venue_organisation_id ? e.v_district : null),
      location: location(e.lat, e.lon),
    },
    categories: e.categories,
    audience: e.audience,
    price: e.price,
    free: e.free,
    accessibility: e.accessibility,
    accessibleVenue: e.accessible_venue,
    registrationUrl: e.registration_url,
    images: e.images.map((i) => ({ ...i, url: webPaths.image(i.id), thumbUrl: `${webPaths.image(i.id)}/thumb` })),
    status: e.status,
    moderation: e.moderation,
    demo: e.demo,
    updatedAt: e.updated_at.toISOString(),
  };
}
export type PublicEvent = ReturnType<typeof presentEvent>;

export function presentNotice(n: NoticeRow) {
  return {
    id: n.id,
    organisation: { id: n.organisation_id, slug: n.org_slug, name: n.org_name },
    kind: n.kind,
    title: n.title,
    body: n.body,
    contact: n.contact,
    expiresOn: n.expires_text,
    createdAt: n.created_at.toISOString(),
    updatedAt: n.updated_at.toISOString(),
  };
}
