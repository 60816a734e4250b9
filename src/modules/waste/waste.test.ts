import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { loadCityProfile } from '../../platform/city.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { createStaff, login, type StaffSession } from '../../testing/staff.js';
import { DECODERS, DecodeError, base64Bytes, fillFromDistance } from './waste.decoders.js';
import { demoContainers } from './waste.demo.js';
import { planRoute } from './waste.route-plan.js';

type J = Record<string, unknown>;
const devEui = () => randomBytes(8).toString('hex').toUpperCase();
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

/** The Things Stack v3 uplink message as its webhook posts it. */
function ttsUplink(eui: string, payload: string, at: Date) {
  return {
    end_device_ids: { device_id: `ksk-${eui.toLowerCase()}`, application_ids: { application_id: 'ksk-abfall' }, dev_eui: eui, join_eui: '0000000000000000', dev_addr: '260B1234' },
    correlation_ids: ['as:up:01H0000000000000000000000'],
    received_at: at.toISOString(),
    uplink_message: {
      session_key_id: 'AYZ1234567890==',
      f_port: 2,
      f_cnt: 42,
      frm_payload: payload,
      rx_metadata: [{ gateway_ids: { gateway_id: 'evm-gw-1', eui: 'B827EBFFFE000001' }, rssi: -97, channel_rssi: -97, snr: 7.5 }],
      settings: { data_rate: { lora: { bandwidth: 125000, spreading_factor: 7, coding_rate: '4/5' } }, frequency: '868100000' },
      received_at: at.toISOString(),
      consumed_airtime: '0.056576s',
    },
  };
}

/** ChirpStack v4 HTTP integration "up" event (JSON marshaler). */
function chirpstackUp(eui: string, fields: { data?: string; object?: J }, at: Date) {
  return {
    deduplicationId: '3ac7e3c4-4401-4b8d-9386-a5c902f9202d',
    time: at.toISOString(),
    deviceInfo: {
      tenantId: '52f14cd4-c6f1-4fbd-8f87-4025e1d49242',
      tenantName: 'Stadt Koblenz',
      applicationId: '17c82e96-be03-4f38-aef3-f83d48582d97',
      applicationName: 'KSK Abfall',
      deviceProfileId: '14855bf7-d10d-4aee-b618-ebfcb64dc7ad',
      deviceProfileName: 'LDDS75',
      deviceName: 'papier-1',
      devEui: eui.toLowerCase(),
      tags: {},
    },
    devAddr: '00189440',
    adr: true,
    dr: 5,
    fCnt: 7,
    fPort: 2,
    confirmed: false,
    ...fields,
    rxInfo: [{ gatewayId: '0016c001f153a14c', uplinkId: 4217106255, rssi: -36, snr: 10.5, context: 'E3OWOQ==' }],
    txInfo: { frequency: 868100000, modulation: { lora: { bandwidth: 125000, spreadingFactor: 7, codeRate: 'CR_4_5' } } },
  };
}

