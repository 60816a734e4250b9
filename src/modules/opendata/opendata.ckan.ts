/**
 * CKAN Action API v3 semantics over the catalog: package/resource/group/organization dicts shaped
 * as CKAN returns them (groups are the EU themes in lower case, as on GovData) and a Solr-subset
 * query language for q/fq, enough for ckanext-harvest, piveau and ckanapi.
 */
import { createHash } from 'node:crypto';
import type { OpendataSettings } from './opendata.service.js';
import type { DatasetView, DistributionView } from './opendata.view.js';
import { GEOCODING, LICENCES, THEMES } from './opendata.vocab.js';

/** CKAN's own error kinds, with the status CKAN answers them with. */
export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}
export const ckanNotFound = (detail?: string) =>
  new CkanError(404, 'Not Found Error', detail ? `Not found: ${detail}` : 'Not found');
export const ckanValidation = (field: string, message: string) =>
  new CkanError(409, 'Validation Error', message, { [field]: [message] });
const searchError = (message: string) => new CkanError(409, 'Search Error', `Search error: ${message}`);
const queryError = (message: string) => new CkanError(400, 'Search Query Error', `Search Query is invalid: ${message}`);

/** A UUID-shaped, stable id from a URI (CKAN ids are UUIDs; harvesters keep them as GUIDs). */
export function uuidOf(uri: string) {
  const h = createHash('sha1').update(uri).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** CKAN writes timestamps as naive UTC ISO strings. */
const ckanTime = (iso: string) => iso.replace(/Z$/, '');

export function createCkanMapper(settings: OpendataSettings) {
  const orgName = settings.publisher.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const orgId = uuidOf(`${settings.publicUrl}/organization/${orgName}`);

  function organization(packageCount?: number) {
    return {
      id: orgId,
      name: orgName,
      title: settings.publisher.name,
      display_name: settings.publisher.name,
      description: settings.catalogDescription.de,
      image_url: '',
      image_display_url: '',
      created: '2024-01-01T00:00:00',
      is_organization: true,
      approval_status: 'approved',
      state: 'active',
      type: 'organization',
      ...(packageCount !== undefined ? { package_count: packageCount } : {}),
    };
  }

  function group(code: string, packageCount?: number) {
    const t = THEMES[code]!;
    return {
      id: uuidOf(`${settings.publicUrl}/group/${code.toLowerCase()}`),
      name: code.toLowerCase(),
      title: t.de,
      display_name: t.de,
      description: t.en,
      image_url: '',
      image_display_url: '',
      created: '2024-01-01T00:00:00',
      is_organization: false,
      approval_status: 'approved',
      state: 'active',
      type: 'group',
      ...(packageCount !== undefined ? { package_count: packageCount } : {}),
    };
  }

  function resource(ds: DatasetView, d: DistributionView) {
    return {
      id: uuidOf(d.uri),
      package_id: uuidOf(ds.uri),
      url: d.isService ? d.url : d.downloadUrl,
      name: d.title.de,
      description: d.title.en,
      format: d.format,
      mimetype: d.mediaType,
      mimetype_inner: null,
      size: null,
      hash: '',
      created: ckanTime(ds.issued),
      last_modified: ckanTime(ds.modified),
      metadata_modified: ckanTime(ds.modified),
      position: ds.distributions.indexOf(d),
      url_type: null,
      resource_type: d.isService ? 'api' : 'file',
      state: 'active',
      cache_url: null,
      datastore_active: false,
      uri: d.uri,
    };
  }

  function pkg(ds: DatasetView) {
    const lic = LICENCES[ds.licence];
    const extras: Record<string, string> = {
      uri: ds.uri,
      identifier: ds.uri,
      title_en: ds.title.en,
      notes_en: ds.description.en,
      contributorID: JSON.stringify(settings.contributorIds),
      politicalGeocodingURI: JSON.stringify([`${GEOCODING}regionalKey/${settings.ars}`]),
      politicalGeocodingLevelURI: `${GEOCODING}Level/municipality`,
      licenseAttributionByText: ds.attributionText,
      frequency: `http://publications.europa.eu/resource/authority/frequency/${ds.accrualPeriodicity}`,
      issued: ds.issued,
      modified: ds.modified,
    };
    if (ds.temporal.start) extras['temporal_start'] = ds.temporal.start;
    if (ds.temporal.end) extras['temporal_end'] = ds.temporal.end;
    return {
      id: uuidOf(ds.uri),
      name: ds.slug,
      title: ds.title.de,
      notes: ds.description.de,
      url: ds.landingPage ?? ds.uri,
      version: null,
      author: null,
      author_email: null,
      maintainer: ds.governance.owningOffice ?? settings.publisher.name,
      maintainer_email: settings.publisher.email,
      license_id: ds.licence,
      license_title: lic?.title ?? ds.licence,
      license_url: ds.licenceUri,
      isopen: lic?.open ?? false,
      owner_org: orgId,
      organization: organization(),
      private: false,
      state: 'active',
      type: 'dataset',
      metadata_created: ckanTime(ds.issued),
      metadata_modified: ckanTime(ds.modified),
      creator_user_id: null,
      num_resources: ds.distributions.length,
      num_tags: ds.keywords.length,
      tags: ds.keywords.map((k) => ({ id: uuidOf(`tag:${k}`), name: k, display_name: k, state: 'active', vocabulary_id: null })),
      groups: ds.themes.map((t) => group(t)),
      extras: Object.entries(extras).map(([key, value]) => ({ key, value })),
      resources: ds.distributions.map((d) => resource(ds, d)),
      relationships_as_subject: [],
      relationships_as_object: [],
    };
  }

  return { pkg, resource, organization, group, orgName, orgId };
}

export type CkanPackage = ReturnType<ReturnType<typeof createCkanMapper>['pkg']>;

// ---- search ----

/** Values of the indexed fields of one dataset, as the Solr index of CKAN would hold them. */
function fieldValues(p: CkanPackage, field: string): string[] | undefined {
  switch (field) {
    case 'id':
      return [p.id];
    case 'name':
      return [p.name];
    case 'title':
    case 'title_string':
      return [p.title];
    case 'notes':
      return [p.notes];
    case 'tags':
      return p.tags.map((t) => t.name);
    case 'groups':
      return p.groups.map((g) => g.name);
    case 'organization':
      return [p.organization.name];
    case 'owner_org':
      return [p.owner_org];
    case 'res_format':
      return p.resources.map((r) => r.format);
    case 'license_id':
      return [p.license_id];
    case 'metadata_modified':
      return [`${p.metadata_modified}Z`];
    case 'metadata_created':
      return [`${p.metadata_created}Z`];
    case 'text':
      return [
        p.name,
        p.title,
        p.notes,
        ...p.tags.map((t) => t.name),
        ...p.extras.filter((e) => e.key.endsWith('_en')).map((e) => e.value),
      ];
    default:
      return undefined;
  }
}

const TEXT_FIELDS = new Set(['title', 'notes', 'text']);
const KNOWN_FIELDS = new Set([
  'id',
  'name',
  'title',
  'title_string',
  'notes',
  'tags',
  'groups',
  'organization',
  'owner_org',
  'res_format',
  'license_id',
  'metadata_modified',
  'metadata_created',
  'text',
]);
const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/** Solr date math subset: ISO dates, "*", NOW and NOW-<n>DAY(S)/HOUR(S). */
function solrDate(v: string, now: Date): string {
  if (v === '*') return v;
  const m = /^NOW(?:([+-])(\d+)(DAYS?|HOURS?))?$/.exec(v);
  if (m) {
    const amount = m[2] ? Number(m[2]) * (m[3]!.startsWith('DAY') ? 86_400_000 : 3_600_000) : 0;
    return new Date(now.getTime() + (m[1] === '-' ? -amount : amount)).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v)) throw queryError(`invalid date "${v}"`);
  return v.endsWith('Z') || v.length === 10 ? v : `${v}Z`;
}

