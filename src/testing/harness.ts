/**
 * Test harness: one database per test process (embedded PGlite in memory, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL), migrated once and shared by every test file; each
 * test builds its own app with its own MQTT broker (embedded, or TEST_MQTT_URL) and its own clock.
 * Tests isolate by creating their own data (unique e-mails, names), never by assuming an empty table.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp, MIGRATIONS } from '../app.js';
import { testConfig, type Config } from '../platform/config.js';
import type { Clock, Mailer } from '../platform/contracts.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrator.js';
import { startMqtt, type MqttHandle } from '../platform/mqtt/broker.js';
import pino from 'pino';

export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: { to: string; subject: string; text: string }[] = [];
  async send(message: { to: string; subject: string; text: string }) {
    this.sent.push(message);
  }
}

let shared: Promise<Database> | undefined;
let createdDbName: string | undefined;

export const usingPostgres = () => Boolean(process.env['TEST_DATABASE_URL']);

/** A throw-away PostgreSQL database on the server named by `adminUrl` (default TEST_DATABASE_URL). */
export async function createScratchPostgresDatabase(
  prefix = 'cf_test',
  adminUrl = process.env['TEST_DATABASE_URL'],
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The process-wide test database, migrated. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    let database: Database;
    if (usingPostgres()) {
      const scratch = await createScratchPostgresDatabase();
      createdDbName = scratch.url;
      database = await openDatabase({ databaseUrl: scratch.url, poolSize: 10 });
      process.once('beforeExit', () => {
        void database.close().then(() => scratch.drop());
      });
    } else {
      database = await openDatabase({});
    }
    await migrate(database, MIGRATIONS);
    return database;
  })();
  return shared;
}

export const testDatabaseName = () => createdDbName;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  mqtt: MqttHandle;
  clock: TestClock;
  mailer: MemoryMailer;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...env });
  const mqtt = await startMqtt({
    url: process.env['TEST_MQTT_URL'],
    port: 0,
    host: '127.0.0.1',
    log: pino({ level: 'silent' }),
  });
  const clock = new TestClock();
  const mailer = new MemoryMailer();
  // With SMTP_URL the app sends through its real SMTP mailer (see src/testing/smtp.ts); `mailer` stays empty.
  const app = await buildApp({ config, database, mqtt, clock, mailer: config.smtpUrl ? undefined : mailer });
  await app.ready();
  return {
    app,
    database,
    mqtt,
    clock,
    mailer,
    config,
    async close() {
      await app.close();
      await mqtt.close();
    },
  };
}

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(5).toString('hex')}@test.koblenz.invalid`;
