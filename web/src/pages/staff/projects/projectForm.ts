/**
 * The project form's state and its mapping to and from the API. Inputs hold strings (what the user
 * typed); `toBody` turns them into the API's types, leaving validation to the server, whose field
 * errors then appear beside the inputs.
 */
import type { FeatureStatus, Project, ProjectStatus } from '../../projects/types';

export interface Row {
  [key: string]: string;
}

export interface ProjectFormState {
  title: string;
  slug: string;
  summary: string;
  description: string;
  status: ProjectStatus;
  fields: string[];
  office: string;
  partners: string;
  startDate: string;
  endDate: string;
  budgetEur: string;
  fundingProgramme: string;
  lat: string;
  lon: string;
  districts: string[];
  demo: boolean;
  features: Row[];
  milestones: Row[];
  kpis: Row[];
  links: Row[];
}

export const EMPTY_PROJECT: ProjectFormState = {
  title: '',
  slug: '',
  summary: '',
  description: '',
  status: 'planned',
  fields: [],
  office: '',
  partners: '',
  startDate: '',
  endDate: '',
  budgetEur: '',
  fundingProgramme: '',
  lat: '',
  lon: '',
  districts: [],
  demo: false,
  features: [],
  milestones: [],
  kpis: [],
  links: [],
};

const str = (v: string | number | null) => (v === null ? '' : String(v));

export function formFromProject(p: Project): ProjectFormState {
  return {
    title: p.title,
    slug: p.slug,
    summary: p.summary,
    description: p.description,
    status: p.status,
    fields: p.fields.map((f) => f.slug),
    office: p.office,
    partners: p.partners.join('\n'),
    startDate: str(p.startDate),
    endDate: str(p.endDate),
    budgetEur: str(p.budgetEur),
    fundingProgramme: p.fundingProgramme,
    lat: str(p.location?.lat ?? null),
    lon: str(p.location?.lon ?? null),
    districts: p.districts,
    demo: p.demo,
    features: p.features.map((f) => ({ title: f.title, status: f.status })),
    milestones: p.milestones.map((m) => ({ title: m.title, dueDate: str(m.dueDate), doneDate: str(m.doneDate) })),
    kpis: p.kpis.map((k) => ({ name: k.name, value: str(k.value), target: str(k.target), unit: k.unit, asOf: str(k.asOf) })),
    links: p.links.map((l) => ({ ...l })),
  };
}

const orNull = (v: string | undefined) => (v ? v : null);
/** A number the user typed ("1.500,5" or "1500.5"), or null when empty; NaN goes to the server as text so it names the field. */
function num(v: string | undefined): number | string | null {
  if (!v?.trim()) return null;
  const n = Number(v.trim().replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : v;
}

export function toBody(f: ProjectFormState) {
  const lat = num(f.lat);
  const lon = num(f.lon);
  return {
    title: f.title,
    ...(f.slug.trim() ? { slug: f.slug.trim() } : {}),
    summary: f.summary,
    description: f.description,
    status: f.status,
    fields: f.fields,
    office: f.office,
    partners: f.partners
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    startDate: orNull(f.startDate),
    endDate: orNull(f.endDate),
    budgetEur: num(f.budgetEur),
    fundingProgramme: f.fundingProgramme,
    location: lat === null && lon === null ? null : { lat, lon },
    districts: f.districts,
    demo: f.demo,
    features: f.features.map((r) => ({ title: r['title'] ?? '', status: (r['status'] ?? 'planned') as FeatureStatus })),
    milestones: f.milestones.map((r) => ({ title: r['title'] ?? '', dueDate: orNull(r['dueDate']), doneDate: orNull(r['doneDate']) })),
    kpis: f.kpis.map((r) => ({
      name: r['name'] ?? '',
      value: num(r['value']),
      target: num(r['target']),
      unit: r['unit'] ?? '',
      asOf: orNull(r['asOf']),
    })),
    links: f.links.map((r) => ({ label: r['label'] ?? '', url: r['url'] ?? '' })),
  };
}
