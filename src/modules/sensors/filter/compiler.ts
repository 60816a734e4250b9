/**
 * Compiles a parsed $filter / $orderby into parameterised SQL over the model in sensors.model.ts.
 * Literals become bound parameters with an explicit cast; identifiers come only from the model.
 * Paths across relations (Datastream/Thing/name, Datastreams/Observations/result) are joined inside
 * an EXISTS sub-query per comparison ("any" semantics, like FROST). Types are checked here so a
 * mismatch is a 400 with the position instead of a database error.
 */
import { sql, type RawBuilder } from 'kysely';
import { findProp, findRel, MODEL, type EntityDef, type PropDef, type RelDef } from '../sensors.model.js';
import { QueryError, type BinaryOp, type Node, type OrderItem } from './ast.js';

type R = RawBuilder<unknown>;
type Scalar = 'string' | 'number' | 'boolean' | 'datetime' | 'json' | 'geometry' | 'null';
type Expr = { type: Scalar; sql: R; literalText?: string } | { type: 'interval'; sql: R; end: R };

export interface CompileContext {
  def: EntityDef;
  /** SQL alias of the entity's table in the outer query. */
  alias: string;
  now: Date;
}

interface Scope {
  from: R[];
  where: R[];
  hops: Map<string, string>;
  counter: { n: number };
}

const SQL_OPS: Record<string, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const COMPARISONS = new Set(Object.keys(SQL_OPS));
const ARITHMETIC = new Set(['add', 'sub', 'mul', 'div', 'mod']);
const ISO_TEXT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';
const WKT = /^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(Z|M|ZM)?\s*(EMPTY|\([\d\s.,()eE+-]*\))\s*$/i;

const fail = (message: string, pos: number): never => {
  throw new QueryError(`${message} at position ${pos}`, pos);
};
const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

export function compileFilter(node: Node, ctx: CompileContext): RawBuilder<boolean> {
  return boolTree(node, ctx, { n: 0 }) as RawBuilder<boolean>;
}

export function compileOrderBy(items: OrderItem[], ctx: CompileContext): R[] {
  const counter = { n: 0 };
  return items.map(({ expr, desc }) => {
    const scope = newScope(counter);
    const e = value(expr, ctx, scope);
    if (e.type === 'geometry') fail('cannot order by a geometry', expr.pos);
    const wrapped = wrapScalar(scope, e.sql);
    const prop = expr.k === 'path' && expr.segs.length === 1 ? ctx.def.props.find((p) => p.name === expr.segs[0]) : undefined;
    if (prop?.notNull) return desc ? sql`${wrapped} desc` : sql`${wrapped} asc`;
    // OData: null sorts as the smallest value.
    return desc ? sql`${wrapped} desc nulls last` : sql`${wrapped} asc nulls first`;
  });
}

function newScope(counter: { n: number }): Scope {
  return { from: [], where: [], hops: new Map(), counter };
}

function boolTree(node: Node, ctx: CompileContext, counter: { n: number }): R {
  if (node.k === 'bin' && (node.op === 'and' || node.op === 'or')) {
    const l = boolTree(node.l, ctx, counter);
    const r = boolTree(node.r, ctx, counter);
    return node.op === 'and' ? sql`(${l} and ${r})` : sql`(${l} or ${r})`;
  }
  if (node.k === 'not') return sql`(not ${boolTree(node.e, ctx, counter)})`;
  const scope = newScope(counter);
  const b = toBool(value(node, ctx, scope), node.pos);
  if (scope.from.length === 0) return b;
  return sql`exists (select 1 from ${sql.join(scope.from)} where ${sql.join(scope.where, sql` and `)} and ${b})`;
}

function wrapScalar(scope: Scope, e: R): R {
  if (scope.from.length === 0) return e;
  return sql`(select ${e} from ${sql.join(scope.from)} where ${sql.join(scope.where, sql` and `)} limit 1)`;
}

