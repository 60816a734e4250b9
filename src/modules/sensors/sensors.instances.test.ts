/**
 * Two app instances sharing one PostgreSQL database and one external broker (Mosquitto): a write on
 * either is announced once to MQTT subscribers, and an Observation published to a create topic is
 * stored exactly once (the instances share one subscription).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { testConfig } from '../../platform/config.js';
import { openDatabase, type Database } from '../../platform/db/database.js';
import { startMqtt, type MqttHandle } from '../../platform/mqtt/broker.js';
import { createTestApp, testDatabaseName, type TestApp } from '../../testing/harness.js';
import { createStaff } from '../../testing/staff.js';

const external = Boolean(process.env['TEST_DATABASE_URL'] && process.env['TEST_MQTT_URL']);

describe('SensorThings across two app instances (shared PostgreSQL and broker)', { skip: external ? false : 'needs TEST_DATABASE_URL and TEST_MQTT_URL' }, () => {
  let a: TestApp;
  let b: { app: FastifyInstance; database: Database; mqtt: MqttHandle };
  let subscriber: MqttClient;
  let bearer: Record<string, string>;
  const received: { topic: string; body: Record<string, unknown> }[] = [];

  before(async () => {
    a = await createTestApp();
    const database = await openDatabase({ databaseUrl: testDatabaseName()!, poolSize: 5 });
    const handle = await startMqtt({ url: process.env['TEST_MQTT_URL'], port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
    const app = await buildApp({ config: testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' }), database, mqtt: handle });
    await app.ready();
    b = { app, database, mqtt: handle };
    const admin = await createStaff(a, 'admin');
    const tok = await a.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: 'two instances', scopes: ['sensors:write'] } });
    bearer = { authorization: `Bearer ${tok.json<{ token: string }>().token}` };
    subscriber = await mqtt.connectAsync(process.env['TEST_MQTT_URL']!);
    subscriber.on('message', (topic, payload) => received.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> }));
    await subscriber.subscribeAsync(['v1.1/Things', 'v1.1/Observations'], { qos: 1 });
  });
  after(async () => {
    await subscriber?.endAsync();
    await b?.app.close();
    await b?.mqtt.close();
    await b?.database.close();
    await a?.close();
  });

  async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  test('writes on either instance are announced once; an MQTT create is stored exactly once', async () => {
    const name = `Zwei-${randomBytes(4).toString('hex')}`;
    const created = await a.app.inject({
      method: 'POST',
      url: '/sta/v1.1/Things',
      headers: bearer,
      payload: {
        name,
        description: 'zwei Instanzen',
        Locations: [{ name: 'Ort', description: 'Ort', encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [7.6, 50.35] } }],
        Datastreams: [
          {
            name: `${name} Wert`,
            description: 'Wert',
            observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
            unitOfMeasurement: { name: 'Zahl', symbol: '', definition: 'http://unitsofmeasure.org/ucum.html#1' },
            Sensor: { name: 'S', description: 'S', encodingType: 'text/html', metadata: 'https://example.invalid' },
            ObservedProperty: { name: 'Wert', definition: 'https://example.invalid/v', description: 'Wert' },
          },
        ],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    // Instance B reads what A wrote.
    const list = await b.app.inject({ url: `/sta/v1.1/Things?$filter=name eq '${name}'&$expand=Datastreams` });
    const ds = list.json<{ value: { Datastreams: { '@iot.id': number }[] }[] }>().value[0]!.Datastreams[0]!['@iot.id'];
    assert.ok(await until(() => received.some((m) => m.topic === 'v1.1/Things' && m.body['name'] === name)));

    const viaB = await b.app.inject({ method: 'POST', url: `/sta/v1.1/Datastreams(${ds})/Observations`, headers: bearer, payload: { result: 501 } });
    assert.equal(viaB.statusCode, 201, viaB.body);

    const publisher = await mqtt.connectAsync(process.env['TEST_MQTT_URL']!);
    try {
      await publisher.publishAsync(`v1.1/Datastreams(${ds})/Observations`, JSON.stringify({ result: 502 }), { qos: 1 });
    } finally {
      await publisher.endAsync();
    }
    const count = async (v: number) =>
      (await a.app.inject({ url: `/sta/v1.1/Datastreams(${ds})/Observations?$filter=result eq ${v}&$count=true&$top=0` })).json<{ '@iot.count': number }>()['@iot.count'];
    assert.ok(await until(async () => (await count(502)) >= 1), 'the MQTT Observation is stored');
    await new Promise((r) => setTimeout(r, 500)); // time for a second instance to store it too, if it (wrongly) did
    assert.equal(await count(502), 1, 'stored by one instance only');
    const notified = (v: number) => received.filter((m) => m.topic === 'v1.1/Observations' && m.body['result'] === v).length;
    assert.ok(await until(() => notified(501) >= 1 && notified(502) >= 1));
    assert.deepEqual([notified(501), notified(502)], [1, 1], 'each Observation announced once');
  });
});
