/**
 * Child process for the SensorThings kill -9 test: the whole app on the database named by the
 * environment (DATA_DIR or DATABASE_URL) and the broker (embedded, or MQTT_URL), with one Thing and
 * an API token. Prints `ready {"port", "mqttUrl", "token", "datastream"}` and then serves until killed.
 */
import pino from 'pino';
import { buildApp, MIGRATIONS } from '../app.js';
import { systemActor } from '../platform/auth/actor.js';
import { openMigratedDatabase } from '../platform/bootstrap.js';
import { loadConfig } from '../platform/config.js';
import { systemClock } from '../platform/contracts.js';
import { startMqtt } from '../platform/mqtt/broker.js';
import { createAuditModule } from '../modules/audit/index.js';
import { createIdentityModule } from '../modules/identity/index.js';

const config = loadConfig({ ...process.env, PORT: '0', MQTT_PORT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'silent' });
const opened = await openMigratedDatabase(config, MIGRATIONS);
const { db } = opened.database;
const mqtt = await startMqtt({ url: config.mqttUrl, port: 0, host: '127.0.0.1', log: pino({ level: 'silent' }) });
const app = await buildApp({ config, database: opened.database, mqtt });
await app.listen({ port: 0, host: '127.0.0.1' });

const identity = createIdentityModule({
  db,
  audit: createAuditModule({ db, clock: systemClock }).recorder,
  clock: systemClock,
  settings: { publicUrl: config.publicUrl, cityName: 'Koblenz', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, modules: ['sensors'] },
});
const { token } = await identity.service.createApiToken(systemActor('durability test'), { name: 'durability', scopes: ['sensors:write'] });
const created = await app.inject({
  method: 'POST',
  url: '/sta/v1.1/Things',
  headers: { authorization: `Bearer ${token}` },
  payload: {
    name: 'Dauertest',
    description: 'kill -9',
    Locations: [{ name: 'Ort', description: 'Ort', encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [7.59, 50.36] } }],
    Datastreams: [
      {
        name: 'Dauertest',
        description: 'kill -9',
        observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
        unitOfMeasurement: { name: 'Zahl', symbol: '', definition: 'http://unitsofmeasure.org/ucum.html#1' },
        Sensor: { name: 'Zähler', description: 'Test', encodingType: 'text/html', metadata: 'https://example.invalid' },
        ObservedProperty: { name: 'Zahl', definition: 'https://example.invalid/n', description: 'Zahl' },
      },
    ],
  },
});
const thing = /\((\d+)\)/.exec(created.headers['location'] as string)![1];
const datastream = (await app.inject({ url: `/sta/v1.1/Things(${thing})/Datastreams` })).json<{ value: { '@iot.id': number }[] }>().value[0]!['@iot.id'];
const port = (app.server.address() as { port: number }).port;
process.stdout.write(`ready ${JSON.stringify({ port, mqttUrl: mqtt.url, token, datastream })}\n`);
