/** Shapes of the catalog API (see /api/docs, tag "catalog"). */
export const STATUSES = ['online', 'in_umsetzung', 'geplant', 'nicht_online'] as const;
export type Status = (typeof STATUSES)[number];
export type Counts = Record<Status, number>;
export const PAYMENT_METHODS = ['paypal', 'credit_card', 'sepa_direct_debit', 'giropay', 'bank_transfer', 'invoice'] as const;

export interface Service {
  id: number;
  ref: string;
  name: string;
  description: string;
  status: Status | null;
  statusSince: string;
  listed: boolean;
  ozg: { id: string; name: string; active: boolean; successorOzgId: string | null } | null;
  leika: { key: string; name: string; type: string } | null;
  local: boolean;
  themenfeld: { id: number; name: string } | null;
  lebenslage: { id: number; name: string } | null;
  reasonNotOnline: string;
  maturityLevel: number | null;
  maturityModel: string;
  efa: boolean;
  efaProviderState: string;
  onlineUrl: string;
  epaybl: boolean;
  paymentMethods: string[];
  office: string;
  plannedGoLive: string | null;
  rolloutProject: string;
  notes: string;
  demo: boolean;
  updatedAt: string;
}

/** List items leave out the long texts of the service page. */
export type ServiceSummary = Omit<
  Service,
  'description' | 'notes' | 'reasonNotOnline' | 'rolloutProject' | 'maturityModel' | 'updatedAt'
>;

export interface ServiceList {
  items: ServiceSummary[];
  total: number;
  limit: number;
  offset: number;
}

export interface Facets {
  statuses: { status: Status; count: number }[];
  themenfelder: { id: number; name: string; serviceCount: number }[];
  lebenslagen: { id: number; themenfeldId: number; name: string; serviceCount: number }[];
}

export interface HistoryItem {
  id: number;
  effectiveDate: string;
  status: Status | null;
  kind: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  note: string;
}

export interface Kpis {
  date: string;
  total: number;
  counts: Counts;
  shareOnline: number;
  byThemenfeld: { id: number | null; name: string; counts: Counts; total: number; shareOnline: number }[];
}

export interface Timeline {
  points: { date: string; counts: Counts; total: number; shareOnline: number }[];
}

export interface CommitteeReport {
  date: string;
  compare: string | null;
  demo: boolean;
  rows: { status: Status; label: string; count: number; compareCount: number | null; change: number | null }[];
  total: number;
  compareTotal: number | null;
  totalChange: number | null;
  explanation: string[];
}
