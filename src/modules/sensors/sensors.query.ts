/**
 * Parses the system query options ($filter, $expand with nested options, $select, $orderby, $top,
 * $skip, $count, $resultFormat) and checks every name against the model, so the query engine only
 * ever sees known properties and relations.
 */
import { QueryError, type Node, type OrderItem } from './filter/ast.js';
import { parseFilter, parseOrderBy } from './filter/parser.js';
import { findProp, findRel, MODEL, type EntityDef } from './sensors.model.js';

export interface QuerySettings {
  defaultTop: number;
  maxTop: number;
}

export interface ExpandItem {
  rel: string;
  options: QueryOptions;
}

export interface QueryOptions {
  filter?: Node;
  orderby?: OrderItem[];
  /** Property and relation names; undefined = everything. */
  select?: string[];
  expand: ExpandItem[];
  top: number;
  /** $top was given explicitly (the next link repeats it). */
  topGiven: boolean;
  skip: number;
  count: boolean;
  resultFormat?: 'dataArray';
  /** The raw option texts, to repeat in next links. */
  raw: Record<string, string>;
}

const KNOWN = new Set(['$filter', '$expand', '$select', '$orderby', '$top', '$skip', '$count', '$resultFormat']);
/** OData options a client might send that we do not implement: answered with 501 as the spec asks. */
export class NotImplementedOption extends Error {
  override name = 'NotImplementedOption';
}

export function parseQueryOptions(params: Iterable<[string, string]>, def: EntityDef, settings: QuerySettings, nested = false): QueryOptions {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) {
    if (!k.startsWith('$')) continue;
    if (!KNOWN.has(k)) {
      if (nested) throw new QueryError(`unknown query option ${k} inside $expand`, undefined, '$expand');
      throw new NotImplementedOption(`The query option ${k} is not implemented.`);
    }
    if (k in raw) throw new QueryError(`${k} is given twice`, undefined, k);
    raw[k] = v;
  }
  const options: QueryOptions = { expand: [], top: settings.defaultTop, topGiven: false, skip: 0, count: false, raw };
  if (raw['$top'] !== undefined) {
    options.top = Math.min(nonNegative(raw['$top'], '$top'), settings.maxTop);
    options.topGiven = true;
  }
  if (raw['$skip'] !== undefined) options.skip = nonNegative(raw['$skip'], '$skip');
  if (raw['$count'] !== undefined) {
    if (raw['$count'] !== 'true' && raw['$count'] !== 'false') throw new QueryError('$count must be true or false', 0, '$count');
    options.count = raw['$count'] === 'true';
  }
  if (raw['$resultFormat'] !== undefined) {
    if (raw['$resultFormat'] !== 'dataArray') throw new QueryError(`unsupported $resultFormat '${raw['$resultFormat']}' (supported: dataArray)`, 0, '$resultFormat');
    if (def.set !== 'Observations') throw new QueryError('$resultFormat=dataArray is only available for Observations', 0, '$resultFormat');
    options.resultFormat = 'dataArray';
  }
  if (raw['$filter'] !== undefined) options.filter = parseFilter(raw['$filter']);
  if (raw['$orderby'] !== undefined) options.orderby = parseOrderBy(raw['$orderby']);
  if (raw['$select'] !== undefined) options.select = parseSelect(raw['$select'], def);
  if (raw['$expand'] !== undefined) {
    if (options.resultFormat) throw new QueryError('$expand is not allowed with $resultFormat=dataArray', 0, '$expand');
    options.expand = parseExpand(raw['$expand'], def, settings);
  }
  return options;
}

function nonNegative(text: string, option: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new QueryError(`${option} must be a non-negative whole number`, 0, option);
  return Number(text.trim());
}

function parseSelect(text: string, def: EntityDef): string[] {
  const names = text.split(',').map((s) => s.trim());
  let offset = 0;
  for (const n of names) {
    const bare = n.replace(/^@iot\./, '');
    if (bare === 'selfLink' || bare === 'id') {
      offset += n.length + 1;
      continue;
    }
    if (!findProp(def, bare) && !findRel(def, bare)) {
      throw new QueryError(`${def.singular} has no property or relation '${n}' (position ${offset})`, offset, '$select');
    }
    offset += n.length + 1;
  }
  return names.map((n) => n.replace(/^@iot\./, ''));
}

/** Splits at `sep` outside parentheses and quotes. */
function splitTop(text: string, sep: string, option: string): { part: string; at: number }[] {
  const parts: { part: string; at: number }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) throw new QueryError(`unbalanced ')' at position ${i}`, i, option);
    if (c === sep && depth === 0) {
      parts.push({ part: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  if (depth !== 0 || quoted) throw new QueryError(`unbalanced parentheses or quotes in ${option}`, text.length, option);
  parts.push({ part: text.slice(start), at: start });
  return parts;
}

const MAX_EXPAND_ITEMS = 50;

function parseExpand(text: string, def: EntityDef, settings: QuerySettings): ExpandItem[] {
  if (text.length > 4096) throw new QueryError('$expand is longer than 4096 characters', 4096, '$expand');
  const items: ExpandItem[] = [];
  const parts = splitTop(text, ',', '$expand');
  if (parts.length > MAX_EXPAND_ITEMS) throw new QueryError(`$expand names more than ${MAX_EXPAND_ITEMS} relations`, 0, '$expand');
  for (const { part, at } of parts) {
    const trimmed = part.trim();
    const open = trimmed.indexOf('(');
    const pathText = open < 0 ? trimmed : trimmed.slice(0, open);
    let inner: [string, string][] = [];
    if (open >= 0) {
      if (!trimmed.endsWith(')')) throw new QueryError(`expected ')' at the end of '${trimmed}' (position ${at + trimmed.length})`, at + trimmed.length, '$expand');
      inner = splitTop(trimmed.slice(open + 1, -1), ';', '$expand')
        .filter((p) => p.part.trim() !== '')
        .map(({ part: o }) => {
          const eq = o.indexOf('=');
          if (eq < 0) throw new QueryError(`expected $option=value in '${o}' (position ${at + open})`, at + open, '$expand');
          return [o.slice(0, eq).trim(), o.slice(eq + 1)];
        });
    }
    addExpandPath(items, pathText.split('/').map((s) => s.trim()), inner, def, settings, at);
  }
  return items;
}

function addExpandPath(items: ExpandItem[], segs: string[], inner: [string, string][], def: EntityDef, settings: QuerySettings, at: number) {
  const [first, ...rest] = segs;
  const rel = first ? findRel(def, first) : undefined;
  if (!rel) throw new QueryError(`${def.singular} has no relation '${first ?? ''}' (position ${at})`, at, '$expand');
  const target = MODEL[rel.target];
  let item = items.find((i) => i.rel === rel.name);
  if (!item) {
    item = { rel: rel.name, options: parseQueryOptions(rest.length === 0 ? inner : [], target, settings, true) };
    items.push(item);
  } else if (rest.length === 0 && inner.length > 0) {
    const nested = item.options.expand;
    item.options = parseQueryOptions(inner, target, settings, true);
    item.options.expand.push(...nested.filter((n) => !item!.options.expand.some((e) => e.rel === n.rel)));
  }
  if (rest.length > 0) addExpandPath(item.options.expand, rest, inner, target, settings, at);
}
