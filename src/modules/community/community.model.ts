/** The community module's vocabulary and limits, shared by schemas, services and the demo data. */

export const CATEGORIES = ['sport', 'music', 'culture', 'social', 'youth', 'seniors', 'environment', 'education', 'religion', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const MEMBER_ROLES = ['owner', 'editor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const NOTICE_KINDS = ['request', 'offer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type EventStatus = 'scheduled' | 'cancelled';
export type ModerationState = 'approved' | 'pending' | 'rejected';

export { TIME_ZONE } from '../../platform/time.js';

/** Documented in the README ("Limits"); the tests exercise each. */
export const LIMITS = {
  nameLength: 200,
  titleLength: 200,
  descriptionLength: 5000,
  shortTextLength: 2000,
  /** Occurrences of one recurring event. */
  maxOccurrences: 1000,
  /** Every occurrence of a recurrence lies within this many days after the first start. */
  recurrenceDays: 731,
  /** Longest single occurrence (festivals, exhibitions). */
  maxDurationDays: 14,
  exdates: 200,
  invitationDays: 14,
  /** Default range of the event search: today and the next 90 days. */
  searchDays: 90,
  /** Images of one event, each with its alternative text. */
  imagesPerEvent: 6,
  imageAltLength: 300,
} as const;

export interface Point {
  lat: number;
  lon: number;
}

export interface Link {
  label: string;
  url: string;
}

export interface PublicContact {
  email?: string;
  phone?: string;
  website?: string;
}

export interface InternalContact {
  name?: string;
  email?: string;
  phone?: string;
}
