/** Shapes of the Open311 GeoReport v2 JSON (with the platform's extensions) and the web form API. */

export const DETAILED_STATUSES = [
  'new',
  'accepted',
  'in_progress',
  'waiting_third_party',
  'resolved',
  'rejected',
  'duplicate',
] as const;
export type DetailedStatus = (typeof DETAILED_STATUSES)[number];

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  group: string;
}

/** A category's German and English texts (GET /api/reports/services); English ones may be empty. */
export interface CategoryTexts {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  group: string;
  groupEn: string;
}

export interface AttributeDefinition {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: AttributeDefinition[];
}

export interface StatusNote {
  datetime: string;
  status: DetailedStatus | null;
  description: string;
}

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  requested_datetime: string;
  updated_datetime: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  extended_attributes?: {
    detailed_status: DetailedStatus;
    district: string | null;
    supporters: number;
    duplicate_of: string | null;
    demo: boolean;
    media_urls: string[];
    notes: StatusNote[];
  };
}

/** A report as /api/reports/nearby returns it. */
export interface NearbyReport {
  id: string;
  detailedStatus: DetailedStatus;
  serviceCode: string;
  serviceName: string;
  description: string | null;
  address: string | null;
  requestedAt: string;
  supporters: number;
}

export interface SubmitResult {
  id: string;
  token: string;
  serviceNotice: string;
}

export interface SupportResult {
  supporters: number;
  added: boolean;
}
