/** Statuses and their labels in both report languages; one place so API, reports and pages agree. */

export const PROJECT_STATUSES = ['idea', 'planned', 'in_development', 'live', 'paused', 'discontinued'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const FEATURE_STATUSES = ['planned', 'in_development', 'done', 'dropped'] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

export const DISTRICT_STATUSES = ['planned', 'under_construction', 'available'] as const;
export type DistrictStatus = (typeof DISTRICT_STATUSES)[number];

export type Lang = 'de' | 'en';

export const PROJECT_STATUS_LABELS: Record<Lang, Record<ProjectStatus, string>> = {
  de: {
    idea: 'Idee',
    planned: 'geplant',
    in_development: 'in Entwicklung',
    live: 'umgesetzt',
    paused: 'pausiert',
    discontinued: 'eingestellt',
  },
  en: {
    idea: 'idea',
    planned: 'planned',
    in_development: 'in development',
    live: 'live',
    paused: 'paused',
    discontinued: 'discontinued',
  },
};

export const FEATURE_STATUS_LABELS: Record<Lang, Record<FeatureStatus, string>> = {
  de: { planned: 'geplant', in_development: 'in Entwicklung', done: 'umgesetzt', dropped: 'verworfen' },
  en: { planned: 'planned', in_development: 'in development', done: 'done', dropped: 'dropped' },
};

/** The committee papers mark finished work with ✓ and everything else in brackets, e.g. "(In Entwicklung)". */
export function statusMark(done: boolean, label: string): string {
  return done ? '✓' : `(${label.charAt(0).toUpperCase()}${label.slice(1)})`;
}

export const isDone = (status: ProjectStatus | FeatureStatus) => status === 'live' || status === 'done';