function value(node: Node, ctx: CompileContext, scope: Scope): Expr {
  switch (node.k) {
    case 'lit':
      return literal(node);
    case 'path':
      return path(node.segs, node.pos, ctx, scope);
    case 'neg':
      return { type: 'number', sql: sql`(- ${toNumber(value(node.e, ctx, scope), node.pos)})` };
    case 'not':
      return { type: 'boolean', sql: sql`(not ${toBool(value(node.e, ctx, scope), node.pos)})` };
    case 'call':
      return call(node.name, node.args.map((a) => value(a, ctx, scope)), node.pos, ctx, node.args);
    case 'bin': {
      const l = value(node.l, ctx, scope);
      const r = value(node.r, ctx, scope);
      if (node.op === 'and' || node.op === 'or') {
        const op = node.op === 'and' ? sql`and` : sql`or`;
        return { type: 'boolean', sql: sql`(${toBool(l, node.l.pos)} ${op} ${toBool(r, node.r.pos)})` };
      }
      if (ARITHMETIC.has(node.op)) return arithmetic(node.op, l, r, node.pos);
      if (COMPARISONS.has(node.op)) return { type: 'boolean', sql: compare(node.op, l, r, node.pos) };
      return fail(`unknown operator ${node.op}`, node.pos);
    }
  }
}

function literal(node: Extract<Node, { k: 'lit' }>): Expr {
  switch (node.type) {
    case 'string':
      return { type: 'string', sql: sql`${node.value}::text` };
    case 'number':
      return { type: 'number', sql: sql`${node.value}::double precision` };
    case 'boolean':
      return { type: 'boolean', sql: sql`${node.value}::boolean` };
    case 'null':
      return { type: 'null', sql: sql`null` };
    case 'datetime': {
      const ms = Date.parse(node.value);
      if (Number.isNaN(ms)) fail(`invalid date/time ${node.value}`, node.pos);
      return { type: 'datetime', sql: sql`${new Date(ms).toISOString()}::timestamptz`, literalText: node.value };
    }
    case 'geometry': {
      if (!WKT.test(node.value) || !balanced(node.value)) fail(`invalid WKT geometry '${node.value.slice(0, 60)}'`, node.pos);
      return { type: 'geometry', sql: sql`ST_GeomFromText(${node.value}::text, 4326)` };
    }
  }
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function path(segs: string[], pos: number, ctx: CompileContext, scope: Scope): Expr {
  let def = ctx.def;
  let alias = ctx.alias;
  let key = '';
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const rel = findRel(def, seg);
    if (rel) {
      // Datastream/id needs no join: the foreign key is the answer.
      if (rel.kind === 'fk' && i === segs.length - 2 && (segs[i + 1] === 'id' || segs[i + 1] === '@iot.id')) {
        return { type: 'number', sql: ref(alias, rel.column) };
      }
      key += `/${seg}`;
      let next = scope.hops.get(key);
      if (!next) {
        next = hop(scope, rel, alias);
        scope.hops.set(key, next);
      }
      alias = next;
      def = MODEL[rel.target];
      continue;
    }
    const prop = findProp(def, seg);
    if (!prop) return fail(`${def.singular} has no property or relation '${seg}'`, pos);
    const rest = segs.slice(i + 1);
    if (rest.length > 0 && prop.type !== 'json') fail(`'${seg}' of ${def.singular} has no sub-properties`, pos);
    return propExpr(prop, alias, rest);
  }
  return fail(`'${segs.join('/')}' is a relation; name one of its properties`, pos);
}

function hop(scope: Scope, rel: RelDef, from: string): string {
  const n = ++scope.counter.n;
  const alias = `j${n}`;
  const target = MODEL[rel.target].table;
  scope.from.push(sql`${sql.table(target)} as ${sql.id(alias)}`);
  if (rel.kind === 'fk') scope.where.push(sql`${ref(alias, 'id')} = ${ref(from, rel.column)}`);
  else if (rel.kind === 'reverse') scope.where.push(sql`${ref(alias, rel.column)} = ${ref(from, 'id')}`);
  else {
    const link = `l${n}`;
    scope.from.push(sql`${sql.table(rel.table)} as ${sql.id(link)}`);
    scope.where.push(sql`${ref(link, rel.from)} = ${ref(from, 'id')}`, sql`${ref(alias, 'id')} = ${ref(link, rel.to)}`);
  }
  return alias;
}

function propExpr(prop: PropDef, alias: string, rest: string[]): Expr {
  const col = ref(alias, prop.column);
  switch (prop.type) {
    case 'id':
    case 'number':
      return { type: 'number', sql: col };
    case 'string':
      return { type: 'string', sql: col };
    case 'boolean':
      return { type: 'boolean', sql: col };
    case 'datetime':
      return { type: 'datetime', sql: col };
    case 'interval':
      return { type: 'interval', sql: col, end: sql`coalesce(${ref(alias, prop.endColumn!)}, ${col})` };
    case 'geometry':
      return { type: 'geometry', sql: ref(alias, prop.geomColumn!) };
    case 'json': {
      let e: R = col;
      for (const k of rest) e = /^\d+$/.test(k) ? sql`(${e} -> ${Number(k)}::int)` : sql`(${e} -> ${k}::text)`;
      return { type: 'json', sql: e };
    }
  }
}