type Clause = { negate: boolean; test: (p: CkanPackage) => boolean };

function clauseOf(token: string, now: Date): Clause {
  let negate = false;
  let t = token;
  if (t.startsWith('-') || t.startsWith('+')) {
    negate = t.startsWith('-');
    t = t.slice(1);
  }
  const colon = t.indexOf(':');
  const field = colon > 0 && /^[a-z_]+$/.test(t.slice(0, colon)) ? t.slice(0, colon) : 'text';
  const raw = field === 'text' && colon <= 0 ? t : t.slice(colon + 1);
  if (!KNOWN_FIELDS.has(field)) throw searchError(`unknown field "${field}"`);
  const range = /^\[(\S+) TO (\S+)\]$/.exec(raw);
  if (range) {
    const lo = solrDate(range[1]!, now);
    const hi = solrDate(range[2]!, now);
    return { negate, test: (p) => fieldValues(p, field)!.some((v) => (lo === '*' || v >= lo) && (hi === '*' || v <= hi)) };
  }
  const alternatives = raw.startsWith('(') && raw.endsWith(')') ? raw.slice(1, -1).split(/\s+OR\s+/) : [raw];
  const wanted = alternatives.map((a) => unquote(a.trim()).toLowerCase());
  return {
    negate,
    test: (p) => {
      if (raw === '*') return fieldValues(p, field)!.length > 0;
      const values = fieldValues(p, field)!.map((v) => v.toLowerCase());
      return wanted.some((w) => values.some((v) => (TEXT_FIELDS.has(field) ? v.includes(w) : v === w)));
    },
  };
}

