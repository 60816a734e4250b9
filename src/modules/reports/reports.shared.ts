/** Pieces both the citizen-facing and the staff service use: settings, views, hashing, dates. */
import { createHash, randomBytes } from 'node:crypto';
import type { PhotoLimits } from './reports.photos.js';
import { CLOSED_STATUSES, type NoteRow, type PhotoMeta, type RequestRow, type Status } from './reports.repository.js';

export type Moderation = 'photos' | 'all' | 'none';

export interface ReportsSettings {
  publicUrl: string;
  cityName: string;
  /** Open311 jurisdiction_id this endpoint answers for, e.g. "koblenz.de". */
  jurisdictionId: string;
  contact: string;
  /** [minLong, minLat, maxLong, maxLat] of the city. */
  bbox: readonly [number, number, number, number];
  districts: { id: string; name: string; lat: number; lon: number }[];
  /** Days after closing when reporter e-mail and IP are removed. */
  retentionDays: number;
  /** photos: text public after automatic checks, photos after release; all: nothing before release; none: all at once. */
  moderation: Moderation;
  webSubmissionsPerHourPerIp: number;
  webSubmissionsPerHourPerEmail: number;
  /** Hourly limit given to a new API key when the admin names none. */
  apiKeyPerHour: number;
  maxPhotos: number;
  photoLimits: PhotoLimits;
}

export const STATUS_LABELS_DE: Record<Status, string> = {
  new: 'neu',
  accepted: 'angenommen',
  in_progress: 'in Bearbeitung',
  waiting_third_party: 'wartet auf Dritte',
  resolved: 'erledigt',
  rejected: 'abgelehnt',
  duplicate: 'Duplikat',
};

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newSecret = (bytes = 24) => randomBytes(bytes).toString('base64url');
export const isClosed = (s: Status) => CLOSED_STATUSES.includes(s);

/** Adds working days (Monday to Friday; public holidays are not known to the platform yet). */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

export interface PublicNote {
  datetime: Date;
  status: Status | null;
  description: string;
}

/** What the public may see of a report; e-mail, IP, token and internal notes never appear here. */
export interface PublicReport {
  id: string;
  status: 'open' | 'closed';
  detailedStatus: Status;
  statusNotes: string | null;
  serviceCode: string;
  serviceName: string;
  description: string | null;
  agency: string;
  district: string | null;
  requestedAt: Date;
  updatedAt: Date;
  address: string | null;
  lat: number | null;
  long: number | null;
  mediaUrl: string | null;
  mediaUrls: string[];
  supporters: number;
  duplicateOf: string | null;
  demo: boolean;
  notes: PublicNote[];
}

export function photoUrl(settings: Pick<ReportsSettings, 'publicUrl'>, id: number, thumb = false) {
  return `${settings.publicUrl}/api/reports/photos/${id}${thumb ? '/thumb' : ''}`;
}

export const photoIsPublic = (p: PhotoMeta) => p.released && !p.hidden;

export function publicView(settings: ReportsSettings, r: RequestRow, notes: NoteRow[], photos: PhotoMeta[]): PublicReport {
  const publicNotes = notes.filter((n) => n.request_id === r.id && n.visibility === 'public');
  const urls = photos.filter((p) => p.request_id === r.id && photoIsPublic(p)).map((p) => photoUrl(settings, p.id));
  return {
    id: r.service_request_id,
    status: isClosed(r.status) ? 'closed' : 'open',
    detailedStatus: r.status,
    statusNotes: publicNotes.at(-1)?.body ?? null,
    serviceCode: r.service_code,
    serviceName: r.service_name,
    description: r.description_public ? r.description : null,
    agency: r.office_name,
    district: r.district,
    requestedAt: r.requested_at,
    updatedAt: r.updated_at,
    address: r.address,
    lat: r.lat,
    long: r.long,
    mediaUrl: urls[0] ?? r.media_url,
    mediaUrls: r.media_url ? [...urls, r.media_url] : urls,
    supporters: r.supporters,
    duplicateOf: r.duplicate_of === null ? null : String(r.duplicate_of),
    demo: r.demo,
    notes: publicNotes.map((n) => ({ datetime: n.created_at, status: n.status, description: n.body })),
  };
}
