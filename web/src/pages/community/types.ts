/** Shapes of the community API's answers (src/modules/community/README.md, "HTTP API"). */
import type { StoredImage } from '../../api/types';

export const CATEGORIES = [
  'sport',
  'music',
  'culture',
  'social',
  'youth',
  'seniors',
  'environment',
  'education',
  'religion',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Point {
  lat: number;
  lon: number;
}

export interface Organisation {
  id: number;
  slug: string;
  name: string;
  category: Category;
  description: string;
  district: string | null;
  address: string;
  location: Point | null;
  publicContact: { email?: string; phone?: string; website?: string };
  openingTimes: string;
  accessibility: string;
  membershipFees: string;
  languages: string[];
  logoImageId: number | null;
  links: { label: string; url: string }[];
  verified: boolean;
  demo: boolean;
  updatedAt: string;
}

export interface CommunityEvent {
  id: number;
  organisationId: number;
  organisation: { id: number; slug: string; name: string };
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  rrule: string | null;
  exdates: string[];
  venue: { organisationId: number | null; name: string; address: string; district: string | null; location: Point | null };
  categories: string[];
  audience: string;
  price: string;
  free: boolean;
  accessibility: string;
  accessibleVenue: boolean;
  registrationUrl: string | null;
  /** In order; the first is the main image. */
  images: StoredImage[];
  status: 'scheduled' | 'cancelled';
  moderation: 'approved' | 'pending' | 'rejected';
  demo: boolean;
  updatedAt: string;
}

/** A search row: one date of an event. */
export interface Occurrence extends CommunityEvent {
  occurrenceStart: string;
  occurrenceEnd: string;
}

export interface EventDetail extends CommunityEvent {
  occurrences: { startsAt: string; endsAt: string; cancelled: boolean }[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface EventSearch extends Paged<Occurrence> {
  from: string;
  to: string;
}

export interface OrganisationFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    id: number;
    slug: string;
    name: string;
    category: Category;
    district: string | null;
    address: string;
    verified: boolean;
    demo: boolean;
  };
}

export interface InvitationAnswer {
  organisationId: number;
  role: 'owner' | 'editor';
  enrolmentUrl: string | null;
}
