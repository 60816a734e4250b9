/** TypeBox schemas of the community routes: the request limits and the response allow-lists. */
import { Type } from 'typebox';
import { Nullable, RecordId } from '../../platform/http/schemas.js';
import { CATEGORIES, LIMITS } from './community.model.js';

// Spelled out (not mapped from community.model.ts) so the handlers' types are the literal unions.
export const CategorySchema = Type.Union([
  Type.Literal('sport'),
  Type.Literal('music'),
  Type.Literal('culture'),
  Type.Literal('social'),
  Type.Literal('youth'),
  Type.Literal('seniors'),
  Type.Literal('environment'),
  Type.Literal('education'),
  Type.Literal('religion'),
  Type.Literal('other'),
]);
export const MemberRoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('editor')]);
export const NoticeKindSchema = Type.Union([Type.Literal('request'), Type.Literal('offer')]);
const StatusSchema = Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]);
const ModerationSchema = Type.Union([Type.Literal('approved'), Type.Literal('pending'), Type.Literal('rejected')]);

const Text = (maxLength: number = LIMITS.shortTextLength) => Type.String({ maxLength });
const HttpUrl = Type.String({ maxLength: 500, pattern: '^https?://[^\\s<>"]+$', description: 'http or https URL' });
const Email = Type.String({ format: 'email', maxLength: 254 });
export const PointSchema = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });
const PublicContact = Type.Object(
  { email: Type.Optional(Email), phone: Type.Optional(Type.String({ maxLength: 50 })), website: Type.Optional(HttpUrl) },
  { additionalProperties: false },
);
const InternalContact = Type.Object(
  { name: Type.Optional(Type.String({ maxLength: 200 })), email: Type.Optional(Email), phone: Type.Optional(Type.String({ maxLength: 50 })) },
  { additionalProperties: false },
);
const LinkSchema = Type.Object({ label: Type.String({ minLength: 1, maxLength: 200 }), url: HttpUrl }, { additionalProperties: false });

const organisationFields = {
  name: Type.String({ minLength: 1, maxLength: LIMITS.nameLength }),
  category: CategorySchema,
  description: Type.Optional(Text(LIMITS.descriptionLength)),
  district: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  location: Type.Optional(Nullable(PointSchema)),
  publicContact: Type.Optional(PublicContact),
  internalContact: Type.Optional(InternalContact),
  openingTimes: Type.Optional(Text()),
  accessibility: Type.Optional(Text()),
  membershipFees: Type.Optional(Text()),
  languages: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
  links: Type.Optional(Type.Array(LinkSchema, { maxItems: 20 })),
};
export const OrganisationBody = Type.Object(organisationFields, { additionalProperties: false });
export const OrganisationPatchBody = Type.Partial(Type.Object(organisationFields), { additionalProperties: false });

export const OrganisationSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  category: CategorySchema,
  description: Type.String(),
  district: Nullable(Type.String()),
  address: Type.String(),
  location: Nullable(PointSchema),
  publicContact: PublicContact,
  openingTimes: Type.String(),
  accessibility: Type.String(),
  membershipFees: Type.String(),
  languages: Type.Array(Type.String()),
  logoImageId: Nullable(Type.Integer()),
  links: Type.Array(LinkSchema),
  verified: Type.Boolean(),
  demo: Type.Boolean(),
  updatedAt: Type.String(),
  internalContact: Type.Optional(InternalContact),
});

const DateTimeInput = (description: string) =>
  Type.String({ minLength: 1, maxLength: 40, description: `${description}: ISO 8601 with offset, or local time YYYY-MM-DDTHH:mm in Europe/Berlin` });

export const EventBody = Type.Object(
  {
    organisationId: RecordId(),
    title: Type.String({ minLength: 1, maxLength: LIMITS.titleLength }),
    description: Type.Optional(Text(LIMITS.descriptionLength)),
    startsAt: DateTimeInput('start of the (first) occurrence'),
    endsAt: DateTimeInput('end of the (first) occurrence'),
    rrule: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'RFC 5545 RRULE value, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=20' }))),
    exdates: Type.Optional(Type.Array(DateTimeInput('start of an occurrence to skip'), { maxItems: LIMITS.exdates })),
    venue: Type.Optional(
      Type.Object(
        {
          organisationId: Type.Optional(Nullable(RecordId())),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          address: Type.Optional(Type.String({ maxLength: 300 })),
          district: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
          location: Type.Optional(Nullable(PointSchema)),
        },
        {
          additionalProperties: false,
          description: "another organisation's place, or a place by name, address, Stadtteil and position; none given: the organisation's own place",
        },
      ),
    ),
    categories: Type.Optional(Type.Array(CategorySchema, { maxItems: CATEGORIES.length })),
    audience: Type.Optional(Type.String({ maxLength: 200 })),
    price: Type.Optional(Type.String({ maxLength: 200 })),
    free: Type.Optional(Type.Boolean()),
    accessibility: Type.Optional(Text()),
    accessibleVenue: Type.Optional(Type.Boolean()),
    registrationUrl: Type.Optional(Nullable(HttpUrl)),
    status: Type.Optional(StatusSchema),
  },
  { additionalProperties: false },
);