describe('waste', () => {
  let t: TestApp;
  let editor: StaffSession;
  let other: StaffSession;
  let bearer: Record<string, string>;
  let wrongScope: Record<string, string>;
  const district = `Testbezirk-${randomBytes(3).toString('hex')}`;

  const create = (body: J, headers: Record<string, string> = editor.headers) => t.app.inject({ method: 'POST', url: '/api/waste/containers', headers, payload: body });
  const container = (over: J = {}) => ({ name: 'Altglas Test', kind: 'glass', category: 'fixed', volumeL: 3000, district, lat: 50.36, lon: 7.6, ...over });
  const tts = (body: J, headers = bearer) => t.app.inject({ method: 'POST', url: '/api/waste/lorawan/tts', headers, payload: body });
  const chirp = (body: J, event = 'up', headers = bearer) => t.app.inject({ method: 'POST', url: `/api/waste/lorawan/chirpstack?event=${event}`, headers, payload: body });
  const get = async (id: number) => (await t.app.inject({ url: `/api/waste/containers/${id}` })).json<J>();

  before(async () => {
    // Sensor time passes in hours here: sessions must outlive it (the stale test logs in again).
    t = await createTestApp({ WASTE_STALE_HOURS: '24', SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' });
    editor = await createStaff(t, 'editor', ['waste']);
    other = await createStaff(t, 'editor', ['parking']);
    const admin = await createStaff(t, 'admin');
    const token = async (scopes: string[]) =>
      `Bearer ${(await t.app.inject({ method: 'POST', url: '/api/identity/tokens', headers: admin.headers, payload: { name: 'LoRaWAN', scopes, expiresInDays: 30 } })).json<{ token: string }>().token}`;
    bearer = { authorization: await token(['waste:write']) };
    wrongScope = { authorization: await token(['parking:write']) };
    const rules = await t.app.inject({ method: 'PUT', url: '/api/waste/rules', headers: editor.headers, payload: { thresholdPct: 80, staleHours: 24, sameValueCount: 3, email: 'abfall-team@koblenz.invalid' } });
    assert.equal(rules.statusCode, 200, rules.body);
  });
  after(() => t.close());

  test('containers: anonymous 401, other editor 403, invalid 400, editor of waste 201 with a SensorThings Thing', async () => {
    assert.equal((await create(container(), {})).statusCode, 401);
    assert.equal((await create(container(), other.headers)).statusCode, 403);
    const bad = await create(container({ kind: 'plastic' }));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, /body\.kind/);
    const noDecoder = await create(container({ devEui: devEui() }));
    assert.equal(noDecoder.json<{ errors: { field: string }[] }>().errors[0]!.field, 'body.decoder');
    const ok = await create(container({ category: 'underground' }));
    assert.equal(ok.statusCode, 201, ok.body);
    const c = ok.json<{ thingId: number; uid: string; storedWasteKind: string }>();
    assert.equal(c.storedWasteKind, 'glass');
    const streams = await t.app.inject({ url: `/sta/v1.1/Things(${c.thingId})/Datastreams` });
    assert.equal(streams.json<{ value: unknown[] }>().value.length, 3, 'fill level, battery, temperature');
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/waste/containers/${ok.json<{ id: number }>().id}`, headers: editor.headers, payload: { volumeL: 2500 } })).json<J>()['volumeL'], 2500);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/waste/rules' })).statusCode, 401);
  });

  test('The Things Stack uplink: bad payloads and unknown devices are 4xx and never stored', async () => {
    const eui = devEui();
    const c = (await create(container({ devEui: eui, decoder: 'confluentes-fill-v1' }))).json<{ id: number; thingId: number }>();
    const now = t.clock.now();
    assert.equal((await tts(ttsUplink(eui, b64([40, 90, 0, 85]), now), {})).statusCode, 401);
    assert.equal((await tts(ttsUplink(eui, b64([40, 90, 0, 85]), now), wrongScope)).statusCode, 403);
    assert.equal((await tts(ttsUplink(devEui(), b64([40, 90, 0, 85]), now))).statusCode, 404, 'unknown device');
    const notBase64 = await tts(ttsUplink(eui, '%%%not-base64', now));
    assert.equal(notBase64.statusCode, 400);
    assert.equal(notBase64.json<{ code: string }>().code, 'WASTE_PAYLOAD_MALFORMED');
    assert.equal((await tts(ttsUplink(eui, b64([40]), now))).statusCode, 400, 'too short');
    assert.equal((await tts(ttsUplink(eui, b64([150, 90, 0, 85]), now))).statusCode, 422, 'fill above 100 %');
    const noUplink = await tts({ end_device_ids: { device_id: 'x', dev_eui: eui } });
    assert.equal(noUplink.statusCode, 400);
    assert.equal((await tts({ end_device_ids: 'kaputt' })).statusCode, 400);
    assert.equal((await get(c.id))['fillPct'], null, 'nothing stored');
    const rejections = (await t.app.inject({ url: '/api/waste/rejections', headers: editor.headers })).json<{ items: { devEui: string | null; reason: string }[] }>();
    assert.ok(rejections.items.some((r) => r.devEui === eui.toLowerCase() && r.reason.startsWith('WASTE_PAYLOAD_MALFORMED')));

    const ok = await tts(ttsUplink(eui, b64([40, 90, 0, 85]), now));
    assert.equal(ok.statusCode, 200, ok.body);
    const stored = await get(c.id);
    assert.equal(stored['fillPct'], 40);
    assert.equal(stored['batteryPct'], 90);
    assert.equal(stored['temperatureC'], 8.5);
    const obs = await t.app.inject({ url: `/sta/v1.1/Things(${c.thingId})/Datastreams?$expand=Observations` });
    assert.deepEqual(obs.json<{ value: { Observations: { result: number }[] }[] }>().value.flatMap((d) => d.Observations.map((o) => o.result)).sort((a, b) => a - b), [8.5, 40, 90]);
  });

  test('ChirpStack uplink with a Dragino LDDS75 distance sensor; other events are acknowledged and ignored', async () => {
    const eui = devEui();
    const c = (await create(container({ kind: 'paper', devEui: eui, decoder: 'dragino-ldds75', sensorDepthMm: 1500 }))).json<{ id: number }>();
    // battery 3400 mV, distance 300 mm → 80 % full, temperature 12.3 °C
    const payload = b64([0x0d, 0x48, 0x01, 0x2c, 0x00, 0x00, 0x7b, 0x01]);
    assert.equal((await chirp(chirpstackUp(eui, { data: payload }, t.clock.now()), 'join')).statusCode, 204);
    assert.equal((await chirp(chirpstackUp(eui, { data: payload }, t.clock.now()), 'up', {})).statusCode, 401);
    assert.equal((await chirp(chirpstackUp(eui, { data: b64([0x0d, 0x48, 0, 0, 0, 0, 0, 1]) }, t.clock.now()))).statusCode, 400, 'no echo');
    assert.equal((await chirp({ deviceInfo: { devEui: 'xyz' } })).statusCode, 400);
    const ok = await chirp(chirpstackUp(eui, { data: payload }, t.clock.now()));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json<{ alerts: string[] }>().alerts, ['threshold']);
    const stored = await get(c.id);
    assert.equal(stored['fillPct'], 80);
    assert.equal(stored['temperatureC'], 12.3);
  });

  test('threshold alert once, e-mailed; emptying resolves it; the same value M times is a stuck sensor', async () => {
    const eui = devEui();
    const c = (await create(container({ kind: 'residual', category: 'portable', volumeL: 1100, devEui: eui, decoder: 'decoded' }))).json<{ id: number; name: string }>();
    const send = (object: J) => chirp(chirpstackUp(eui, { object }, t.clock.now()));
    const mails = t.mailer.sent.length;
    assert.equal((await send({ fillingLevel: 0.85, battery: 77 })).statusCode, 200);
    t.clock.advance(3_600_000);
    await send({ fillLevel: 90 });
    const alerts = () => t.app.inject({ url: '/api/waste/alerts?open=true', headers: editor.headers }).then((r) => r.json<{ items: { containerId: number; kind: string; notifiedAt: string | null }[] }>().items.filter((a) => a.containerId === c.id));
    const open = await alerts();
    assert.deepEqual(open.map((a) => a.kind), ['threshold'], 'reported once, not per reading');
    assert.ok(open[0]!.notifiedAt);
    const mail = t.mailer.sent.slice(mails);
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.to, 'abfall-team@koblenz.invalid');
    assert.match(mail[0]!.subject, /voll/);
    assert.equal((await t.app.inject({ url: '/api/waste/alerts' })).statusCode, 401);

    t.clock.advance(3_600_000);
    await send({ fillLevel: 5 });
    assert.deepEqual(await alerts(), [], 'emptied: alert resolved');
    assert.ok((await get(c.id))['dateLastEmptying']);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(3_600_000);
      await send({ fillLevel: 5 });
    }
    assert.deepEqual((await alerts()).map((a) => a.kind), ['stuck']);
    assert.equal((await send({ object: 'kein Füllstand' })).statusCode, 400);
  });

  test('stale sensors raise an alert after WASTE_STALE_HOURS', async () => {
    const eui = devEui();
    const c = (await create(container({ devEui: eui, decoder: 'decoded' }))).json<{ id: number }>();
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/waste/alerts/check' })).statusCode, 401);
    t.clock.advance(25 * 3_600_000);
    editor = { ...editor, ...(await login(t, editor)) };
    const mails = t.mailer.sent.length;
    const check = await t.app.inject({ method: 'POST', url: '/api/waste/alerts/check', headers: editor.headers });
    assert.ok(check.json<{ opened: number }>().opened >= 1);
    const alerts = (await t.app.inject({ url: '/api/waste/alerts', headers: editor.headers })).json<{ items: { containerId: number; kind: string }[] }>().items;
    assert.ok(alerts.some((a) => a.containerId === c.id && a.kind === 'stale'));
    assert.ok(t.mailer.sent.slice(mails).some((m) => m.subject.includes('Sensor meldet nicht')));
    assert.equal((await get(c.id))['stale'], true);
  });

  test('pickup plan: full and soon-full containers in route order, as JSON, CSV and GPX', async () => {
    const d2 = `${district}-plan`;
    const make = async (lat: number, lon: number, fill: number) => {
      const eui = devEui();
      const c = (await create(container({ district: d2, lat, lon, devEui: eui, decoder: 'decoded', name: `Plan ${fill}` }))).json<{ id: number }>();
      assert.equal((await chirp(chirpstackUp(eui, { object: { fillLevel: fill } }, t.clock.now()))).statusCode, 200);
      return c.id;
    };
    const full = await make(50.37, 7.6, 95);
    const fuller = await make(50.35, 7.6, 85);
    const empty = await make(50.36, 7.62, 10);
    const date = t.clock.now().toISOString().slice(0, 10);
    const q = `date=${date}&district=${encodeURIComponent(d2)}&depotLat=50.36&depotLon=7.58`;
    assert.equal((await t.app.inject({ url: `/api/waste/pickup-plan?${q}` })).statusCode, 401);
    assert.equal((await t.app.inject({ url: `/api/waste/pickup-plan?date=morgen`, headers: editor.headers })).statusCode, 400);
    const plan = (await t.app.inject({ url: `/api/waste/pickup-plan?${q}`, headers: editor.headers })).json<{ stops: { id: number; order: number; reason: string }[]; distanceKm: number }>();
    assert.deepEqual(plan.stops.map((s) => s.id).sort(), [full, fuller].sort());
    assert.ok(!plan.stops.some((s) => s.id === empty));
    assert.ok(plan.distanceKm > 0);
    const csv = await t.app.inject({ url: `/api/waste/pickup-plan.csv?${q}`, headers: editor.headers });
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.equal(csv.body.trim().split('\r\n').length, 3);
    const gpx = await t.app.inject({ url: `/api/waste/pickup-plan.gpx?${q}`, headers: editor.headers });
    assert.match(gpx.body, /<gpx version="1.1"/);
    assert.equal((gpx.body.match(/<rtept /g) ?? []).length, 4, 'depot, two stops, depot');
  });

  test('NGSI-v2 keyValues export and the dashboard summary', async () => {
    const list = (await t.app.inject({ url: '/api/waste/ngsi/v2/entities?type=WasteContainer&options=keyValues' })).json<J[]>();
    const e = list.find((x) => typeof x['fillingLevel'] === 'number')!;
    assert.equal(e['type'], 'WasteContainer');
    assert.ok((e['fillingLevel'] as number) >= 0 && (e['fillingLevel'] as number) <= 1);
    assert.ok(Array.isArray(e['storedWasteKind']));
    const summary = (await t.app.inject({ url: '/api/waste/summary' })).json<{ needingPickup: unknown[]; openAlerts: number }>();
    assert.ok(summary.needingPickup.length >= 1);
    assert.ok(summary.openAlerts >= 1);
  });
});

describe('waste decoders, route planner and demo', () => {
  test('decoders read the manufacturers’ layouts and refuse what they cannot read', () => {
    assert.deepEqual(DECODERS['milesight-em310-udl']!.decode(Buffer.from([0x01, 0x75, 0x5a, 0x03, 0x82, 0x2c, 0x01, 0x04, 0x00, 0x00]), null), { batteryPct: 90, distanceMm: 300 });
    assert.throws(() => DECODERS['milesight-em310-udl']!.decode(Buffer.from([0x09, 0x99, 0x00]), null), DecodeError);
    assert.deepEqual(DECODERS['dragino-ldds75']!.decode(Buffer.from([0x0d, 0x48, 0x01, 0x2c, 0, 0, 0, 1]), null), { distanceMm: 300, batteryPct: 67 });
    assert.throws(() => DECODERS['decoded']!.decode(null, { fillLevel: 'voll' }), DecodeError);
    assert.throws(() => base64Bytes('abc'), DecodeError);
    assert.equal(fillFromDistance(300, 1500), 80);
    assert.equal(fillFromDistance(1800, 1500), 0);
  });

  test('nearest neighbour + 2-opt visits every stop once and untangles a crossing', () => {
    const depot = { lat: 50, lon: 7 };
    const square = [
      { lat: 50.01, lon: 7, id: 'a' },
      { lat: 50.01, lon: 7.02, id: 'c' },
      { lat: 50, lon: 7.02, id: 'd' },
      { lat: 50.005, lon: 7.01, id: 'b' },
    ];
    const r = planRoute(depot, square);
    assert.equal(new Set(r.order.map((s) => s.id)).size, 4);
    const many = Array.from({ length: 300 }, (_, i) => ({ lat: 50 + ((i * 7919) % 300) / 10_000, lon: 7 + ((i * 104729) % 300) / 10_000 }));
    const planned = planRoute(depot, many);
    const naive = planRoute(depot, many, { budgetMs: 0 });
    assert.equal(planned.order.length, 300);
    assert.ok(planned.distanceKm <= naive.distanceKm);
  });

  test('demo: a few hundred simulated containers across the 30 Stadtteile', () => {
    const demo = demoContainers(loadCityProfile('koblenz'), new Date('2026-11-26T10:00:00Z'));
    assert.ok(demo.length >= 200 && demo.length <= 400, String(demo.length));
    assert.equal(new Set(demo.map((d) => d.container.district)).size, 30);
    assert.ok(demo.every((d) => d.container.simulated && d.container.name.includes('simuliert')));
    assert.ok(demo.some((d) => d.container.category === 'underground'));
    assert.deepEqual(new Set(demo.map((d) => d.container.kind)), new Set(['glass', 'paper', 'residual', 'bio', 'textile']));
  });
});
