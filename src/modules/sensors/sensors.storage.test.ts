import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

const ROOT = '/sta/v1.1';
type Obs = { result: number; phenomenonTime: string; parameters: { count: number; min: number; max: number } };

describe('SensorThings storage: hourly/daily aggregate Datastreams and retention', () => {
  let t: TestApp;
  let editor: StaffSession;
  let ds: number;

  const post = (url: string, payload: unknown, headers = editor.headers) =>
    t.app.inject({ method: 'POST', url: `${ROOT}/${url}`, headers, payload: payload as object });
  const storage = (payload: unknown, headers = editor.headers) =>
    t.app.inject({ method: 'PUT', url: `/api/sensors/datastreams/${ds}/storage`, headers, payload: payload as object });
  const observations = async (id: number) =>
    (await t.app.inject({ url: `${ROOT}/Datastreams(${id})/Observations?$orderby=phenomenonTime asc&$top=1000` })).json<{ value: Obs[] }>().value;

  before(async () => {
    t = await createTestApp();
    editor = await createStaff(t, 'editor', ['sensors']);
    const name = `Pegel-${randomBytes(4).toString('hex')}`;
    const r = await post('Things', {
      name,
      description: 'Pegelmessstelle',
      Locations: [{ name: 'Pegel', description: 'Ort', encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [7.6, 50.36] } }],
      Datastreams: [
        {
          name: `${name} Wasserstand`,
          description: 'Wasserstand',
          observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
          unitOfMeasurement: { name: 'Zentimeter', symbol: 'cm', definition: 'http://unitsofmeasure.org/ucum.html#cm' },
          properties: { serviceName: 'KO_STA_Pegel', layerName: name },
          Sensor: { name: 'Radar', description: 'Radarpegel', encodingType: 'text/html', metadata: 'https://example.invalid' },
          ObservedProperty: { name: 'Wasserstand', definition: 'http://example.invalid/level', description: 'Wasserstand' },
        },
      ],
    });
    assert.equal(r.statusCode, 201, r.body);
    const thing = Number(/\((\d+)\)/.exec(r.headers['location'] as string)![1]);
    ds = (await t.app.inject({ url: `${ROOT}/Things(${thing})/Datastreams` })).json<{ value: { '@iot.id': number }[] }>().value[0]!['@iot.id'];
    // Two values before the aggregates exist: the backfill must count them.
    for (const [time, result] of [['2026-03-28T22:10:00Z', 100], ['2026-03-28T22:40:00Z', 110]] as const) {
      assert.equal((await post(`Datastreams(${ds})/Observations`, { phenomenonTime: time, result })).statusCode, 201);
    }
  });
  after(() => t.close());

  test('storage settings: anonymous 401, other module 403, bad values 400 naming the field, unknown 404', async () => {
    assert.equal((await storage({ retentionDays: null, aggregates: [] }, {})).statusCode, 401);
    const other = await createStaff(t, 'editor', ['parking']);
    assert.equal((await storage({ retentionDays: null, aggregates: [] }, other.headers)).statusCode, 403);
    const bad = await storage({ retentionDays: 0, aggregates: ['PT1H'] });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /retentionDays/);
    assert.match((await storage({ retentionDays: null, aggregates: ['PT15M'] })).body, /aggregates/);
    assert.equal((await t.app.inject({ url: '/api/sensors/datastreams/987654321/storage' })).statusCode, 404);
  });

  test('aggregates are Datastreams of their own, filled from stored values and updated with every batch', async () => {
    const set = await storage({ retentionDays: 400, aggregates: ['PT1H', 'P1D'] });
    assert.equal(set.statusCode, 200, set.body);
    const { aggregates } = set.json<{ aggregates: { period: string; datastreamId: number }[] }>();
    const hourly = aggregates.find((a) => a.period === 'PT1H')!.datastreamId;
    const daily = aggregates.find((a) => a.period === 'P1D')!.datastreamId;
    const hourlyDs = (await t.app.inject({ url: `${ROOT}/Datastreams(${hourly})` })).json<{ name: string; properties: Record<string, unknown> }>();
    assert.match(hourlyDs.name, /Stundenmittel/);
    assert.equal(hourlyDs.properties['aggregateOf'], ds);
    assert.equal(hourlyDs.properties['resultNature'], 'processed');

    let hours = await observations(hourly);
    assert.deepEqual(hours.map((o) => [o.phenomenonTime, o.result]), [['2026-03-28T22:00:00.000Z/2026-03-28T23:00:00.000Z', 105]]);

    // A burst of concurrent single POSTs (one group commit) plus a value in the next hour; across
    // the change to summer time on 29 March 2026 (the Berlin day is 23 hours long).
    const more = [120, 130, 140].map((result, i) => post(`Datastreams(${ds})/Observations`, { phenomenonTime: `2026-03-28T22:5${i}:00Z`, result }));
    more.push(post('Observations', { phenomenonTime: '2026-03-29T01:30:00Z', result: 7, Datastream: { '@iot.id': ds } }));
    more.push(post('Observations', { phenomenonTime: '2026-03-29T01:40:00Z', result: 'kaputt', Datastream: { '@iot.id': ds } }));
    assert.ok((await Promise.all(more)).every((r) => r.statusCode === 201));

    hours = await observations(hourly);
    assert.deepEqual(
      hours.map((o) => [o.phenomenonTime, o.result, o.parameters.count, o.parameters.min, o.parameters.max]),
      [
        ['2026-03-28T22:00:00.000Z/2026-03-28T23:00:00.000Z', 120, 5, 100, 140],
        ['2026-03-29T01:00:00.000Z/2026-03-29T02:00:00.000Z', 7, 1, 7, 7],
      ],
      'non-numeric results are not aggregated',
    );
    const days = await observations(daily);
    assert.deepEqual(
      days.map((o) => [o.phenomenonTime, o.parameters.count]),
      [
        ['2026-03-27T23:00:00.000Z/2026-03-28T23:00:00.000Z', 5], // 28 March in Berlin (UTC+1)
        ['2026-03-28T23:00:00.000Z/2026-03-29T22:00:00.000Z', 1], // 29 March: 23 hours, summer time from 03:00
      ],
    );
    const filtered = await t.app.inject({ url: `${ROOT}/Datastreams(${hourly})/Observations?$filter=result gt 100&$select=result` });
    assert.deepEqual(filtered.json<{ value: { result: number }[] }>().value, [{ result: 120 }], 'plain SensorThings queries work on aggregates');

    assert.equal((await t.app.inject({ method: 'PUT', url: `/api/sensors/datastreams/${hourly}/storage`, headers: editor.headers, payload: { retentionDays: null, aggregates: ['P1D'] } })).statusCode, 400, 'no aggregate of an aggregate');

    // Dropping the daily aggregate deletes its Datastream.
    const fewer = await storage({ retentionDays: 400, aggregates: ['PT1H'] });
    assert.deepEqual(fewer.json<{ aggregates: { period: string }[] }>().aggregates.map((a) => a.period), ['PT1H']);
    assert.equal((await t.app.inject({ url: `${ROOT}/Datastreams(${daily})` })).statusCode, 404);
  });

  test('retention deletes raw Observations past the limit, keeps the aggregates and moves the phenomenonTime', async () => {
    await storage({ retentionDays: 1, aggregates: ['PT1H'] });
    const { aggregates } = (await t.app.inject({ url: `/api/sensors/datastreams/${ds}/storage` })).json<{ aggregates: { datastreamId: number }[] }>();
    const recent = new Date(t.clock.now().getTime() - 3600_000).toISOString();
    assert.equal((await post(`Datastreams(${ds})/Observations`, { phenomenonTime: recent, result: 50 })).statusCode, 201);
    const before = (await observations(ds)).length;
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/sensors/retention' })).statusCode, 401);
    const deleted = await retention();
    assert.equal(deleted, before - 1, 'everything but the recent value');
    assert.deepEqual((await observations(ds)).map((o) => o.result), [50]);
    const ds0 = (await t.app.inject({ url: `${ROOT}/Datastreams(${ds})` })).json<{ phenomenonTime: string }>();
    assert.ok(ds0.phenomenonTime.startsWith(new Date(recent).toISOString()), ds0.phenomenonTime);
    assert.ok((await observations(aggregates[0]!.datastreamId)).length >= 3, 'aggregates outlive the raw values');
  });

  async function retention(): Promise<number> {
    const r = await t.app.inject({ method: 'POST', url: '/api/sensors/retention', headers: editor.headers });
    assert.equal(r.statusCode, 200, r.body);
    return r.json<{ deleted: number }>().deleted;
  }
});
