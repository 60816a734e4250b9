/** Shapes of the Schadensmelder back-office API (/api/reports/…, staff sessions). */
import type { DetailedStatus } from '../../reports/types';

export interface StaffReport {
  id: string;
  serviceCode: string;
  serviceName: string;
  officeId: number;
  office: string;
  district: string | null;
  status: DetailedStatus;
  description: string;
  descriptionPublic: boolean;
  published: boolean;
  address: string | null;
  lat: number | null;
  long: number | null;
  requestedAt: string;
  updatedAt: string;
  dueAt: string;
  overdue: boolean;
  closedAt: string | null;
  supporters: number;
  duplicateOf: string | null;
  channel: string;
  hasEmail: boolean;
  emailConfirmed: boolean;
  anonymised: boolean;
  demo: boolean;
}

export interface StaffNote {
  id: number;
  visibility: 'public' | 'internal';
  status: DetailedStatus | null;
  body: string;
  author: string;
  createdAt: string;
}

export interface StaffPhoto {
  id: number;
  mime: string;
  width: number;
  height: number;
  released: boolean;
  hidden: boolean;
  redacted: boolean;
  url: string;
  thumbUrl: string;
}

export interface StaffDetail extends StaffReport {
  attributes: Record<string, string | string[]>;
  mediaUrl: string | null;
  suggestedServiceCode: string | null;
  notified?: boolean;
  notes: StaffNote[];
  photos: StaffPhoto[];
}

export interface Office {
  id: number;
  code: string;
  name: string;
  email: string | null;
}

export interface StaffCategory {
  code: string;
  name: string;
  nameEn: string;
  group: string;
}

/** A category as administrators edit it (GET /api/reports/categories/{code}). */
export interface AdminCategory extends StaffCategory {
  description: string;
  descriptionEn: string;
  keywords: string;
  groupEn: string;
  officeId: number;
  targetDays: number;
  active: boolean;
  districtOffices: { district: string; officeId: number }[];
}

export interface CannedReply {
  id: number;
  title: string;
  body: string;
  status: DetailedStatus | null;
}
