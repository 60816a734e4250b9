/**
 * Command-line entry: `serve` (npm start), `migrate`, `user create`, `audit verify`, `backup`, `restore`.
 * Errors a person can fix end with one clear line and exit code 1, never a stack trace.
 */
import net from 'node:net';
import { parseArgs } from 'node:util';
import { writeFile, readFile, rename, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp, DEMO_SEEDS, MIGRATIONS, VERSION } from './app.js';
import { systemActor, type Role } from './platform/auth/actor.js';
import { openMigratedDatabase } from './platform/bootstrap.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { systemClock } from './platform/contracts.js';
import { openDatabase, redactUrl } from './platform/db/database.js';
import { runSeeds } from './platform/db/seeds.js';
import { AppError } from './platform/http/errors.js';
import { lockDataDir } from './platform/lock.js';
import { startMqtt } from './platform/mqtt/broker.js';
import { createAuditModule } from './modules/audit/index.js';
import { runCatalogCommand } from './modules/catalog/index.js';
import { createIdentityModule } from './modules/identity/index.js';
import { loadCityProfile } from './platform/city.js';
import { EDITABLE_MODULES } from './app.js';

const out = (line = '') => process.stdout.write(line + '\n');

/** Fails fast, before the slow database start, when the HTTP port is taken. */
async function assertPortFree(port: number, host: string) {
  if (port === 0) return;
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new ConfigError([`PORT: port ${port} is already in use. Stop the other program or set PORT to a free port.`])
          : err,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function serve(config: Config) {
  const started = Date.now();
  const log = pino({ level: config.logLevel });
  await assertPortFree(config.port, config.host);
  const opened = await openMigratedDatabase(config, MIGRATIONS);
  const { database } = opened;
  if (config.demoData) {
    const loaded = await runSeeds(database.db, DEMO_SEEDS);
    if (loaded.length) log.info(`Loaded Koblenz demo data: ${loaded.join(', ')}`);
  }
  const mqtt = await startMqtt({ url: config.mqttUrl, port: config.mqttPort, host: config.mqttHost, log });
  const app = await buildApp({ config, database, mqtt });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await mqtt.close();
    await opened.release();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError([`PORT: port ${config.port} is already in use. Stop the other program or set PORT to a free port.`]);
    }
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  out('');
  out(`  Confluentes ${VERSION} – ${loadCityProfile(config.cityProfile).officialName}`);
  out(`  Web:       http://localhost:${port}/   (PUBLIC_URL ${config.publicUrl})`);
  out(`  API docs:  http://localhost:${port}/api/docs`);
  out(`  Database:  ${database.description}`);
  out(`  MQTT:      ${mqtt.url}${mqtt.embedded ? ' (embedded broker)' : ' (external broker)'}`);
  out(`  Started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!(await cliServices(config, database.db).identity.hasUsers())) {
    out('');
    out('  No staff account exists yet. Create the first administrator with:');
    out('    npm run cli -- user create --role admin --email you@example.org');
  }
  out('');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: finishing open requests, then closing database and broker`);
    // app.close() stops accepting connections and waits for in-flight requests.
    await app.close();
    await mqtt.close();
    await opened.release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Runs fn with the migrated database and the services the CLI needs, then closes everything. */
async function withServices<T>(config: Config, fn: (s: ReturnType<typeof cliServices>) => Promise<T>): Promise<T> {
  const opened = await openMigratedDatabase(config, MIGRATIONS);
  try {
    return await fn(cliServices(config, opened.database.db));
  } finally {
    await opened.release();
  }
}

function cliServices(config: Config, db: import('./platform/db/database.js').Db) {
  const city = loadCityProfile(config.cityProfile);
  const audit = createAuditModule({ db, clock: systemClock });
  const identity = createIdentityModule({
    db,
    audit: audit.recorder,
    clock: systemClock,
    settings: {
      publicUrl: config.publicUrl,
      cityName: city.name,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
      loginMaxFailures: config.loginMaxFailures,
      modules: EDITABLE_MODULES,
    },
  });
  return { audit: audit.service, identity: identity.service };
}

const CLI_ACTOR = systemActor('cli');

async function userCommand(config: Config, args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, modules: { type: 'string' }, id: { type: 'string' } },
  });
  const sub = positionals[0];
  if (sub === 'create') {
    if (!values.email) throw new AppError('CLI_EMAIL_MISSING', '--email is required', { field: '--email' });
    const role = (values.role ?? 'viewer') as Role;
    if (!['admin', 'editor', 'viewer'].includes(role)) throw new AppError('CLI_ROLE_INVALID', '--role must be admin, editor or viewer', { field: '--role' });
    await withServices(config, async ({ identity }) => {
      const { user, enrolmentUrl } = await identity.createUser(CLI_ACTOR, {
        email: values.email!,
        role,
        displayName: values.name ?? '',
        modules: values.modules ? values.modules.split(',').map((m) => m.trim()).filter(Boolean) : [],
      });
      out(`Created ${user.role} ${user.email} (id ${user.id}).`);
      out('Hand over this one-time enrolment link (valid 72 hours); it sets the password and the authenticator app:');
      out(`  ${enrolmentUrl}`);
    });
    return;
  }
  if (sub === 'reset-mfa') {
    if (!values.id) throw new AppError('CLI_ID_MISSING', '--id is required', { field: '--id' });
    await withServices(config, async ({ identity }) => {
      const { enrolmentUrl } = await identity.resetMfa(CLI_ACTOR, Number(values.id));
      out(`New one-time enrolment link: ${enrolmentUrl}`);
    });
    return;
  }
  if (sub === 'list') {
    await withServices(config, async ({ identity }) => {
      for (const u of await identity.listUsers(CLI_ACTOR)) {
        out(`${u.id}\t${u.email}\t${u.role}${u.modules.length ? `(${u.modules.join(',')})` : ''}\t${u.mfaEnrolled ? 'MFA' : 'not enrolled'}${u.disabled ? '\tdisabled' : ''}`);
      }
    });
    return;
  }
  throw new AppError('CLI_USAGE', 'usage: user create --email E --role admin|editor|viewer [--name N] [--modules a,b] | user reset-mfa --id N | user list');
}

