import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type Driver } from 'kysely';
import { MODEL } from '../sensors.model.js';
import { QueryError } from './ast.js';
import { compileFilter } from './compiler.js';
import { parseFilter } from './parser.js';

// A database-less Kysely: compiles SQL text so the fuzz test can run 100,000 filters in seconds.
const never: Driver = {
  init: async () => undefined,
  acquireConnection: async () => ({ executeQuery: async () => ({ rows: [] }), streamQuery: () => { throw new Error('no'); } }),
  beginTransaction: async () => undefined,
  commitTransaction: async () => undefined,
  rollbackTransaction: async () => undefined,
  releaseConnection: async () => undefined,
  destroy: async () => undefined,
};
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
const db = new Kysely<{}>({ dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => never, createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() } });

function compile(filter: string, set: keyof typeof MODEL = 'Observations'): CompiledQuery {
  return compileFilter(parseFilter(filter), { def: MODEL[set], alias: 'e0', now: new Date() }).compile(db);
}

function errorOf(filter: string, set: keyof typeof MODEL = 'Observations'): QueryError {
  try {
    compile(filter, set);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  assert.fail(`expected ${filter} to be rejected`);
}

describe('$filter parser and compiler', () => {
  test('literals become parameters, never SQL text', () => {
    const q = compile("result eq 'x'' or 1=1 --'");
    assert.ok(!q.sql.includes('1=1'));
    assert.deepEqual(q.parameters, ["x' or 1=1 --"]);
  });

  test('precedence: and binds tighter than or; arithmetic as OData', () => {
    const q = compile('result eq 2 and result eq 1 or result eq 1');
    assert.match(q.sql, /^\(\(.* and .*\) or .*\)$/);
    const a = compile('1 add result mul 2 sub -1 eq 4');
    assert.match(a.sql, /\(\(\(\$1::double precision \+ \(.* \* \$2::double precision\)\) - \$3::double precision\) = \$4::double precision\)/);
  });

  test('paths across relations join inside EXISTS', () => {
    const q = compile("Datastream/Thing/name eq 'Station'");
    assert.match(q.sql, /^exists \(select 1 from "sensors_datastreams" as "j1", "sensors_things" as "j2"/);
    assert.match(compile('Datastream/id eq 5').sql, /"e0"\."datastream_id" = /);
    assert.match(compile("properties/serviceName eq 'KO_STA_Luft'", 'Datastreams').sql, /-> \$1::text/);
  });

  test('every function compiles', () => {
    const filters = [
      "substringof('a', name)", "endswith(name, 'a')", "startswith(name, 'a')", 'length(name) gt 1', "indexof(name, 'a') eq 0",
      'substring(name, 1) eq name', 'substring(name, 1, 2) eq name', "tolower(name) eq 'a'", "toupper(name) eq 'A'", "trim(name) eq 'a'",
      "concat(name, 'x') eq 'ax'",
    ];
    for (const f of filters) compile(f, 'Things');
    for (const f of ['year(phenomenonTime) eq 2015', 'month(resultTime) eq 3', 'day(phenomenonTime) eq 1', 'hour(phenomenonTime) eq 1', 'minute(phenomenonTime) eq 1', 'second(phenomenonTime) eq 1', 'fractionalseconds(phenomenonTime) eq 0', "date(phenomenonTime) eq '2015-03-01'", 'time(phenomenonTime) ne null', 'totaloffsetminutes(phenomenonTime) eq 0', 'phenomenonTime lt now()', 'phenomenonTime gt mindatetime()', 'phenomenonTime lt maxdatetime()', 'round(result) eq 1', 'floor(result) eq 1', 'ceiling(result) eq 1', 'phenomenonTime ge 2015-03-01T00:00:00.000Z']) {
      compile(f);
    }
    for (const f of ["geo.distance(location, geography'POINT(8 54.1)') lt 1", "geo.length(location) eq 1", "geo.intersects(location, geography'POLYGON((7 50, 8 50, 8 51, 7 51, 7 50))')", "st_equals(location, geography'POINT(1 2)')", "st_disjoint(location, geography'POINT(1 2)')", "st_touches(location, geography'POINT(1 2)')", "st_within(location, geography'POLYGON((7 50, 8 50, 8 51, 7 51, 7 50))')", "st_overlaps(location, geography'POINT(1 2)')", "st_crosses(location, geography'LINESTRING(1 2, 3 4)')", "st_intersects(location, geography'POINT(1 2)')", "st_contains(location, geography'POINT(1 2)')", "st_relate(location, geography'POINT(1 2)', 'T********')"]) {
      compile(f, 'Locations');
    }
  });

  test('errors name the position', () => {
    assert.equal(errorOf("name eq 'a' and").position, 15);
    assert.match(errorOf('nosuch eq 1', 'Things').message, /no property or relation 'nosuch' at position 0/);
    assert.match(errorOf("name add 1 eq 2", 'Things').message, /expected a number but found string at position 5/);
    assert.match(errorOf("x".repeat(10_000)).message, /longer than/);
    assert.match(errorOf('('.repeat(1000) + 'result eq 1' + ')'.repeat(1000)).message, /nested too deeply/);
    assert.match(errorOf("geo.distance(location, geography'POINT(1 2') lt 1", 'Locations').message, /position/);
  });

  test('fuzz: 100,000 random and mutated filters never throw anything but a QueryError', () => {
    const seeds = [
      "result gt 5 and phenomenonTime lt 2015-03-01T00:00:00Z", "Datastream/Thing/name eq 'a'", "substring(name,1,2) eq 'x'",
      "geo.distance(FeatureOfInterest/feature, geography'POINT(1 2)') lt 3", "not (result add 1 mul 2 div 0 mod 3 eq 1)", "parameters/a/0 eq true or resultTime eq null",
      "round(result) ge -3.5e3", "year(resultTime) eq 2024 and substringof('x', Datastream/name)",
    ];
    const alphabet = "()',/- abcdeginorstqulmxz0123456789.TZ:eqandornotaddsubmulgeo.'";
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const tokens = ['eq', 'ne', 'gt', 'and', 'or', 'not', 'add', 'div', 'mod', '(', ')', ',', '/', "'s'", '1', '-2.5', 'null', 'true', 'result', 'name', 'Datastream', 'Thing', 'id', 'phenomenonTime', 'properties', 'geo.distance', 'substring', 'year', 'now()', "geography'POINT(1 2)'", '2015-01-01T00:00:00Z'];
    let rejected = 0;
    for (let i = 0; i < 100_000; i++) {
      let text: string;
      const mode = i % 3;
      if (mode === 0) {
        text = Array.from({ length: 1 + rnd(12) }, () => tokens[rnd(tokens.length)]).join(' ');
      } else if (mode === 1) {
        const chars = [...seeds[rnd(seeds.length)]!];
        for (let m = 0; m < 1 + rnd(4); m++) {
          const at = rnd(chars.length + 1);
          const op = rnd(3);
          if (op === 0) chars.splice(at, 1);
          else if (op === 1) chars.splice(at, 0, alphabet[rnd(alphabet.length)]!);
          else chars[at] = alphabet[rnd(alphabet.length)]!;
        }
        text = chars.join('');
      } else {
        text = Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join('');
      }
      try {
        compile(text, (['Observations', 'Things', 'Locations', 'Datastreams'] as const)[rnd(4)]);
      } catch (e) {
        if (!(e instanceof QueryError)) assert.fail(`filter ${JSON.stringify(text)} threw ${(e as Error).stack}`);
        assert.ok(e.position === undefined || (e.position >= 0 && e.position <= Math.max(text.length, 4096)), `position of ${text}`);
        rejected++;
      }
    }
    assert.ok(rejected > 10_000 && rejected < 100_000, `a mix of valid and invalid filters (${rejected} rejected)`);
  });
});
