/** The read-only CKAN actions over the public catalog. */
import type { Clock } from '../../platform/contracts.js';
import {
  CkanError,
  ckanNotFound,
  ckanValidation,
  createCkanMapper,
  facets,
  matches,
  parseQuery,
  sorter,
  uuidOf,
  type CkanPackage,
} from './opendata.ckan.js';
import type { OpendataService, OpendataSettings } from './opendata.service.js';
import { LICENCES, THEMES } from './opendata.vocab.js';

export type CkanParams = Record<string, unknown>;

function str(params: CkanParams, key: string): string | undefined {
  const v = params[key];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.length ? scalar(v[v.length - 1]) : undefined;
  return scalar(v);
}

/** Query values are strings; JSON bodies may carry numbers, booleans or objects. */
function scalar(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function int(params: CkanParams, key: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = str(params, key);
  if (v === undefined || v === '') return fallback;
  if (!/^-?\d+$/.test(v)) throw ckanValidation(key, 'Invalid integer');
  const n = Number(v);
  if (n < 0 && key !== 'facet.limit') throw ckanValidation(key, 'Must be a natural number');
  return Math.min(n, max);
}

function bool(params: CkanParams, key: string, fallback: boolean): boolean {
  const v = str(params, key);
  return v === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(v.toLowerCase());
}

/** List parameters come repeated, or as a JSON list string (both are CKAN usage). */
function list(params: CkanParams, key: string): string[] {
  const v = params[key];
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v.map(scalar) : [scalar(v)];
  return items.flatMap((i) => {
    if (!i.trim().startsWith('[')) return [i];
    try {
      const parsed: unknown = JSON.parse(i);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      /* fall through */
    }
    throw ckanValidation(key, 'Invalid list');
  });
}

function required(params: CkanParams, key: string): string {
  const v = str(params, key);
  if (!v) throw ckanValidation(key, 'Missing value');
  return v;
}

export const CKAN_ACTIONS = [
  'package_list',
  'package_show',
  'package_search',
  'current_package_list_with_resources',
  'organization_list',
  'organization_show',
  'group_list',
  'group_show',
  'tag_list',
  'resource_show',
  'status_show',
  'site_read',
  'help_show',
  'license_list',
] as const;

export function createCkanService(deps: {
  opendata: OpendataService;
  settings: OpendataSettings;
  clock: Clock;
  version: string;
}) {
  const { opendata, settings, clock } = deps;
  const map = createCkanMapper(settings);

  async function packages(): Promise<CkanPackage[]> {
    return (await opendata.allPublic()).map(map.pkg);
  }

  function find(all: CkanPackage[], id: string) {
    const p = all.find((x) => x.id === id || x.name === id);
    if (!p) throw ckanNotFound();
    return p;
  }

  function paged<T>(items: T[], params: CkanParams, defaultLimit: number) {
    const offset = int(params, 'offset', 0);
    const limit = int(params, 'limit', defaultLimit);
    return items.slice(offset, offset + limit);
  }

  function groupsOrOrgs(all: CkanPackage[], params: CkanParams, kind: 'group' | 'organization') {
    const counts = new Map<string, number>();
    for (const p of all)
      for (const n of kind === 'group' ? p.groups.map((g) => g.name) : [p.organization.name])
        counts.set(n, (counts.get(n) ?? 0) + 1);
    const dicts =
      kind === 'group'
        ? Object.keys(THEMES).map((c) => map.group(c, counts.get(c.toLowerCase()) ?? 0))
        : [map.organization(all.length)];
    const sort = str(params, 'sort') ?? 'title asc';
    const [field = 'title', dir = 'asc'] = sort.split(/\s+/);
    if (!['title', 'name', 'package_count'].includes(field)) throw ckanValidation('sort', `Cannot sort by field \`${field}\``);
    dicts.sort((a, b) => {
      const x =
        field === 'package_count'
          ? (a.package_count ?? 0) - (b.package_count ?? 0)
          : String(a[field as 'title']).localeCompare(String(b[field as 'title']), 'de');
      return dir === 'desc' ? -x : x;
    });
    const wanted = list(params, kind === 'group' ? 'groups' : 'organizations');
    const chosen = wanted.length ? dicts.filter((d) => wanted.includes(d.name)) : dicts;
    const page = paged(chosen, params, bool(params, 'all_fields', false) ? 25 : 1000);
    return bool(params, 'all_fields', false) ? page : page.map((d) => d.name);
  }

  function show(all: CkanPackage[], params: CkanParams, kind: 'group' | 'organization') {
    const id = required(params, 'id');
    const codes = kind === 'group' ? Object.keys(THEMES) : [];
    const hit =
      kind === 'group'
        ? codes.find((c) => c.toLowerCase() === id.toLowerCase() || map.group(c).id === id)
        : id === map.orgName || id === map.orgId
          ? map.orgName
          : undefined;
    if (!hit) throw ckanNotFound();
    const members = all.filter((p) => (kind === 'group' ? p.groups.some((g) => g.name === hit.toLowerCase()) : true));
    const dict = kind === 'group' ? map.group(hit, members.length) : map.organization(members.length);
    return {
      ...dict,
      packages: bool(params, 'include_datasets', false) ? members.slice(0, 10) : [],
      extras: [],
      users: [],
      tags: [],
      groups: [],
    };
  }

  async function search(params: CkanParams) {
    const all = await packages();
    const now = clock.now();
    const groups = [
      ...parseQuery(str(params, 'q') ?? '', now),
      ...parseQuery(str(params, 'fq') ?? '', now),
      ...list(params, 'fq_list').flatMap((f) => parseQuery(f, now)),
    ];
    const rows = int(params, 'rows', 10, 1000);
    const start = int(params, 'start', 0);
    const sort = str(params, 'sort') ?? 'score desc, metadata_modified desc';
    const hits = all.filter((p) => matches(p, groups)).sort(sorter(sort));
    const facetFields = bool(params, 'facet', true) ? list(params, 'facet.field') : [];
    const f = facets(hits, facetFields, int(params, 'facet.limit', 50), int(params, 'facet.mincount', 1));
    return {
      count: hits.length,
      facets: f.facets,
      results: hits.slice(start, start + rows),
      sort,
      search_facets: f.search_facets,
    };
  }

  const actions: Record<(typeof CKAN_ACTIONS)[number], (params: CkanParams) => Promise<unknown>> = {
    package_list: async (params) => paged((await packages()).map((p) => p.name).sort(), params, Number.MAX_SAFE_INTEGER),
    package_show: async (params) => find(await packages(), required(params, 'id')),
    package_search: search,
    current_package_list_with_resources: async (params) =>
      paged((await packages()).sort(sorter('metadata_modified desc, id asc')), params, 10),
    organization_list: async (params) => groupsOrOrgs(await packages(), params, 'organization'),
    organization_show: async (params) => show(await packages(), params, 'organization'),
    group_list: async (params) => groupsOrOrgs(await packages(), params, 'group'),
    group_show: async (params) => show(await packages(), params, 'group'),
    tag_list: async (params) => {
      const q = str(params, 'query')?.toLowerCase();
      const tags = [...new Set((await packages()).flatMap((p) => p.tags.map((t) => t.name)))]
        .filter((t) => !q || t.toLowerCase().includes(q))
        .sort();
      return bool(params, 'all_fields', false)
        ? tags.map((t) => ({ id: uuidOf(`tag:${t}`), name: t, vocabulary_id: null }))
        : tags;
    },
    resource_show: async (params) => {
      const id = required(params, 'id');
      const r = (await packages()).flatMap((p) => p.resources).find((x) => x.id === id);
      if (!r) throw ckanNotFound('Resource was not found.');
      return r;
    },
    status_show: async () => ({
      site_title: settings.catalogTitle.de,
      site_description: settings.catalogDescription.de,
      site_url: settings.publicUrl,
      ckan_version: '2.10.0',
      error_emails_to: null,
      locale_default: 'de',
      extensions: ['dcat', 'confluentes'],
    }),
    site_read: async () => true,
    help_show: async (params) => {
      const name = required(params, 'name');
      if (!(CKAN_ACTIONS as readonly string[]).includes(name)) throw ckanNotFound(`Action function not found: ${name}`);
      return `${name}: read-only CKAN action of the ${settings.publisher.name} open-data catalog (CKAN Action API v3 subset).`;
    },
    license_list: async () =>
      Object.entries(LICENCES).map(([id, l]) => ({
        id,
        title: l.title,
        url: `http://dcat-ap.de/def/licenses/${id}`,
        od_conformance: l.open ? 'approved' : 'not reviewed',
        osd_conformance: 'not reviewed',
        status: 'active',
      })),
  };

  return {
    helpUrl: (action: string) => `${settings.publicUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`,
    /** Runs an action; unknown names are CKAN's 400 "Bad request". */
    async call(action: string, params: CkanParams): Promise<unknown> {
      const fn = (actions as Record<string, ((p: CkanParams) => Promise<unknown>) | undefined>)[action];
      if (!fn || !Object.hasOwn(actions, action))
        throw new CkanError(400, 'Bad Request', `Bad request - Action name not known: ${action}`);
      return fn(params);
    },
  };
}

export type CkanService = ReturnType<typeof createCkanService>;