function typeError(what: string, e: Expr, pos: number): never {
  return fail(`expected ${what} but found ${e.type}`, pos);
}

function toNumber(e: Expr, pos: number): R {
  if (e.type === 'number') return e.sql;
  if (e.type === 'null') return sql`null::double precision`;
  if (e.type === 'json') return sql`(case when jsonb_typeof(${e.sql}) = 'number' then (${e.sql} #>> '{}')::double precision end)`;
  return typeError('a number', e, pos);
}

function toText(e: Expr, pos: number): R {
  if (e.type === 'string') return e.sql;
  if (e.type === 'null') return sql`null::text`;
  if (e.type === 'json') return sql`(${e.sql} #>> '{}')`;
  return typeError('a string', e, pos);
}

function toBool(e: Expr, pos: number): R {
  if (e.type === 'boolean') return e.sql;
  if (e.type === 'null') return sql`null::boolean`;
  if (e.type === 'json') return sql`(case when jsonb_typeof(${e.sql}) = 'boolean' then (${e.sql} #>> '{}')::boolean end)`;
  return typeError('a boolean expression', e, pos);
}

function toDatetime(e: Expr, pos: number): R {
  if (e.type === 'datetime' || e.type === 'interval') return e.sql;
  if (e.type === 'null') return sql`null::timestamptz`;
  if (e.type === 'json') {
    return sql`(case when jsonb_typeof(${e.sql}) = 'string' and (${e.sql} #>> '{}') ~ ${ISO_TEXT}::text then (${e.sql} #>> '{}')::timestamptz end)`;
  }
  return typeError('a date/time', e, pos);
}

function toGeometry(e: Expr, pos: number): R {
  if (e.type === 'geometry') return e.sql;
  if (e.type === 'null') return sql`null::geometry`;
  return typeError('a geometry', e, pos);
}

function arithmetic(op: BinaryOp, l: Expr, r: Expr, pos: number): Expr {
  const a = toNumber(l, pos);
  const b = toNumber(r, pos);
  switch (op) {
    case 'add':
      return { type: 'number', sql: sql`(${a} + ${b})` };
    case 'sub':
      return { type: 'number', sql: sql`(${a} - ${b})` };
    case 'mul':
      return { type: 'number', sql: sql`(${a} * ${b})` };
    case 'div':
      // Division by zero gives null (no match) rather than a database error.
      return { type: 'number', sql: sql`(${a} / nullif(${b}, 0))` };
    default:
      return { type: 'number', sql: sql`mod((${a})::numeric, nullif((${b})::numeric, 0))::double precision` };
  }
}

const FLIP: Record<string, string> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