export const EventImageSchema = Type.Object({
  id: Type.Integer(),
  alt: Type.String({ description: 'what the image shows' }),
  width: Type.Integer(),
  height: Type.Integer(),
  url: Type.String({ description: 'same-origin path of the re-encoded image' }),
  thumbUrl: Type.String({ description: 'same-origin path of the thumbnail' }),
});

const eventFields = {
  id: Type.Integer(),
  organisationId: Type.Integer(),
  organisation: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
  title: Type.String(),
  description: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  timeZone: Type.String(),
  rrule: Nullable(Type.String()),
  exdates: Type.Array(Type.String()),
  venue: Type.Object({
    organisationId: Nullable(Type.Integer()),
    name: Type.String(),
    address: Type.String(),
    district: Nullable(Type.String()),
    location: Nullable(PointSchema),
  }),
  categories: Type.Array(Type.String()),
  audience: Type.String(),
  price: Type.String(),
  free: Type.Boolean(),
  accessibility: Type.String(),
  accessibleVenue: Type.Boolean(),
  registrationUrl: Nullable(Type.String()),
  images: Type.Array(EventImageSchema, { description: 'in order; the first is the main image' }),
  status: StatusSchema,
  moderation: ModerationSchema,
  demo: Type.Boolean(),
  updatedAt: Type.String(),
};
export const EventSchema = Type.Object(eventFields);
export const EventDetailSchema = Type.Object({
  ...eventFields,
  occurrences: Type.Array(Type.Object({ startsAt: Type.String(), endsAt: Type.String(), cancelled: Type.Boolean() })),
});
export const OccurrenceSchema = Type.Object({ ...eventFields, occurrenceStart: Type.String(), occurrenceEnd: Type.String() });

export const Paged = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

const Bool = Type.Boolean();
const page = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};
export const OrganisationQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(CategorySchema),
    district: Type.Optional(Type.String({ maxLength: 60 })),
    accessible: Type.Optional(Bool),
    verified: Type.Optional(Type.Boolean({ description: 'staff only: filter by verification' })),
    ...page,
  },
  { additionalProperties: false },
);
export const EventQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(CategorySchema),
    district: Type.Optional(Type.String({ maxLength: 60 })),
    from: Type.Optional(Type.String({ maxLength: 10, description: 'first day YYYY-MM-DD (default today)' })),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'last day YYYY-MM-DD, inclusive (default today + 90 days)' })),
    preset: Type.Optional(Type.Union([Type.Literal('today'), Type.Literal('weekend')])),
    free: Type.Optional(Bool),
    accessible: Type.Optional(Type.Boolean({ description: 'accessible venue only' })),
    organisation: Type.Optional(RecordId()),
    ...page,
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    organisation: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: LIMITS.nameLength }),
        category: CategorySchema,
        district: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
        description: Type.Optional(Text(LIMITS.descriptionLength)),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const NoticeBody = Type.Object(
  {
    organisationId: RecordId(),
    kind: NoticeKindSchema,
    title: Type.String({ minLength: 1, maxLength: LIMITS.titleLength }),
    body: Type.Optional(Text(LIMITS.descriptionLength)),
    contact: Type.Optional(Type.String({ maxLength: 300 })),
    expiresOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);
export const NoticePatchBody = Type.Partial(Type.Omit(NoticeBody, ['organisationId']), { additionalProperties: false });
export const NoticeSchema = Type.Object({
  id: Type.Integer(),
  organisation: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
  kind: NoticeKindSchema,
  title: Type.String(),
  body: Type.String(),
  contact: Type.String(),
  expiresOn: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EventImageUploadBody = Type.Object(
  {
    alt: Type.Optional(Type.String({ maxLength: LIMITS.imageAltLength, description: 'required: what the image shows, for people who cannot see it' })),
    file: Type.Optional(Type.Unknown({ description: 'the image (JPEG, PNG or WebP, at most 10 MB), judged by content' })),
  },
  { description: 'multipart/form-data with the fields alt and file' },
);

export const ImageUploadBody = Type.Object(
  { file: Type.Optional(Type.Unknown({ description: 'the image (JPEG, PNG or WebP, at most 10 MB), judged by content' })) },
  { description: 'multipart/form-data with the field file' },
);
