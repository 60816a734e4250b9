/**
 * Start-up and crash behaviour, with real child processes: a bad variable or a taken port stops
 * start-up naming the setting; a taken MQTT port is reported and avoided; after kill -9 during
 * writes every acknowledged write is still there.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { createScratchPostgresDatabase, usingPostgres } from '../testing/harness.js';
import { openDatabase } from './db/database.js';
import { startMqtt } from './mqtt/broker.js';

const root = path.resolve(import.meta.dirname, '..', '..');

function run(args: string[], env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function occupyPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

describe('start-up', () => {
  test('a bad environment variable stops start-up naming it', async () => {
    const { code, output } = await run(['src/main.ts', 'serve'], { PORT: 'eighty-eighty', MQTT_PORT: '1' + '99999' });
    assert.equal(code, 1);
    assert.match(output, /PORT: must be a whole number/);
    assert.match(output, /MQTT_PORT: must be between/);
    assert.doesNotMatch(output, /at .*\.ts:\d+/, 'no stack trace for a configuration error');
  });

  test('a taken HTTP port stops start-up naming PORT', async () => {
    const taken = await occupyPort();
    try {
      const { code, output } = await run(['src/main.ts', 'serve'], { PORT: String(taken.port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cf-port-')) });
      assert.equal(code, 1);
      assert.match(output, new RegExp(`PORT: port ${taken.port} is already in use`));
    } finally {
      await taken.close();
    }
  });

  test('a taken MQTT port is reported, naming MQTT_URL, and the next free port is used', async () => {
    const taken = await occupyPort();
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    const mqtt = await startMqtt({ port: taken.port, host: '127.0.0.1', log });
    try {
      assert.ok(mqtt.port! > taken.port);
      assert.ok(mqtt.isConnected());
      assert.match(lines.join(''), new RegExp(`MQTT port ${taken.port} is already in use.*MQTT_URL=mqtt://localhost:${taken.port}`));
    } finally {
      await mqtt.close();
      await taken.close();
    }
  });
});

/** The embedded data directory the kill -9 test leaves behind: the backup test reuses it as its source. */
let killedDataDir: string | undefined;

describe('kill -9 during writes', () => {
  test('every acknowledged write is present after restart', { timeout: 180_000 }, async () => {
    const env: Record<string, string> = { LOG_LEVEL: 'silent' };
    let drop: (() => Promise<void>) | undefined;
    if (usingPostgres()) {
      const scratch = await createScratchPostgresDatabase('cf_kill');
      env['DATABASE_URL'] = scratch.url;
      drop = () => scratch.drop();
    } else {
      env['DATA_DIR'] = mkdtempSync(path.join(tmpdir(), 'cf-kill-'));
      killedDataDir = env['DATA_DIR'];
    }
    const acked: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/durability-writer.ts'], { cwd: root, env: { ...process.env, ...env } });
      let buffer = '';
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const m = /^ack (\d+)$/.exec(line);
          if (m) acked.push(Number(m[1]));
          if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 1500);
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
      setTimeout(() => reject(new Error('writer did not start')), 120_000).unref();
    });
    assert.ok(acked.length > 5, `the writer acknowledged ${acked.length} writes before the kill`);
    const database = await openDatabase(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: env['DATA_DIR'] });
    try {
      const rows = await sql<{ id: number }>`select id from content_feedback`.execute(database.db);
      const present = new Set(rows.rows.map((r) => r.id));
      const missing = acked.filter((id) => !present.has(id));
      assert.deepEqual(missing, [], 'acknowledged writes lost');
    } finally {
      await database.close();
      await drop?.();
    }
  });
});

describe('backup and restore of the embedded database', { skip: usingPostgres() ? 'PostgreSQL uses pg_dump/pg_restore' : false }, () => {
  // Generous limits: on a busy 2-core machine one CLI run (tsx start-up plus PGlite) can take minutes.
  test('a backup restored into another data directory holds the same data', { timeout: 600_000 }, async () => {
    // A migrated data directory; the one the crash test left behind saves a slow first initialisation.
    const source = killedDataDir ?? mkdtempSync(path.join(tmpdir(), 'cf-backup-src-'));
    const target = mkdtempSync(path.join(tmpdir(), 'cf-backup-dst-'));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cf-backup-')), 'koblenz.tar.gz');
    if (!killedDataDir) {
      const migrated = await run(['src/main.ts', 'migrate'], { DATA_DIR: source });
      assert.equal(migrated.code, 0, migrated.output);
    }
    const db = await openDatabase({ dataDir: source });
    await sql`insert into content_feedback (message) values ('kept by the backup')`.execute(db.db);
    await db.close();

    const backup = await run(['src/main.ts', 'backup', file], { DATA_DIR: source }, 240_000);
    assert.equal(backup.code, 0, backup.output);
    const restore = await run(['src/main.ts', 'restore', file], { DATA_DIR: target }, 240_000);
    assert.equal(restore.code, 0, restore.output);

    const restored = await openDatabase({ dataDir: target });
    try {
      const rows = await sql<{ n: number }>`select count(*)::int as n from content_feedback where message = 'kept by the backup'`.execute(restored.db);
      assert.equal(rows.rows[0]!.n, 1);
    } finally {
      await restored.close();
    }
  });
});
