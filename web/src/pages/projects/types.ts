/** Shapes of the projects API answers (see src/modules/projects/projects.schemas.ts). */
import type { StoredImage } from '../../api/types';
export const PROJECT_STATUSES = ['idea', 'planned', 'in_development', 'live', 'paused', 'discontinued'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const FEATURE_STATUSES = ['planned', 'in_development', 'done', 'dropped'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];
export const DISTRICT_STATUSES = ['planned', 'under_construction', 'available'] as const;
export type DistrictStatus = (typeof DISTRICT_STATUSES)[number];

export interface Field {
  id: number;
  slug: string;
  name: string;
  subtitle: string;
  goal: string;
  position: number;
}

export interface Milestone {
  title: string;
  dueDate: string | null;
  doneDate: string | null;
}

export interface Kpi {
  name: string;
  value: number | null;
  target: number | null;
  unit: string;
  asOf: string | null;
}

export interface DistrictProgress {
  districtId: string;
  status: DistrictStatus;
  householdsPassed: number;
  demo: boolean;
}

export interface Project {
  id: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  descriptionHtml: string;
  status: ProjectStatus;
  office: string;
  partners: string[];
  startDate: string | null;
  endDate: string | null;
  budgetEur: number | null;
  fundingProgramme: string;
  links: { label: string; url: string }[];
  location: { lat: number; lon: number } | null;
  districts: string[];
  fields: { slug: string; name: string }[];
  features: { title: string; status: FeatureStatus }[];
  milestones: Milestone[];
  kpis: Kpi[];
  districtProgress: DistrictProgress[];
  images: StoredImage[];
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Change {
  at: string;
  projectId: number;
  projectSlug: string;
  projectTitle: string;
  change: string;
  field: string | null;
  before: unknown;
  after: unknown;
  demo: boolean;
}

export interface TimelineEntry {
  date: string;
  kind: 'start' | 'end' | 'milestone';
  projectId: number;
  title: string;
  projectTitle: string;
  done: boolean;
  demo: boolean;
}

export interface ProjectsPage {
  slug: string;
  lang: string;
  title: string;
  markdown: string;
  html: string;
  updatedAt: string;
}

export interface StoredReport {
  id: number;
  committeeDate: string;
  ozgDate: string;
  lang: string;
  previousId: number | null;
  createdAt: string;
}

export interface ReportResult {
  id: number;
  committeeDate: string;
  ozgDate: string;
  lang: string;
  previousCommitteeDate: string | null;
  ozgTotal: number;
  projects: number;
  changes: string[];
  demo: boolean;
}