function compare(op: string, l: Expr, r: Expr, pos: number): R {
  const o = sql.raw(SQL_OPS[op]!);
  if (l.type === 'null' || r.type === 'null') {
    if (op !== 'eq' && op !== 'ne') return sql`null::boolean`;
    const other = l.type === 'null' ? r : l;
    let isNull: R = sql`true`;
    if (other.type === 'json') isNull = sql`(${other.sql} is null or jsonb_typeof(${other.sql}) = 'null')`;
    else if (other.type !== 'null') isNull = sql`(${other.sql} is null)`;
    return op === 'eq' ? isNull : sql`(not ${isNull})`;
  }
  if (l.type === 'interval' || r.type === 'interval') {
    if (r.type === 'interval' && l.type !== 'interval') return compare(FLIP[op]!, r, l, pos);
    const i = l as Extract<Expr, { type: 'interval' }>;
    if (r.type === 'interval') {
      if (op === 'eq') return sql`(${i.sql} = ${r.sql} and ${i.end} = ${r.end})`;
      if (op === 'ne') return sql`(${i.sql} <> ${r.sql} or ${i.end} <> ${r.end})`;
      if (op === 'lt' || op === 'le') return sql`(${i.end} ${o} ${r.sql})`;
      return sql`(${i.sql} ${o} ${r.end})`;
    }
    const t = toDatetime(r, pos);
    if (op === 'eq') return sql`(${i.sql} = ${t} and ${i.end} = ${t})`;
    if (op === 'ne') return sql`(${i.sql} <> ${t} or ${i.end} <> ${t})`;
    if (op === 'lt' || op === 'le') return sql`(${i.end} ${o} ${t})`;
    return sql`(${i.sql} ${o} ${t})`;
  }
  if (l.type === 'geometry' || r.type === 'geometry') return fail('geometries cannot be compared; use geo.* or st_* functions', pos);
  if (l.type === 'json' && r.type === 'json') return sql`(${l.sql} ${o} ${r.sql})`;
  if (l.type === 'json' || r.type === 'json') {
    const other = l.type === 'json' ? r : l;
    const coerce = (e: Expr) => (e.type !== 'json' ? e.sql : coerceJson(e, other.type, pos));
    return sql`(${coerce(l)} ${o} ${coerce(r)})`;
  }
  if (l.type === r.type) return sql`(${l.sql} ${o} ${r.sql})`;
  // A number compared with a string literal compares as text (ets-sta10 relies on it).
  if (l.type === 'number' && r.type === 'string') return sql`((${l.sql})::text ${o} ${r.sql})`;
  if (l.type === 'string' && r.type === 'number') return sql`(${l.sql} ${o} (${r.sql})::text)`;
  // date(x) eq 2015-03-01: a string against a date literal compares with the literal's text.
  if (l.type === 'string' && r.type === 'datetime' && r.literalText) return sql`(${l.sql} ${o} ${r.literalText}::text)`;
  if (r.type === 'string' && l.type === 'datetime' && l.literalText) return sql`(${l.literalText}::text ${o} ${r.sql})`;
  return fail(`cannot compare ${l.type} with ${r.type}`, pos);
}

function coerceJson(e: Expr, to: Scalar, pos: number): R {
  switch (to) {
    case 'number':
      return toNumber(e, pos);
    case 'boolean':
      return toBool(e, pos);
    case 'datetime':
      return toDatetime(e, pos);
    default:
      return toText(e, pos);
  }
}

const DATE_PARTS: Record<string, string> = { year: 'year', month: 'month', day: 'day', hour: 'hour', minute: 'minute' };
const ST_FUNCTIONS: Record<string, string> = {
  st_equals: 'ST_Equals',
  st_disjoint: 'ST_Disjoint',
  st_touches: 'ST_Touches',
  st_within: 'ST_Within',
  st_overlaps: 'ST_Overlaps',
  st_crosses: 'ST_Crosses',
  st_intersects: 'ST_Intersects',
  st_contains: 'ST_Contains',
  'geo.intersects': 'ST_Intersects',
};

function arity(name: string, args: Expr[], n: number[], pos: number) {
  if (!n.includes(args.length)) fail(`${name}() takes ${n.join(' or ')} argument${n.length === 1 && n[0] === 1 ? '' : 's'}, not ${args.length}`, pos);
}

