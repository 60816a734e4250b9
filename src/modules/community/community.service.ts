/**
 * Organisations and events: the public reads (only verified organisations, only approved events) and
 * the writes of representatives and the city. Every write is audited in its own transaction, and an
 * event's occurrences are rewritten with it so the search never sees a half-changed event.
 */
import { isDeepStrictEqual } from 'node:util';
import { requireModuleWrite, requireStaff, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { DEFAULT_PHOTO_LIMITS, processPhoto } from '../../platform/images/photos.js';
import { createAccess, isCityEditor, isStaff, MODULE } from './community.access.js';
import { LIMITS, type Category, type InternalContact, type Link, type ModerationState, type PublicContact } from './community.model.js';
import { presentEvent, presentOrganisation, RESERVED_SLUGS } from './community.present.js';
import { dayStart, expand, parseDateTime, parseDay, presetRange } from './community.recurrence.js';
import type { CommunityRepository, EventRow, EventWrite, OrganisationRow, OrganisationWrite } from './community.repository.js';
import { slugify } from '../../platform/text/slug.js';
import { plainLine, plainText } from './community.text.js';

export interface CommunitySettings {
  publicUrl: string;
  cityName: string;
  districts: readonly { id: string; name: string }[];
  /** [west, south, east, north] */
  bbox: readonly [number, number, number, number];
  /** 'events': every event by a representative waits for the city's approval. */
  moderation: 'none' | 'events';
  /** Registrations per hour and client address. */
  registrationsPerHour: number;
}

export interface OrganisationInput {
  name: string;
  category: Category;
  description?: string;
  district?: string | null;
  address?: string;
  location?: { lat: number; lon: number } | null;
  publicContact?: PublicContact;
  internalContact?: InternalContact;
  openingTimes?: string;
  accessibility?: string;
  membershipFees?: string;
  languages?: string[];
  links?: Link[];
}

export interface EventInput {
  organisationId: number;
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  rrule?: string | null;
  exdates?: string[];
  venue?: { organisationId?: number | null; name?: string; address?: string; district?: string | null; location?: { lat: number; lon: number } | null };
  categories?: Category[];
  audience?: string;
  price?: string;
  free?: boolean;
  accessibility?: string;
  accessibleVenue?: boolean;
  registrationUrl?: string | null;
  status?: 'scheduled' | 'cancelled';
}

export interface EventQuery {
  q?: string;
  category?: string;
  district?: string;
  from?: string;
  to?: string;
  preset?: 'today' | 'weekend';
  free?: boolean;
  accessible?: boolean;
  organisation?: number;
  limit: number;
  offset: number;
}

const DAY_MS = 86_400_000;

/** Whether two states of an event look the same to the public but for the status. */
function onlyStatusChanged(before: EventRow, after: EventRow): boolean {
  const visible = (row: EventRow) => {
    const { status: _status, moderation: _moderation, updatedAt: _updatedAt, ...rest } = presentEvent(row);
    return rest;
  };
  return isDeepStrictEqual(visible(before), visible(after));
}

/** Contact fields are one-line plain text like every other text (URLs and e-mails are checked by the schema). */
const cleanContact = <T extends object>(contact: T): T =>
  Object.fromEntries(Object.entries(contact).map(([k, v]) => [k, typeof v === 'string' ? plainLine(v) : v])) as T;

export function createCommunityService(deps: { db: Db; repo: CommunityRepository; audit: AuditRecorder; clock: Clock; settings: CommunitySettings }) {
  const { db, repo, audit, clock, settings } = deps;
  const access = createAccess(repo);

  function checkDistrict(district: string | null | undefined, field: string) {
    if (district && !settings.districts.some((d) => d.id === district)) {
      throw badRequest('COMMUNITY_DISTRICT_UNKNOWN', `Unknown district "${district}"; use an id of /api/city (e.g. altstadt).`, field);
    }
  }
  function checkLocation(location: { lat: number; lon: number } | null | undefined, field: string) {
    const [w, s, e, n] = settings.bbox;
    if (location && (location.lon < w || location.lon > e || location.lat < s || location.lat > n)) {
      throw badRequest('COMMUNITY_LOCATION_OUTSIDE', `The location lies outside ${settings.cityName}.`, field);
    }
  }

  /** An organisation by id or slug; unverified ones only for their members and staff (else 404). */
  async function findOrganisation(actor: Actor, idOrSlug: string | number, on: Db = db) {
    const row = typeof idOrSlug === 'number' || /^\d+$/.test(idOrSlug) ? await repo.organisation(Number(idOrSlug), on) : await repo.organisationBySlug(idOrSlug, on);
    const internals = row ? await access.maySeeInternals(actor, row.id) : false;
    if (!row || (!row.verified && !internals)) throw notFound('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation "${idOrSlug}".`);
    return { row, internals };
  }

  function organisationValues(input: Partial<OrganisationInput>, prefix = 'body'): Partial<OrganisationWrite> {
    checkDistrict(input.district, `${prefix}.district`);
    checkLocation(input.location, `${prefix}.location`);
    const text = (v: string | undefined) => (v === undefined ? undefined : plainText(v));
    const out: Partial<OrganisationWrite> = {
      name: input.name === undefined ? undefined : plainLine(input.name),
      category: input.category,
      description: text(input.description),
      district: input.district,
      address: input.address === undefined ? undefined : plainLine(input.address),
      opening_times: text(input.openingTimes),
      accessibility: text(input.accessibility),
      membership_fees: text(input.membershipFees),
      languages: input.languages?.map(plainLine).filter(Boolean),
      links: input.links?.map((l) => ({ label: plainLine(l.label), url: l.url })),
      public_contact: input.publicContact && cleanContact(input.publicContact),
      internal_contact: input.internalContact && cleanContact(input.internalContact),
      ...(input.location !== undefined ? { lat: input.location?.lat ?? null, lon: input.location?.lon ?? null } : {}),
    };
    if (out.name === '') throw badRequest('COMMUNITY_NAME_REQUIRED', 'The name must not be empty.', `${prefix}.name`);
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  }

  async function uniqueSlug(trx: Db, name: string) {
    const base = slugify(name) || 'organisation';
    for (let i = 1; ; i++) {
      const slug = i === 1 ? base : `${base}-${i}`;
      // A page of the web app, or digits only, which /organisations/:idOrSlug reads as an id.
      const unusable = RESERVED_SLUGS.includes(slug) || /^\d+$/.test(slug);
      if (!unusable && !(await repo.slugTaken(trx, slug))) return slug;
    }
  }

  /** Creates an organisation (unverified unless the seed says otherwise); used by registration too. */
  async function insertOrganisation(trx: Db, actor: Actor, input: OrganisationInput, extra: { demo?: boolean; verified?: boolean } = {}, prefix = 'body') {
    const values = organisationValues(input, prefix);
    const defaults: OrganisationWrite = {
      description: '',
      district: null,
      address: '',
      opening_times: '',
      accessibility: '',
      membership_fees: '',
      languages: [],
      links: [],
      public_contact: {},
      internal_contact: {},
      lat: null,
      lon: null,
      slug: '',
      name: '',
      category: input.category,
    };
    const id = await repo.insertOrganisation(trx, { ...defaults, ...values, slug: await uniqueSlug(trx, values.name ?? input.name), ...extra });
    if (extra.verified) await repo.setVerified(trx, id, true, clock.now());
    await audit.record(trx, { actor, module: MODULE, entity: 'organisation', entityId: id, action: 'create', after: { ...values, ...extra } });
    return id;
  }

  // ---------- events

  function eventWrite(input: EventInput, moderation: ModerationState): { write: EventWrite; starts: Date[]; durationMs: number } {
    const startsAt = parseDateTime(input.startsAt, 'body.startsAt');
    const endsAt = parseDateTime(input.endsAt, 'body.endsAt');
    if (endsAt <= startsAt) throw badRequest('COMMUNITY_END_BEFORE_START', 'endsAt must be after startsAt.', 'body.endsAt');
    if (endsAt.getTime() - startsAt.getTime() > LIMITS.maxDurationDays * DAY_MS) {
      throw badRequest('COMMUNITY_EVENT_TOO_LONG', `An event (one occurrence) lasts at most ${LIMITS.maxDurationDays} days; use a recurrence for a series.`, 'body.endsAt');
    }
    const exdates = (input.exdates ?? []).map((d, i) => parseDateTime(d, `body.exdates.${i}`));
    const recurrence = expand(startsAt, input.rrule, exdates);
    const venue = input.venue ?? {};
    // Without any venue an event takes place at its organisation's own place (the editor's default),
    // so the page, the feed's LOCATION and schema.org's required location always name one.
    const venueGiven = venue.organisationId != null || Boolean(venue.name?.trim() || venue.address?.trim() || venue.district || venue.location);
    checkDistrict(venue.district, 'body.venue.district');
    checkLocation(venue.location, 'body.venue.location');
    const title = plainLine(input.title);
    if (!title) throw badRequest('COMMUNITY_TITLE_REQUIRED', 'The title must not be empty.', 'body.title');
    return {
      starts: recurrence.starts,
      durationMs: endsAt.getTime() - startsAt.getTime(),
      write: {
        organisation_id: input.organisationId,
        title,
        description: plainText(input.description ?? ''),
        starts_at: startsAt,
        ends_at: endsAt,
        rrule: recurrence.rrule,
        exdates: recurrence.exdates,
        venue_organisation_id: venue.organisationId ?? (venueGiven ? null : input.organisationId),
        venue_name: plainLine(venue.name ?? ''),
        venue_address: plainLine(venue.address ?? ''),
        venue_district: venue.district ?? null,
        lat: venue.location?.lat ?? null,
        lon: venue.location?.lon ?? null,
        categories: [...new Set(input.categories ?? [])],
        audience: plainLine(input.audience ?? ''),
        price: plainLine(input.price ?? ''),
        free: input.free ?? false,
        accessibility: plainText(input.accessibility ?? ''),
        accessible_venue: input.accessibleVenue ?? false,
        registration_url: input.registrationUrl ?? null,
        status: input.status ?? 'scheduled',
        moderation,
      },
    };
  }

  /** Pending when the city moderates and a representative wrote; the city's own writes are approved. */
  const moderationFor = (actor: Actor): ModerationState => (settings.moderation === 'events' && !isCityEditor(actor) ? 'pending' : 'approved');

  async function checkVenue(trx: Db, venueOrganisationId: number | null) {
    if (venueOrganisationId !== null && !(await repo.organisation(venueOrganisationId, trx))) {
      throw badRequest('COMMUNITY_VENUE_UNKNOWN', `There is no organisation ${venueOrganisationId} to be the venue.`, 'body.venue.organisationId');
    }
  }

  /** An event for a reader: public when verified and approved, else only for members and staff (404 otherwise). */
  async function visibleEvent(actor: Actor, id: number): Promise<EventRow> {
    const row = await repo.event(id);
    if (!row || (!(row.org_verified && row.moderation === 'approved') && !(await access.maySeeInternals(actor, row.organisation_id)))) {
      throw notFound('COMMUNITY_EVENT_NOT_FOUND', `There is no event ${id}.`);
    }
    return row;
  }

  /** A visible event's row and its dates, read once (the event page and its JSON-LD). */
  async function eventWithOccurrences(actor: Actor, id: number) {
    const row = await visibleEvent(actor, id);
    return { row, occurrences: await repo.occurrencesOfEvent(id) };
  }

  async function writeEvent(actor: Actor, id: number | null, input: EventInput) {
    // Permissions first, outside the transaction (the embedded database has one connection).
    const before = id === null ? undefined : await repo.event(id);
    if (id !== null && !before) throw notFound('COMMUNITY_EVENT_NOT_FOUND', `There is no event ${id}.`);
    await access.requireEditor(actor, input.organisationId);
    // Moving an event to another organisation needs the right to edit the old one too.
    if (before && before.organisation_id !== input.organisationId) await access.requireEditor(actor, before.organisation_id);
    const { write, starts, durationMs } = eventWrite(input, moderationFor(actor));
    const eventId = await withTransaction(db, async (trx) => {
      const organisation = await repo.organisation(input.organisationId, trx);
      if (!organisation) throw badRequest('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation ${input.organisationId}.`, 'body.organisationId');
      await checkVenue(trx, write.venue_organisation_id);
      let eventId: number;
      if (id === null) {
        eventId = await repo.insertEvent(trx, write);
      } else {
        eventId = id;
        await repo.updateEvent(trx, id, write, clock.now());
        // A cancellation alone keeps an approved event public, marked cancelled: waiting for the city
        // would hide that it is off. Any other change, with it or not, waits for approval again.
        if (write.moderation === 'pending' && before?.moderation === 'approved' && write.status === 'cancelled' && onlyStatusChanged(before, (await repo.event(id, trx))!)) {
          write.moderation = 'approved';
          await repo.setModeration(trx, id, 'approved', clock.now());
        }
      }
      await repo.replaceOccurrences(trx, eventId, starts, durationMs);
      const { lat, lon, ...rest } = write;
      await audit.record(trx, {
        actor,
        module: MODULE,
        entity: 'event',
        entityId: eventId,
        action: id === null ? 'create' : write.status === 'cancelled' && before?.status !== 'cancelled' ? 'cancel' : 'update',
        ...(before ? { before: presentEvent(before) } : {}),
        after: { ...rest, location: lat === null ? null : { lat, lon } },
      });
      return eventId;
    });
    return presentEvent((await repo.event(eventId))!);
  }

  return {
    access,
    insertOrganisation,

    // ---------- organisations
    async listOrganisations(actor: Actor, filter: { q?: string; category?: string; district?: string; accessible?: boolean; verified?: boolean }, limit: number, offset: number) {
      // The public sees verified entries only; staff may ask for unverified ones (the city's queue).
      const verified = isStaff(actor) ? filter.verified : true;
      const { rows, total } = await repo.listOrganisations({ ...filter, verified }, limit, offset);
      const staff = isStaff(actor);
      return { items: rows.map((o) => presentOrganisation(o, staff)), total, limit, offset };
    },

    async organisationsGeoJson(filter: { category?: string; district?: string }) {
      const { rows } = await repo.listOrganisations({ ...filter, verified: true }, 10_000, 0);
      return {
        type: 'FeatureCollection' as const,
        features: rows
          .filter((o) => o.lat !== null && o.lon !== null)
          .map((o) => ({
            type: 'Feature' as const,
            id: o.id,
            geometry: { type: 'Point' as const, coordinates: [o.lon!, o.lat!] },
            properties: { id: o.id, slug: o.slug, name: o.name, category: o.category, district: o.district, address: o.address, verified: o.verified, demo: o.demo },
          })),
      };
    },

    async organisation(actor: Actor, idOrSlug: string) {
      const { row, internals } = await findOrganisation(actor, idOrSlug);
      return presentOrganisation(row, internals);
    },

    /** The row behind a public organisation page (for JSON-LD and feeds). */
    organisationRow: async (actor: Actor, idOrSlug: string): Promise<OrganisationRow> => (await findOrganisation(actor, idOrSlug)).row,

    async createOrganisation(actor: Actor, input: OrganisationInput) {
      // Representatives create further organisations and become their owners; of the staff, only the city's editors.
      if (actor.kind !== 'member') requireModuleWrite(actor, MODULE);
      const id = await withTransaction(db, async (trx) => {
        const id = await insertOrganisation(trx, actor, input);
        if (actor.kind === 'member') await repo.upsertMembership(trx, id, actor.id, 'owner');
        return id;
      });
      return presentOrganisation((await repo.organisation(id))!, true);
    },

    async updateOrganisation(actor: Actor, id: number, patch: Partial<OrganisationInput>) {
      await access.requireEditor(actor, id);
      const values = organisationValues(patch);
      await withTransaction(db, async (trx) => {
        await repo.lockOrganisation(trx, id);
        const before = await repo.organisation(id, trx);
        if (!before) throw notFound('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation ${id}.`);
        await repo.updateOrganisation(trx, id, { ...values, updated_at: clock.now() });
        // The district of an organisation feeds the search columns of its events and of events held there.
        if (values.district !== undefined) await repo.refreshOccurrences(trx, { organisationId: id });
        await audit.record(trx, { actor, module: MODULE, entity: 'organisation', entityId: id, action: 'update', before: presentOrganisation(before, true), after: values });
      });
      return presentOrganisation((await repo.organisation(id))!, true);
    },

    async verify(actor: Actor, id: number, verified: boolean) {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        const before = await repo.organisation(id, trx);
        if (!before) throw notFound('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation ${id}.`);
        await repo.setVerified(trx, id, verified, clock.now());
        await repo.refreshOccurrences(trx, { organisationId: id });
        await audit.record(trx, { actor, module: MODULE, entity: 'organisation', entityId: id, action: verified ? 'verify' : 'unverify', before: { verified: before.verified }, after: { verified } });
      });
      return presentOrganisation((await repo.organisation(id))!, true);
    },

    async setLogo(actor: Actor, id: number, file: Buffer | undefined) {
      await access.requireEditor(actor, id);
      const photo = intake(file);
      await withTransaction(db, async (trx) => {
        if (!(await repo.organisation(id, trx))) throw notFound('COMMUNITY_ORGANISATION_NOT_FOUND', `There is no organisation ${id}.`);
        const imageId = await repo.insertImage(trx, { organisation_id: id, mime: photo.mime, width: photo.width, height: photo.height, data: photo.data, thumb: photo.thumb, thumb_mime: photo.thumbMime });
        await repo.updateOrganisation(trx, id, { logo_image_id: imageId, updated_at: clock.now() });
        await audit.record(trx, { actor, module: MODULE, entity: 'organisation', entityId: id, action: 'logo', after: { imageId, width: photo.width, height: photo.height } });
      });
      return presentOrganisation((await repo.organisation(id))!, true);
    },

    async image(actor: Actor, id: number) {
      const image = await repo.image(id);
      if (!image || (!(await repo.imageIsPublic(id)) && !(await access.maySeeInternals(actor, image.organisation_id)))) {
        throw notFound('COMMUNITY_IMAGE_NOT_FOUND', `There is no image ${id}.`);
      }
      return image;
    },

    // ---------- events
    createEvent: (actor: Actor, input: EventInput) => writeEvent(actor, null, input),
    updateEvent: (actor: Actor, id: number, input: EventInput) => writeEvent(actor, id, input),

    async deleteEvent(actor: Actor, id: number) {
      const row = await repo.event(id);
      if (!row) throw notFound('COMMUNITY_EVENT_NOT_FOUND', `There is no event ${id}.`);
      await access.requireEditor(actor, row.organisation_id);
      await withTransaction(db, async (trx) => {
        await repo.deleteEvent(trx, id);
        await repo.deleteImages(trx, row.images.map((i) => i.id));
        await audit.record(trx, { actor, module: MODULE, entity: 'event', entityId: id, action: 'delete', before: presentEvent(row) });
      });
    },

    /** Adds an image with its alternative text at the end of the event's images (at most 6). */
    async addEventImage(actor: Actor, id: number, input: { file: Buffer | undefined; alt: string | undefined }) {
      const row = await repo.event(id);
      if (!row) throw notFound('COMMUNITY_EVENT_NOT_FOUND', `There is no event ${id}.`);
      await access.requireEditor(actor, row.organisation_id);
      const alt = plainLine(input.alt ?? '');
      if (!alt) throw badRequest('COMMUNITY_IMAGE_ALT_REQUIRED', 'Describe the image in body.alt for people who cannot see it.', 'body.alt');
      if (alt.length > LIMITS.imageAltLength) {
        throw badRequest('COMMUNITY_IMAGE_ALT_TOO_LONG', `The alternative text may be at most ${LIMITS.imageAltLength} characters.`, 'body.alt');
      }
      const photo = intake(input.file);
      await withTransaction(db, async (trx) => {
        const images = (await repo.lockEventImages(trx, id)) ?? [];
        if (images.length >= LIMITS.imagesPerEvent) {
          throw conflict('COMMUNITY_IMAGE_COUNT', `An event has at most ${LIMITS.imagesPerEvent} images; remove one first.`, 'body.file');
        }
        const imageId = await repo.insertImage(trx, { organisation_id: row.organisation_id, mime: photo.mime, width: photo.width, height: photo.height, data: photo.data, thumb: photo.thumb, thumb_mime: photo.thumbMime });
        const added = { id: imageId, alt, width: photo.width, height: photo.height };
        await repo.setEventImages(trx, id, [...images, added], clock.now());
        await audit.record(trx, { actor, module: MODULE, entity: 'event', entityId: id, action: 'image-add', after: added });
      });
      return presentEvent((await repo.event(id))!);
    },

    /** Removes one of the event's images, and the stored image with it. */
    async removeEventImage(actor: Actor, id: number, imageId: number) {
      const row = await repo.event(id);
      if (!row) throw notFound('COMMUNITY_EVENT_NOT_FOUND', `There is no event ${id}.`);
      await access.requireEditor(actor, row.organisation_id);
      await withTransaction(db, async (trx) => {
        const images = (await repo.lockEventImages(trx, id)) ?? [];
        const removed = images.find((i) => i.id === imageId);
        if (!removed) throw notFound('COMMUNITY_IMAGE_NOT_FOUND', `Event ${id} has no image ${imageId}.`);
        await repo.setEventImages(trx, id, images.filter((i) => i.id !== imageId), clock.now());
        await repo.deleteImages(trx, [imageId]);
        await audit.record(trx, { actor, module: MODULE, entity: 'event', entityId: id, action: 'image-remove', before: removed });
      });
      return presentEvent((await repo.event(id))!);
    },

    async moderate(actor: Actor, id: number, state: 'approved' | 'rejected') {
      requireModuleWrite(actor, MODULE);
      await withTransaction(db, async (trx) => {
        const before = await repo.event(id, trx);
        if (!before) throw notFound('COMMUNITY_EVENT_NOT_FOUND', `There is no event ${id}.`);
        await repo.setModeration(trx, id, state, clock.now());
        await repo.refreshOccurrences(trx, { eventId: id });
        await audit.record(trx, { actor, module: MODULE, entity: 'event', entityId: id, action: 'moderate', before: { moderation: before.moderation }, after: { moderation: state } });
      });
      return presentEvent((await repo.event(id))!);
    },

    async moderationQueue(actor: Actor) {
      requireStaff(actor);
      return (await repo.pendingEvents()).map(presentEvent);
    },

    async eventsOfOrganisation(actor: Actor, organisationId: number) {
      await access.requireEditor(actor, organisationId);
      return (await repo.eventsOfOrganisation(organisationId)).map(presentEvent);
    },

    async event(actor: Actor, id: number) {
      const { row, occurrences } = await eventWithOccurrences(actor, id);
      return {
        ...presentEvent(row),
        occurrences: occurrences.map((o) => ({ startsAt: o.starts_at.toISOString(), endsAt: o.ends_at.toISOString(), cancelled: row.status === 'cancelled' })),
      };
    },
    eventWithOccurrences,

    /** The public event search: one row per occurrence overlapping the range. */
    async searchEvents(query: EventQuery) {
      const now = clock.now();
      let from: Date;
      let to: Date;
      if (query.preset) {
        [from, to] = presetRange(query.preset, now);
      } else {
        from = query.from ? parseDay(query.from, 'query.from') : dayStart(now);
        // `to` is inclusive: the whole last day.
        to = query.to ? dayStart(parseDay(query.to, 'query.to'), 1) : dayStart(now, LIMITS.searchDays + 1);
        if (to <= from) throw badRequest('COMMUNITY_RANGE_INVALID', 'query.to must not lie before query.from.', 'query.to');
        if (to.getTime() - from.getTime() > 800 * DAY_MS) throw badRequest('COMMUNITY_RANGE_TOO_LONG', 'A search range spans at most 2 years.', 'query.to');
      }
      checkDistrict(query.district, 'query.district');
      const { rows, total } = await repo.searchOccurrences(
        {
          from,
          to,
          q: query.q?.trim() || undefined,
          categories: query.category ? [query.category] : undefined,
          district: query.district,
          free: query.free,
          accessibleVenue: query.accessible,
          organisationId: query.organisation,
        },
        query.limit,
        query.offset,
      );
      // Occurrences are public only with their event, so every row is a public event.
      const items = rows.map((r) => ({ ...presentEvent(r), occurrenceStart: r.occurrence_start.toISOString(), occurrenceEnd: r.occurrence_end.toISOString() }));
      return { items, total, limit: query.limit, offset: query.offset, from: from.toISOString(), to: to.toISOString() };
    },

    /** Public events for the iCalendar feeds. */
    publicEvents: (filter: { organisationId?: number; category?: string } = {}) => repo.publicEvents(filter),

    /** The open datasets (opendata module): verified organisations and their public events, no internal contacts. */
    openOrganisations: async () => (await repo.listOrganisations({ verified: true }, 100_000, 0)).rows.map((o) => presentOrganisation(o, false)),
    openEvents: async () => (await repo.publicEvents()).map(presentEvent),
  };

  function intake(file: Buffer | undefined) {
    if (!file?.length) throw badRequest('COMMUNITY_IMAGE_REQUIRED', 'Send the image as the multipart file body.file.', 'body.file');
    return processPhoto(file, 'body.file', { limits: DEFAULT_PHOTO_LIMITS, codePrefix: 'COMMUNITY_IMAGE' });
  }
}

export type CommunityService = ReturnType<typeof createCommunityService>;
