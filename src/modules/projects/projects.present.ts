/** Turns rows into the API's shape; the routes' response schemas then allow-list what leaves the server. */
import { renderMarkdown } from '../../platform/text/markdown.js';
import type { ProjectRow, ProjectsRepository } from './projects.repository.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));

export const imagePath = (id: number) => `/api/projects/images/${id}`;

export type Related = Awaited<ReturnType<typeof loadRelated>>;

/** Loads everything hanging off a set of projects in one query per table. */
export async function loadRelated(repo: ProjectsRepository, ids: number[], on?: Parameters<ProjectsRepository['features']>[1]) {
  const [fields, features, milestones, kpis, districts, images] = await Promise.all([
    repo.fieldLinks(ids, on),
    repo.features(ids, on),
    repo.milestones(ids, on),
    repo.kpis(ids, on),
    repo.districtProgress(ids, on),
    repo.images(ids, on),
  ]);
  const by = <T extends { project_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.project_id, [...(m.get(r.project_id) ?? []), r]);
    return (id: number) => m.get(id) ?? [];
  };
  return {
    fields: by(fields),
    features: by(features),
    milestones: by(milestones),
    kpis: by(kpis),
    districts: by(districts),
    images: by(images),
  };
}

export function presentProject(p: ProjectRow, rel: Related) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    descriptionHtml: renderMarkdown(p.description, { headingOffset: 2 }),
    status: p.status,
    office: p.office,
    partners: p.partners,
    startDate: p.start_date,
    endDate: p.end_date,
    budgetEur: num(p.budget_eur),
    fundingProgramme: p.funding_programme,
    links: p.links,
    location: p.lat === null || p.lon === null ? null : { lat: p.lat, lon: p.lon },
    districts: p.districts,
    fields: rel.fields(p.id).map((f) => ({ slug: f.slug, name: f.name })),
    features: rel.features(p.id).map((f) => ({ title: f.title, status: f.status })),
    milestones: rel.milestones(p.id).map((m) => ({ title: m.title, dueDate: m.due_date, doneDate: m.done_date })),
    kpis: rel.kpis(p.id).map((k) => ({ name: k.name, value: num(k.value), target: num(k.target), unit: k.unit, asOf: k.as_of })),
    districtProgress: rel.districts(p.id).map((d) => ({
      districtId: d.district_id,
      status: d.status,
      householdsPassed: d.households_passed,
      demo: d.demo,
    })),
    // Same-origin paths: the pages' CSP allows images from this host only.
    images: rel.images(p.id).map((i) => ({
      id: i.id,
      alt: i.alt,
      width: i.width,
      height: i.height,
      url: imagePath(i.id),
      thumbUrl: `${imagePath(i.id)}/thumb`,
    })),
    demo: p.demo,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}

export type Project = ReturnType<typeof presentProject>;

/** The parts of a project whose changes the history records, in a comparable form. */
export function trackedState(p: Project) {
  return {
    title: p.title,
    summary: p.summary,
    description: p.description,
    status: p.status,
    office: p.office,
    partners: p.partners,
    startDate: p.startDate,
    endDate: p.endDate,
    budgetEur: p.budgetEur,
    fundingProgramme: p.fundingProgramme,
    links: p.links,
    location: p.location,
    districts: p.districts,
    fields: p.fields.map((f) => f.slug),
    features: p.features,
    milestones: p.milestones,
    kpis: p.kpis,
  };
}

export function diffTracked(before: Project, after: Project) {
  const a = trackedState(before);
  const b = trackedState(after);
  return (Object.keys(b) as (keyof typeof b)[])
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, before: a[k], after: b[k] }));
}