function call(name: string, args: Expr[], pos: number, ctx: CompileContext, nodes: Node[]): Expr {
  const p = (i: number) => nodes[i]?.pos ?? pos;
  const a = (i: number) => args[i]!;
  const utc = (i: number) => sql`(${toDatetime(a(i), p(i))} at time zone 'UTC')`;
  const lower = name.toLowerCase();
  if (lower in DATE_PARTS) {
    arity(name, args, [1], pos);
    return { type: 'number', sql: sql`extract(${sql.raw(DATE_PARTS[lower]!)} from ${utc(0)})::double precision` };
  }
  if (lower in ST_FUNCTIONS) {
    arity(name, args, [2], pos);
    return { type: 'boolean', sql: sql`${sql.raw(ST_FUNCTIONS[lower]!)}(${toGeometry(a(0), p(0))}, ${toGeometry(a(1), p(1))})` };
  }
  switch (lower) {
    case 'substringof':
      arity(name, args, [2], pos);
      return { type: 'boolean', sql: sql`(strpos(${toText(a(1), p(1))}, ${toText(a(0), p(0))}) > 0)` };
    case 'contains':
      arity(name, args, [2], pos);
      return { type: 'boolean', sql: sql`(strpos(${toText(a(0), p(0))}, ${toText(a(1), p(1))}) > 0)` };
    case 'startswith':
      arity(name, args, [2], pos);
      return { type: 'boolean', sql: sql`(left(${toText(a(0), p(0))}, char_length(${toText(a(1), p(1))})) = ${toText(a(1), p(1))})` };
    case 'endswith':
      arity(name, args, [2], pos);
      return { type: 'boolean', sql: sql`(right(${toText(a(0), p(0))}, char_length(${toText(a(1), p(1))})) = ${toText(a(1), p(1))})` };
    case 'length':
      arity(name, args, [1], pos);
      return { type: 'number', sql: sql`char_length(${toText(a(0), p(0))})::double precision` };
    case 'indexof':
      arity(name, args, [2], pos);
      return { type: 'number', sql: sql`(strpos(${toText(a(0), p(0))}, ${toText(a(1), p(1))}) - 1)::double precision` };
    case 'substring': {
      arity(name, args, [2, 3], pos);
      // OData counts from 0, PostgreSQL from 1; clamp so odd arguments give '' instead of an error.
      const start = sql`(greatest(least(${toNumber(a(1), p(1))}, 1e9), -1e9)::int + 1)`;
      if (args.length === 2) return { type: 'string', sql: sql`substr(${toText(a(0), p(0))}, ${start})` };
      const len = sql`greatest(least(${toNumber(a(2), p(2))}, 1e9), 0)::int`;
      return { type: 'string', sql: sql`substr(${toText(a(0), p(0))}, ${start}, ${len})` };
    }
    case 'tolower':
      arity(name, args, [1], pos);
      return { type: 'string', sql: sql`lower(${toText(a(0), p(0))})` };
    case 'toupper':
      arity(name, args, [1], pos);
      return { type: 'string', sql: sql`upper(${toText(a(0), p(0))})` };
    case 'trim':
      arity(name, args, [1], pos);
      return { type: 'string', sql: sql`btrim(${toText(a(0), p(0))})` };
    case 'concat':
      arity(name, args, [2], pos);
      return { type: 'string', sql: sql`(${toText(a(0), p(0))} || ${toText(a(1), p(1))})` };
    case 'second':
      arity(name, args, [1], pos);
      return { type: 'number', sql: sql`floor(extract(second from ${utc(0)}))::double precision` };
    case 'fractionalseconds':
      arity(name, args, [1], pos);
      return { type: 'number', sql: sql`(extract(second from ${utc(0)}) - floor(extract(second from ${utc(0)})))::double precision` };
    case 'date':
      arity(name, args, [1], pos);
      return { type: 'string', sql: sql`to_char(${utc(0)}, 'YYYY-MM-DD')` };
    case 'time':
      arity(name, args, [1], pos);
      return { type: 'string', sql: sql`to_char(${utc(0)}, 'HH24:MI:SS.US')` };
    case 'totaloffsetminutes':
      arity(name, args, [1], pos);
      toDatetime(a(0), p(0));
      return { type: 'number', sql: sql`0::double precision` };
    case 'now':
      arity(name, args, [0], pos);
      return { type: 'datetime', sql: sql`${ctx.now.toISOString()}::timestamptz` };
    case 'mindatetime':
      arity(name, args, [0], pos);
      return { type: 'datetime', sql: sql`'0001-01-01T00:00:00Z'::timestamptz` };
    case 'maxdatetime':
      arity(name, args, [0], pos);
      return { type: 'datetime', sql: sql`'9999-12-31T23:59:59.999Z'::timestamptz` };
    case 'round':
    case 'floor':
    case 'ceiling':
      arity(name, args, [1], pos);
      return { type: 'number', sql: sql`${sql.raw(lower === 'ceiling' ? 'ceil' : lower)}(${toNumber(a(0), p(0))})` };
    case 'geo.distance':
      arity(name, args, [2], pos);
      return { type: 'number', sql: sql`ST_Distance(${toGeometry(a(0), p(0))}, ${toGeometry(a(1), p(1))})` };
    case 'geo.length':
      arity(name, args, [1], pos);
      return { type: 'number', sql: sql`ST_Length(${toGeometry(a(0), p(0))})` };
    case 'st_relate': {
      arity(name, args, [3], pos);
      const pattern = nodes[2];
      if (!pattern || pattern.k !== 'lit' || pattern.type !== 'string' || !/^[TF012*]{9}$/i.test(pattern.value)) {
        fail('st_relate() needs a DE-9IM pattern of 9 characters from T F 0 1 2 * as third argument', p(2));
      }
      return { type: 'boolean', sql: sql`ST_Relate(${toGeometry(a(0), p(0))}, ${toGeometry(a(1), p(1))}, ${toText(a(2), p(2))})` };
    }
    default:
      return fail(`unknown function ${name}()`, pos);
  }
}
