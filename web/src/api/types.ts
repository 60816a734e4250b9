/** Shapes of the backend's JSON answers (see the API contract in web/README.md). */

export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details as sent by the server. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
}

/** An uploaded image as the server stores it (re-encoded, with a thumbnail) and its alternative text. */
export interface StoredImage {
  id: number;
  alt: string;
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
}

export interface District {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface City {
  name: string;
  officialName: string;
  gemeindeschluessel: string;
  ars: string;
  centre: { lat: number; lon: number };
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: number[];
  languages: string[];
  colours: { primary: string; secondary: string; [key: string]: string };
  logoText: string;
  districts: District[];
}

export type Role = 'admin' | 'editor' | 'viewer';
/** Who a session belongs to: staff, or a representative of a club (community module), who is not staff. */
export type SessionRole = Role | 'organisation';
export type Stage = 'mfa' | 'enrol' | 'full';

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: SessionRole;
  modules: string[];
  mfaEnrolled: boolean;
}

export interface Session {
  stage: Stage;
  csrfToken: string;
  user: SessionUser;
}

export interface StageAnswer {
  stage: Stage;
  csrfToken: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface TotpConfirmed extends StageAnswer {
  recoveryCodes: string[];
}

export interface StaffUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  modules: string[];
  mfaEnrolled: boolean;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  module: string;
  entity: string;
  entityId: string | number | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  message: string;
}

export const CONTENT_SLUGS = ['impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache'] as const;
export type ContentSlug = (typeof CONTENT_SLUGS)[number];

export interface ContentPage {
  slug: ContentSlug;
  lang: string;
  title: string;
  html: string;
  updatedAt: string;
}

export interface ContentSource {
  slug: ContentSlug;
  lang: string;
  title: string;
  markdown: string;
}

export interface Feedback {
  id: number;
  message: string;
  email: string | null;
  name: string | null;
  pageUrl: string | null;
  createdAt: string;
}
