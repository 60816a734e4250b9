/**
 * kill -9 during sustained ingestion over HTTP and MQTT: every Observation whose creation was
 * acknowledged (HTTP 201; MQTT PUBACK from the embedded broker, sent after the commit) is in the
 * database after the crash. With an external broker PUBACK comes from that broker before the
 * platform has seen the message, so there only HTTP acknowledgements are checked.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { openDatabase } from '../../platform/db/database.js';
import { createScratchPostgresDatabase, usingPostgres } from '../../testing/harness.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
interface Ready {
  port: number;
  mqttUrl: string;
  token: string;
  datastream: number;
}

describe('SensorThings ingestion under kill -9', () => {
  test('every acknowledged Observation (HTTP and MQTT) is stored after the crash', { timeout: 240_000 }, async () => {
    const env: Record<string, string> = {};
    let drop: (() => Promise<void>) | undefined;
    if (usingPostgres()) {
      const scratch = await createScratchPostgresDatabase('cf_sta_kill');
      env['DATABASE_URL'] = scratch.url;
      drop = () => scratch.drop();
    } else {
      env['DATA_DIR'] = mkdtempSync(path.join(tmpdir(), 'cf-sta-kill-'));
    }
    if (process.env['TEST_MQTT_URL']) env['MQTT_URL'] = process.env['TEST_MQTT_URL'];
    const embeddedBroker = !env['MQTT_URL'];

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/sensors-ingest-server.ts'], { cwd: root, env: { ...process.env, ...env } });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let output = '';
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /^ready (.*)$/m.exec(output);
        if (m) resolve(JSON.parse(m[1]!) as Ready);
      });
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', () => reject(new Error(`the server exited before it was ready:\n${output}`)));
      setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 180_000).unref();
    });

    const acked: number[] = [];
    let stop = false;
    let next = 1;
    const httpLoop = async () => {
      while (!stop) {
        const value = next++;
        try {
          const res = await fetch(`http://127.0.0.1:${ready.port}/sta/v1.1/Datastreams(${ready.datastream})/Observations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ result: value }),
          });
          if (res.status === 201) acked.push(value);
          await res.arrayBuffer();
        } catch {
          return; // the server is gone
        }
      }
    };
    const client = await mqtt.connectAsync(ready.mqttUrl, { username: 'durability', password: ready.token, reconnectPeriod: 0 });
    client.on('error', () => undefined);
    const mqttLoop = async () => {
      while (!stop && client.connected) {
        const value = next++;
        try {
          await client.publishAsync(`v1.1/Datastreams(${ready.datastream})/Observations`, JSON.stringify({ result: value }), { qos: 1 });
          if (embeddedBroker) acked.push(value);
        } catch {
          return;
        }
      }
    };
    // An external broker acknowledges at once, so a publisher there is not slowed by the commits and
    // would only queue ahead of the HTTP requests; its messages are not checked anyway.
    const loops = [...Array.from({ length: 8 }, httpLoop), ...Array.from({ length: embeddedBroker ? 4 : 0 }, mqttLoop)];
    await new Promise((r) => setTimeout(r, 2000));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    client.end(true);
    await Promise.all(loops);

    assert.ok(acked.length > 20, `only ${acked.length} Observations were acknowledged before the kill`);
    const database = await openDatabase(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: env['DATA_DIR'] });
    try {
      const rows = await sql<{ v: number }>`select (result #>> '{}')::int as v from sensors_observations where datastream_id = ${ready.datastream}`.execute(database.db);
      const stored = new Set(rows.rows.map((r) => Number(r.v)));
      assert.deepEqual(acked.filter((v) => !stored.has(v)), [], 'acknowledged Observations lost');
    } finally {
      await database.close();
      await drop?.();
    }
  });
});
