import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import mqtt from 'mqtt';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

type J = Record<string, unknown> & { '@iot.id': number; value?: J[] };
const ROOT = '/sta/v1.1';
const GEO = 'application/geo+json';
const uniq = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

describe('SensorThings API', () => {
  let t: TestApp;
  let editor: StaffSession;
  let h: Record<string, string>;

  async function post(path: string, payload: unknown, headers = h) {
    return t.app.inject({ method: 'POST', url: `${ROOT}/${path}`, headers, payload: payload as Record<string, unknown> });
  }
  async function get(path: string) {
    return t.app.inject({ url: `${ROOT}/${path}` });
  }
  async function getJson(path: string): Promise<J> {
    const r = await get(path);
    assert.equal(r.statusCode, 200, `${path}: ${r.body}`);
    return r.json<J>();
  }
  async function created(path: string, payload: unknown): Promise<number> {
    const r = await post(path, payload);
    assert.equal(r.statusCode, 201, `${path}: ${r.body}`);
    const loc = r.headers['location'] as string;
    return Number(loc.slice(loc.indexOf('(') + 1, loc.indexOf(')')));
  }
  function thingBody(name: string, lon = 7.6, lat = 50.36) {
    return {
      name,
      description: 'Messstation',
      properties: { topic: 'Umwelt' },
      Locations: [{ name: `${name} Ort`, description: 'Ort', encodingType: GEO, location: { type: 'Point', coordinates: [lon, lat] } }],
      Datastreams: [
        {
          name: `${name} Temperatur`,
          description: 'Lufttemperatur',
          observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
          unitOfMeasurement: { name: 'Grad Celsius', symbol: '°C', definition: 'http://unitsofmeasure.org/ucum.html#Cel' },
          properties: { serviceName: 'KO_STA_Test', layerName: name },
          Sensor: { name: 'Sensor', description: 'Thermometer', encodingType: 'text/html', metadata: 'https://example.invalid' },
          ObservedProperty: { name: 'Temperatur', definition: 'http://example.invalid/temp', description: 'Lufttemperatur' },
        },
      ],
    };
  }

  before(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://daten.koblenz.example' });
    editor = await createStaff(t, 'editor', ['sensors']);
    h = editor.headers;
  });
  after(() => t.close());

  test('root document lists every entity set with absolute URLs and the conformance classes', async () => {
    const root = await getJson('');
    const value = root.value as unknown as { name: string; url: string }[];
    assert.equal(value.find((v) => v.name === 'Things')?.url, 'https://daten.koblenz.example/sta/v1.1/Things');
    assert.equal(value.length, 9);
    const conf = (root['serverSettings'] as { conformance: string[] }).conformance;
    assert.ok(conf.includes('http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete'));
    assert.ok(conf.includes('http://www.opengis.net/spec/iot_sensing/1.1/req/batch-request/batch-request'));
    const v10 = await t.app.inject({ url: '/sta/v1.0' });
    assert.match(v10.body, /sta\/v1\.0\/Things/);
  });

  test('writes need sensors:write: anonymous 401, editor of another module 403, scoped token 201', async () => {
    const anon = await post('Things', { name: 'x', description: 'y' }, {});
    assert.equal(anon.statusCode, 401);
    assert.deepEqual(Object.keys(anon.json<object>()).sort(), ['code', 'message', 'type']);
    const other = await createStaff(t, 'editor', ['reports']);
    assert.equal((await post('Things', { name: 'x', description: 'y' }, other.headers)).statusCode, 403);
    const admin = await createStaff(t, 'admin');
    const tok = await t.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: 'Gateway', scopes: ['sensors:write'], expiresInDays: 30 } });
    assert.equal(tok.statusCode, 201, tok.body);
    const bearer = { authorization: `Bearer ${tok.json<{ token: string }>().token}` };
    assert.equal((await post('Things', { name: uniq('tok'), description: 'via token' }, bearer)).statusCode, 201);
    assert.equal((await post('Things', { name: 'no description' })).statusCode, 400);
  });

  test('deep insert, navigation, auto FeatureOfInterest (reused), null resultTime, HistoricalLocation', async () => {
    const name = uniq('Zentralplatz');
    const thing = await created('Things', thingBody(name));
    const ds = (await getJson(`Things(${thing})/Datastreams`)).value![0]!;
    assert.equal(ds['@iot.selfLink'], `https://daten.koblenz.example/sta/v1.1/Datastreams(${ds['@iot.id']})`);
    assert.equal(ds['Thing@iot.navigationLink'], `https://daten.koblenz.example/sta/v1.1/Datastreams(${ds['@iot.id']})/Thing`);
    const o1 = await created(`Datastreams(${ds['@iot.id']})/Observations`, { phenomenonTime: '2024-05-01T10:00:00Z', resultTime: '2024-05-01T10:00:01Z', result: 21.5 });
    const o2 = await created('Observations', { phenomenonTime: '2024-05-01T11:00:00Z', result: 22, Datastream: { '@iot.id': ds['@iot.id'] } });
    const obs2 = await getJson(`Observations(${o2})`);
    assert.ok('resultTime' in obs2 && obs2['resultTime'] === null);
    const f1 = await getJson(`Observations(${o1})/FeatureOfInterest`);
    const f2 = await getJson(`Observations(${o2})/FeatureOfInterest`);
    assert.equal(f1['@iot.id'], f2['@iot.id'], 'the generated FeatureOfInterest is reused');
    assert.deepEqual(f1['feature'], { type: 'Point', coordinates: [7.6, 50.36] });
    const hl = await getJson(`Things(${thing})/HistoricalLocations?$expand=Locations`);
    assert.equal(hl.value!.length, 1);
    assert.equal((await getJson(`Datastreams(${ds['@iot.id']})`))['phenomenonTime'], '2024-05-01T10:00:00.000Z/2024-05-01T11:00:00.000Z');
    // 4-level path, property, $value, $ref, 204 for null
    const thingName = await getJson(`Observations(${o1})/Datastream/Thing/name`);
    assert.deepEqual(thingName, { name });
    assert.equal((await get(`Observations(${o1})/result/$value`)).body, '21.5');
    assert.equal((await get(`Observations(${o2})/resultTime`)).statusCode, 204);
    const refs = await getJson(`Datastreams(${ds['@iot.id']})/Observations/$ref`);
    assert.deepEqual(Object.keys(refs.value![0]!), ['@iot.selfLink']);
    assert.equal((await get('Things(9223372036854775807)')).statusCode, 404);
    assert.equal((await get(`Things(${thing})/Datastreams(999999999)`)).statusCode, 404);
  });

  test('JSON batch: requests run in order with the caller’s rights, $id refers to a created entity, dependsOn fails with 424', async () => {
    const name = uniq('Batch');
    const batch = await post('$batch', {
      requests: [
        { id: 't', method: 'post', url: 'Things', body: { name, description: 'aus einem Batch' } },
        { id: 'g', method: 'get', url: '$t', dependsOn: ['t'] },
        { id: 'p', method: 'patch', url: '$t', body: { description: 'geändert' }, dependsOn: ['t'] },
        { id: 'bad', method: 'post', url: 'Things', body: { name: 'ohne Beschreibung' } },
        { id: 'after-bad', method: 'get', url: 'Things', dependsOn: ['bad'] },
        { id: 'abs', method: 'get', url: `/sta/v1.1/Things?$filter=name eq '${name}'&$select=description` },
      ],
    });
    assert.equal(batch.statusCode, 200, batch.body);
    const responses = batch.json<{ responses: { id: string; status: number; headers?: { location: string }; body?: J }[] }>().responses;
    assert.deepEqual(
      responses.map((r) => [r.id, r.status]),
      [
        ['t', 201],
        ['g', 200],
        ['p', 200],
        ['bad', 400],
        ['after-bad', 424],
        ['abs', 200],
      ],
    );
    assert.match(responses[0]!.headers!.location, /^https:\/\/daten\.koblenz\.example\/sta\/v1\.1\/Things\(\d+\)$/);
    assert.equal(responses[1]!.body!['name'], name);
    assert.deepEqual(responses[5]!.body!['value'], [{ description: 'geändert' }]);

    const anonymous = await post('$batch', { requests: [{ id: 'x', method: 'post', url: 'Things', body: { name: 'x', description: 'y' } }] }, {});
    assert.equal(anonymous.json<{ responses: { status: number }[] }>().responses[0]!.status, 401, 'inner requests carry the caller’s rights, not more');
    const atomic = await post('$batch', { requests: [{ id: 'a', atomicityGroup: 'g1', method: 'get', url: 'Things' }] });
    assert.equal(atomic.statusCode, 400);
    assert.match(atomic.json<J>()['message'] as string, /atomicityGroup/);
    const outside = await post('$batch', { requests: [{ id: 'o', method: 'get', url: '/api/identity/users' }] });
    assert.equal(outside.json<{ responses: { status: number }[] }>().responses[0]!.status, 400, 'only SensorThings resources');
    assert.equal((await post('$batch', { requests: 'nope' })).statusCode, 400);
  });

  test('an invalid deep insert creates nothing', async () => {
    const name = uniq('Rollback');
    const body = thingBody(name);
    delete (body.Datastreams[0] as Partial<(typeof body.Datastreams)[0]>).Sensor;
    const r = await post('Things', body);
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json<{ message: string }>().message, /Sensor/);
    assert.equal((await getJson(`Things?$filter=name eq '${name}'`)).value!.length, 0);
    assert.equal((await getJson(`Locations?$filter=name eq '${name} Ort'`)).value!.length, 0);
    const noFoi = await created('Things', { name: uniq('ohne Ort'), description: 'x', Datastreams: [{ ...thingBody('x').Datastreams[0] }] });
    const ds = (await getJson(`Things(${noFoi})/Datastreams`)).value![0]!['@iot.id'];
    assert.equal((await post(`Datastreams(${ds})/Observations`, { result: 1 })).statusCode, 400, 'no Location, no FeatureOfInterest');
  });

  describe('query options on a fixture of 12 observations', () => {
    let ds: number;
    let thing: number;
    let name: string;
    before(async () => {
      name = uniq('Filter');
      thing = await created('Things', thingBody(name, 8, 51));
      ds = (await getJson(`Things(${thing})/Datastreams`)).value![0]!['@iot.id'];
      const r = await post('CreateObservations', [
        {
          Datastream: { '@iot.id': ds },
          components: ['phenomenonTime', 'result'],
          dataArray: Array.from({ length: 12 }, (_, i) => [`2015-03-${String(i + 1).padStart(2, '0')}T00:00:00Z`, i + 1]),
        },
      ]);
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json<string[]>().length, 12);
    });
    const obs = (q: string) => getJson(`Datastreams(${ds})/Observations?${q}`);
    const results = (j: J) => j.value!.map((o) => o['result']);

    test('ets-sta10 priority order: $count, $top, $skip, $orderby, string comparison', async () => {
      const r = await obs("$count=true&$top=1&$skip=2&$orderby=phenomenonTime asc&$filter=result gt '3'");
      assert.equal(r['@iot.count'], 6);
      assert.deepEqual(results(r), [6]);
    });

    test('precedence and arithmetic select result 1', async () => {
      for (const f of ['result eq 2 and result eq 1 or result eq 1', 'not result lt 1 and not result gt 1', '1 add result mul 2 sub -1 eq 4', '6 div 2 sub result eq 2', '1 add 2.0 mod (result add 1) eq 1', '14 div (result add 1) mod 3 mul 3 eq 3']) {
        assert.deepEqual(results(await obs(`$filter=${encodeURIComponent(f)}`)), [1], f);
      }
    });

    test('dates, paths across relations, JSON properties, geo', async () => {
      assert.deepEqual(results(await obs('$filter=phenomenonTime ge 2015-03-11T00:00:00Z')), [11, 12]);
      assert.deepEqual(results(await obs('$filter=day(phenomenonTime) eq 5')), [5]);
      assert.equal((await getJson(`Observations?$filter=${encodeURIComponent(`Datastream/Thing/name eq '${name}'`)}&$count=true`))['@iot.count'], 12);
      assert.equal((await getJson(`Things?$filter=${encodeURIComponent(`Datastreams/properties/layerName eq '${name}'`)}`)).value!.length, 1);
      const inside = await getJson(`Locations?$filter=${encodeURIComponent(`st_within(location, geography'POLYGON((7.9 50.9, 8.1 50.9, 8.1 51.1, 7.9 51.1, 7.9 50.9))') and name eq '${name} Ort'`)}`);
      assert.equal(inside.value!.length, 1);
      const near = await getJson(`FeaturesOfInterest?$filter=${encodeURIComponent("geo.distance(feature, geography'POINT(8 51.0001)') lt 0.001")}`);
      assert.ok(near.value!.length >= 1);
    });

    test('$top, $skip, nextLink, $select, nested $expand with its own options', async () => {
      const page = await obs('$top=5&$orderby=result desc');
      assert.deepEqual(results(page), [12, 11, 10, 9, 8]);
      assert.match(page['@iot.nextLink'] as string, /^https:\/\/daten\.koblenz\.example\/sta\/v1\.1\/Datastreams\(\d+\)\/Observations\?.*\$top=5&\$skip=5/);
      assert.equal((await obs('$top=12'))['@iot.nextLink'], undefined, 'no nextLink on the last page');
      const sel = await obs('$select=result,id&$top=1');
      assert.deepEqual(Object.keys(sel.value![0]!).sort(), ['@iot.id', 'result']);
      const exp = await getJson(`Things(${thing})?$expand=Datastreams($select=name;$expand=Observations($top=2;$count=true;$orderby=result desc;$filter=result lt 10),ObservedProperty)`);
      const d = (exp['Datastreams'] as J[])[0]!;
      assert.deepEqual(Object.keys(d).sort(), ['Observations', 'Observations@iot.count', 'Observations@iot.nextLink', 'ObservedProperty', 'name']);
      assert.equal(d['Observations@iot.count'], 9);
      assert.deepEqual((d['Observations'] as J[]).map((o) => o['result']), [9, 8]);
      assert.equal((d['ObservedProperty'] as J)['name'], 'Temperatur');
      const twoLevel = await getJson(`Datastreams(${ds})?$expand=Thing/Locations`);
      assert.equal(((twoLevel['Thing'] as J)['Locations'] as J[]).length, 1);
    });

    test('dataArray result format', async () => {
      const r = await obs('$resultFormat=dataArray&$select=result,phenomenonTime&$top=3');
      const group = r.value![0]!;
      assert.deepEqual(group['components'], ['result', 'phenomenonTime']);
      assert.equal(group['dataArray@iot.count'], 3);
      assert.match(group['Datastream@iot.navigationLink'] as string, /Datastreams\(\d+\)$/);
    });

    test('invalid query options are 400s naming the position, unknown options 501', async () => {
      const r = await get(`Observations?$filter=${encodeURIComponent("result eq 'a' and")}`);
      assert.equal(r.statusCode, 400);
      assert.match(r.json<{ message: string }>().message, /position 17/);
      for (const f of ['nosuch eq 1', "result add 'x' eq 1", 'x'.repeat(10_240), '('.repeat(1000) + 'result eq 1' + ')'.repeat(1000), 'result div 0 eq 1 or 1e308 mul 1e308 gt 1', "substring('abc', 99999999999, -5) eq ''"]) {
        const res = await get(`Observations?$filter=${encodeURIComponent(f)}`);
        assert.ok(res.statusCode === 400 || res.statusCode === 200, `${f.slice(0, 40)} gave ${res.statusCode} ${res.body}`);
      }
      assert.equal((await get('Observations?$count=yes')).statusCode, 400);
      assert.equal((await get('Observations?$search=x')).statusCode, 501);
      assert.equal((await get('Things?$expand=Nothing')).statusCode, 400);
    });

    test('fuzz through HTTP: 300 mutated filters, never a 500', async () => {
      const seeds = ["result gt 5 and phenomenonTime lt 2015-03-05T00:00:00Z", "Datastream/Thing/name eq 'a'", "geo.distance(FeatureOfInterest/feature, geography'POINT(1 2)') lt 3", "substring(Datastream/name,1,2) eq 'x'", 'round(result div 3) mod 2 eq 1', 'parameters/a/0 eq true'];
      const alphabet = "()',/- abeglnoqrstu0123456789.TZ:";
      let seed = 7;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      for (let i = 0; i < 300; i++) {
        const chars = [...seeds[i % seeds.length]!];
        for (let m = 0; m < 1 + rnd(3); m++) chars.splice(rnd(chars.length + 1), rnd(2), alphabet[rnd(alphabet.length)]!);
        const f = chars.join('');
        const res = await get(`Observations?$top=2&$filter=${encodeURIComponent(f)}`);
        assert.ok(res.statusCode < 500, `${f} gave ${res.statusCode}: ${res.body}`);
      }
    });
  });

  test('PATCH, PUT, JSON-Patch, inline entities rejected, cascading DELETE', async () => {
    const thing = await created('Things', thingBody(uniq('Update')));
    const patched = await t.app.inject({ method: 'PATCH', url: `${ROOT}/Things(${thing})`, headers: h, payload: { description: 'neu' } });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json<J>()['description'], 'neu');
    const inline = await t.app.inject({ method: 'PATCH', url: `${ROOT}/Things(${thing})`, headers: h, payload: { Datastreams: [{ name: 'neu' }] } });
    assert.equal(inline.statusCode, 400);
    const put = await t.app.inject({ method: 'PUT', url: `${ROOT}/Things(${thing})`, headers: h, payload: { name: 'ersetzt', description: 'ganz' } });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json<J>()['properties'], null, 'PUT resets absent properties');
    assert.equal((await t.app.inject({ method: 'PUT', url: `${ROOT}/Things(${thing})`, headers: h, payload: { name: 'x' } })).statusCode, 400);
    const jp = await t.app.inject({
      method: 'PATCH',
      url: `${ROOT}/Things(${thing})`,
      headers: { ...h, 'content-type': 'application/json-patch+json' },
      payload: JSON.stringify([{ op: 'add', path: '/properties', value: { a: 1 } }, { op: 'copy', from: '/properties/a', path: '/properties/b' }]),
    });
    assert.equal(jp.statusCode, 200, jp.body);
    assert.deepEqual(jp.json<J>()['properties'], { a: 1, b: 1 });
    const ds = (await getJson(`Things(${thing})/Datastreams`)).value![0]!['@iot.id'];
    const o = await created(`Datastreams(${ds})/Observations`, { result: 5 });
    assert.equal((await t.app.inject({ method: 'DELETE', url: `${ROOT}/Things(${thing})` })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `${ROOT}/Things(${thing})`, headers: h })).statusCode, 200);
    assert.equal((await get(`Datastreams(${ds})`)).statusCode, 404);
    assert.equal((await get(`Observations(${o})`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `${ROOT}/Things(${thing})`, headers: h })).statusCode, 404);
  });

  test('links follow X-Forwarded-* only when TRUST_PROXY is on', async () => {
    const proxied = await createTestApp({ PUBLIC_URL: 'https://intern.example', TRUST_PROXY: 'true' });
    try {
      const r = await proxied.app.inject({ url: '/sta/v1.1', headers: { 'x-forwarded-host': 'iot.koblenz.example', 'x-forwarded-proto': 'https' } });
      assert.match(r.body, /https:\/\/iot\.koblenz\.example\/sta\/v1\.1\/Things/);
    } finally {
      await proxied.close();
    }
    const r = await t.app.inject({ url: '/sta/v1.1', headers: { 'x-forwarded-host': 'evil.example' } });
    assert.doesNotMatch(r.body, /evil/);
  });

  test('concurrent single POSTs are group-committed and all acknowledged', async () => {
    const thing = await created('Things', thingBody(uniq('Burst')));
    const ds = (await getJson(`Things(${thing})/Datastreams`)).value![0]!['@iot.id'];
    const rs = await Promise.all(Array.from({ length: 200 }, (_, i) => post('Observations', { result: i, Datastream: { '@iot.id': ds } })));
    assert.ok(rs.every((r) => r.statusCode === 201));
    assert.equal((await getJson(`Datastreams(${ds})/Observations?$count=true&$top=0`))['@iot.count'], 200);
    assert.equal((await post('Observations', { result: 1, Datastream: { '@iot.id': 987654321 } })).statusCode, 400);
  });

  test('MQTT: notifications on create and update, Observations created from published messages', async () => {
    // Publishing needs an API token as the MQTT password (the embedded broker checks it; the test
    // Mosquitto allows anonymous clients and ignores it).
    const admin = await createStaff(t, 'admin');
    const tok = await t.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: 'MQTT gateway', scopes: ['sensors:write'] } });
    const client = await mqtt.connectAsync(t.mqtt.url, { username: 'gateway', password: tok.json<{ token: string }>().token });
    try {
      const received: { topic: string; body: J }[] = [];
      client.on('message', (topic, payload) => received.push({ topic, body: JSON.parse(payload.toString()) as J }));
      await client.subscribeAsync(['v1.1/Things', 'v1.1/Observations', 'v1.1/+/description']);
      const name = uniq('MQTT');
      const thing = await created('Things', thingBody(name));
      await t.app.inject({ method: 'PATCH', url: `${ROOT}/Things(${thing})`, headers: h, payload: { description: 'geändert' } });
      const ds = (await getJson(`Things(${thing})/Datastreams`)).value![0]!['@iot.id'];
      await client.publishAsync(`v1.1/Datastreams(${ds})/Observations`, JSON.stringify({ result: 42, phenomenonTime: '2024-01-01T00:00:00Z' }), { qos: 1 });
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && !received.some((m) => m.topic === 'v1.1/Observations' && m.body['result'] === 42)) await new Promise((r) => setTimeout(r, 50));
      assert.ok(received.some((m) => m.topic === 'v1.1/Things' && m.body['name'] === name), 'create notified');
      assert.ok(received.some((m) => m.topic === `v1.1/Things(${thing})/description` && m.body['description'] === 'geändert'), 'property topic notified');
      assert.ok(received.some((m) => m.topic === 'v1.1/Observations' && m.body['result'] === 42), 'Observation from MQTT created and notified');
      const stored = await getJson(`Datastreams(${ds})/Observations?$filter=result eq 42`);
      assert.equal(stored.value!.length, 1, 'created exactly once, not again from its own notification');
    } finally {
      await client.endAsync();
    }
  });
});