async function auditCommand(config: Config, args: string[]) {
  if (args[0] !== 'verify') throw new AppError('CLI_USAGE', 'usage: audit verify');
  const result = await withServices(config, ({ audit }) => audit.verify(CLI_ACTOR));
  out(result.message);
  if (!result.ok) process.exitCode = 2;
}

async function backupCommand(config: Config, args: string[]) {
  const file = args[0];
  if (!file) throw new AppError('CLI_USAGE', 'usage: backup <file.tar.gz>');
  if (config.databaseUrl) {
    throw new AppError('CLI_BACKUP_POSTGRES', `For PostgreSQL (${redactUrl(config.databaseUrl)}) use pg_dump; see docs/deployment.md.`);
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      const blob = await database.dumpDataDir!();
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await writeFile(file, Buffer.from(await blob.arrayBuffer()));
      out(`Backup written to ${file} (${blob.size} bytes).`);
    } finally {
      await database.close();
    }
  } finally {
    unlock();
  }
}

async function restoreCommand(config: Config, args: string[]) {
  const file = args[0];
  if (!file || !existsSync(file)) throw new AppError('CLI_USAGE', 'usage: restore <file.tar.gz> (an existing backup file)');
  if (config.databaseUrl) throw new AppError('CLI_RESTORE_POSTGRES', 'For PostgreSQL use pg_restore; see docs/deployment.md.');
  const unlock = lockDataDir(config.dataDir);
  try {
    const dbDir = path.join(config.dataDir, 'db');
    const kept = `${dbDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(dbDir)) await rename(dbDir, kept);
    const blob = new Blob([await readFile(file)]);
    const database = await openDatabase({ dataDir: config.dataDir, loadDataDir: blob });
    await database.close();
    out(`Restored ${file}.${existsSync(kept) ? ` The previous database was kept in ${kept}.` : ''}`);
  } finally {
    unlock();
  }
}

async function migrateCommand(config: Config) {
  const opened = await openMigratedDatabase(config, MIGRATIONS);
  await opened.release();
  out(opened.applied.length ? `Applied ${opened.applied.length} migration(s):\n  ${opened.applied.join('\n  ')}` : 'The schema is up to date.');
}

const HELP = `Confluentes ${VERSION}
usage: npm run cli -- <command>
  serve                          start the platform (npm start)
  migrate                        apply pending migrations (npm run migrate)
  user create --email E --role admin|editor|viewer [--name N] [--modules a,b]
  user reset-mfa --id N          new enrolment link (password and authenticator)
  user list
  audit verify                   check the audit log's hash chain
  catalog import <file>          update the OZG/LeiKa catalogue from a newer export (CSV/XLSX);
                                 catalog help lists the other catalog commands
  backup <file>                  back up the embedded database (stop the server first)
  restore <file>                 restore the embedded database from a backup`;

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrateCommand(config);
    case 'user':
      return userCommand(config, args);
    case 'audit':
      return auditCommand(config, args);
    case 'catalog': {
      const opened = await openMigratedDatabase(config, MIGRATIONS);
      const db = opened.database.db;
      const deps = { db, audit: createAuditModule({ db, clock: systemClock }).recorder, clock: systemClock, out };
      return runCatalogCommand(args, deps).finally(() => opened.release());
    }
    case 'backup':
      return backupCommand(config, args);
    case 'restore':
      return restoreCommand(config, args);
    default:
      out(HELP);
      if (command && command !== 'help') process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof AppError || (err as Error).name?.endsWith('Error');
  process.stderr.write(`\nConfluentes could not start or finish: ${(err as Error).message}\n`);
  if (!known || process.env['DEBUG']) process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
