import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, type StaffSession } from '../../testing/staff.js';

const ROOT = '/sta/v1.1';
const uniq = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

describe('SensorThings write access: per-Thing token scopes and the embedded broker', () => {
  let t: TestApp;
  let admin: StaffSession;
  let own: { thing: number; ds: number };
  let other: { thing: number; ds: number };

  async function token(scopes: string[]): Promise<string> {
    const r = await t.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: uniq('device'), scopes } });
    assert.equal(r.statusCode, 201, r.body);
    return r.json<{ token: string }>().token;
  }

  async function station(): Promise<{ thing: number; ds: number }> {
    const name = uniq('Station');
    const r = await t.app.inject({
      method: 'POST',
      url: `${ROOT}/Things`,
      headers: admin.headers,
      payload: {
        name,
        description: 'Messstation',
        Locations: [{ name: `${name} Ort`, description: 'Ort', encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [7.59, 50.36] } }],
        Datastreams: [
          {
            name: `${name} Lärm`,
            description: 'Schallpegel',
            observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
            unitOfMeasurement: { name: 'Dezibel', symbol: 'dB', definition: 'http://unitsofmeasure.org/ucum.html#dB' },
            Sensor: { name: 'Mikrofon', description: 'Schallpegelmesser', encodingType: 'text/html', metadata: 'https://example.invalid' },
            ObservedProperty: { name: 'Schallpegel', definition: 'http://example.invalid/noise', description: 'Schallpegel' },
          },
        ],
      },
    });
    assert.equal(r.statusCode, 201, r.body);
    const thing = Number(/\((\d+)\)/.exec(r.headers['location'] as string)![1]);
    const ds = (await t.app.inject({ url: `${ROOT}/Things(${thing})/Datastreams` })).json<{ value: { '@iot.id': number }[] }>().value[0]!['@iot.id'];
    return { thing, ds };
  }

  const count = async (ds: number, result: number) =>
    (await t.app.inject({ url: `${ROOT}/Datastreams(${ds})/Observations?$filter=result eq ${result}&$count=true&$top=0` })).json<{ '@iot.count': number }>()['@iot.count'];

  const closed = (c: MqttClient) => new Promise<void>((resolve) => c.once('close', () => resolve()));

  before(async () => {
    t = await createTestApp();
    admin = await createStaff(t, 'admin');
    own = await station();
    other = await station();
  });
  after(() => t.close());

  test('HTTP: a per-Thing token writes Observations of its Thing only, and nothing else', async () => {
    const bearer = { authorization: `Bearer ${await token([`sensors:write:thing-${own.thing}`])}` };
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `${ROOT}/${url}`, headers: bearer, payload });
    assert.equal((await post(`Datastreams(${own.ds})/Observations`, { result: 61 })).statusCode, 201);
    assert.equal((await post('Observations', { result: 62, Datastream: { '@iot.id': own.ds } })).statusCode, 201);
    const foreign = await post(`Datastreams(${other.ds})/Observations`, { result: 63 });
    assert.equal(foreign.statusCode, 403);
    assert.match(foreign.json<{ message: string }>().message, new RegExp(`Thing\\(s\\) ${own.thing}`));
    assert.equal((await post('Things', { name: 'x', description: 'y' })).statusCode, 403, 'no other entity');
    const array = await post('CreateObservations', [
      { Datastream: { '@iot.id': own.ds }, components: ['result'], dataArray: [[64]] },
      { Datastream: { '@iot.id': other.ds }, components: ['result'], dataArray: [[65]] },
    ]);
    assert.equal(array.statusCode, 201);
    assert.equal(array.json<string[]>()[1], 'error', 'the other Thing’s row fails alone');
    assert.deepEqual([await count(own.ds, 64), await count(other.ds, 65), await count(other.ds, 63)], [1, 0, 0]);
    const none = { authorization: `Bearer ${await token(['parking:write'])}` };
    const noScope = await t.app.inject({ method: 'POST', url: `${ROOT}/CreateObservations`, headers: none, payload: [] });
    assert.equal(noScope.statusCode, 403);
  });

  test('embedded broker: anonymous clients read but cannot publish; tokens publish by scope', { skip: process.env['TEST_MQTT_URL'] ? 'an external broker enforces its own ACLs' : false }, async () => {
    const clients: MqttClient[] = [];
    const connect = async (opts: mqtt.IClientOptions = {}) => {
      const c = await mqtt.connectAsync(t.mqtt.url, { reconnectPeriod: 0, ...opts });
      clients.push(c);
      return c;
    };
    try {
      // Bad credentials are refused at CONNECT (return code 4).
      await assert.rejects(mqtt.connectAsync(t.mqtt.url, { username: 'x', password: 'cf_not-a-token', reconnectPeriod: 0 }), /Bad username or password/i);

      // Anonymous: subscribing works; a create or a forged notification closes the connection.
      const reader = await connect();
      const forged: string[] = [];
      reader.on('message', (topic) => forged.push(topic));
      await reader.subscribeAsync('v1.1/Things');
      const anon = await connect();
      const anonClosed = closed(anon);
      anon.publish(`v1.1/Datastreams(${own.ds})/Observations`, JSON.stringify({ result: 71 }));
      await anonClosed;
      const forger = await connect();
      const forgerClosed = closed(forger);
      forger.publish('v1.1/Things', JSON.stringify({ '@iot.id': 1, name: 'gefälscht' }));
      await forgerClosed;

      // $select topics: a subscriber gets only the properties it asked for.
      const selected: { topic: string; body: unknown }[] = [];
      reader.on('message', (topic, payload) => selected.push({ topic, body: JSON.parse(payload.toString()) as unknown }));
      const selectTopic = `v1.1/Datastreams(${own.ds})/Observations?$select=result,phenomenonTime`;
      await reader.subscribeAsync(selectTopic);

      // A per-Thing token: its own Datastream only.
      const device = await connect({ username: 'station', password: await token([`sensors:write:thing-${own.thing}`]) });
      // The embedded broker acknowledges (PUBACK) only after the commit: stored once publishAsync resolves.
      await device.publishAsync(`v1.1/Datastreams(${own.ds})/Observations`, JSON.stringify({ result: 72 }), { qos: 1 });
      assert.equal(await count(own.ds, 72), 1, 'the own Thing’s Observation is stored before PUBACK');
      // An invalid message is acknowledged and dropped (MQTT has no reply channel); the connection stays.
      await device.publishAsync(`v1.1/Datastreams(${own.ds})/Observations`, JSON.stringify({ phenomenonTime: 'gestern', result: 1 }), { qos: 1 });
      assert.ok(device.connected);
      const deviceClosed = closed(device);
      device.publish(`v1.1/Datastreams(${other.ds})/Observations`, JSON.stringify({ result: 73 }));
      await deviceClosed;

      // sensors:write: any create topic.
      const gateway = await connect({ username: 'gateway', password: await token(['sensors:write']) });
      await gateway.publishAsync(`v1.1/Datastreams(${other.ds})/Observations`, JSON.stringify({ result: 74 }), { qos: 1 });
      assert.equal(await count(other.ds, 74), 1);
      assert.deepEqual([await count(own.ds, 71), await count(other.ds, 73)], [0, 0], 'refused publishes created nothing');
      assert.deepEqual(forged.filter((topic) => topic === 'v1.1/Things'), [], 'no forged notification reached a subscriber');
      // Notifications go out after the commit, asynchronously: wait for the one the test expects.
      for (let waited = 0; waited < 5000 && !selected.some((m) => m.topic === selectTopic); waited += 50) await new Promise((r) => setTimeout(r, 50));
      const viaSelect = selected.filter((m) => m.topic === selectTopic).map((m) => m.body as Record<string, unknown>);
      assert.deepEqual(viaSelect.map((b) => [Object.keys(b).sort(), b['result']]), [[['phenomenonTime', 'result'], 72]]);
      // A NUL character (which database text cannot hold) is dropped like any invalid message; the next is stored.
      await gateway.publishAsync(`v1.1/Datastreams(${other.ds})/Observations`, JSON.stringify({ result: 'a\u0000b' }), { qos: 1 });
      await gateway.publishAsync(`v1.1/Datastreams(${other.ds})/Observations`, JSON.stringify({ result: 75 }), { qos: 1 });
      assert.equal(await count(other.ds, 75), 1);
      assert.ok(gateway.connected);
    } finally {
      await Promise.all(clients.map((c) => c.endAsync(true)));
    }
  });
});