/** Parses q/fq into AND-ed groups of OR-ed clauses. */
export function parseQuery(text: string, now: Date): Clause[][] {
  const trimmed = text.trim();
  if (!trimmed || trimmed === '*:*') return [];
  const tokens = trimmed.match(/[+-]?[a-z_]+:(?:"[^"]*"|\[[^\]]*\]|\([^)]*\)|\S+)|"[^"]*"|\S+/g) ?? [];
  const groups: Clause[][] = [];
  let joinNext = false;
  for (const tok of tokens) {
    if (tok === 'AND' || tok === '&&') continue;
    if (tok === 'OR' || tok === '||') {
      joinNext = true;
      continue;
    }
    const clause = clauseOf(tok, now);
    if (joinNext && groups.length) groups[groups.length - 1]!.push(clause);
    else groups.push([clause]);
    joinNext = false;
  }
  return groups;
}

export const matches = (p: CkanPackage, groups: Clause[][]) => groups.every((g) => g.some((c) => c.test(p) !== c.negate));

const SORTABLE: Record<string, (p: CkanPackage) => string> = {
  id: (p) => p.id,
  name: (p) => p.name,
  title_string: (p) => p.title.toLowerCase(),
  metadata_modified: (p) => p.metadata_modified,
  metadata_created: (p) => p.metadata_created,
  score: () => '',
};

export function sorter(sort: string): (a: CkanPackage, b: CkanPackage) => number {
  const keys = sort.split(',').map((part) => {
    const [field = '', dir = 'asc'] = part.trim().split(/\s+/);
    const get = SORTABLE[field];
    if (!get || (dir !== 'asc' && dir !== 'desc')) throw searchError(`cannot sort by "${part.trim()}"`);
    return { get, sign: dir === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const k of keys) {
      const x = k.get(a);
      const y = k.get(b);
      if (x !== y) return x < y ? -k.sign : k.sign;
    }
    return 0;
  };
}

export const FACETABLE = ['organization', 'groups', 'tags', 'res_format', 'license_id'];

export function facets(results: CkanPackage[], fields: string[], limit: number, mincount: number) {
  const search_facets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
  const flat: Record<string, Record<string, number>> = {};
  for (const field of fields) {
    if (!FACETABLE.includes(field)) throw searchError(`cannot facet on "${field}"`);
    const counts = new Map<string, number>();
    for (const p of results) for (const v of new Set(fieldValues(p, field))) counts.set(v, (counts.get(v) ?? 0) + 1);
    const items = [...counts.entries()]
      .filter(([, c]) => c >= mincount)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit < 0 ? undefined : limit);
    flat[field] = Object.fromEntries(items);
    search_facets[field] = { title: field, items: items.map(([name, count]) => ({ name, display_name: name, count })) };
  }
  return { facets: flat, search_facets };
}
