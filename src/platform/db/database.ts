/**
 * Opens the database: embedded PGlite with PostGIS in DATA_DIR/db by default, or a PostgreSQL
 * server with PostGIS when DATABASE_URL is set. Both speak the same SQL; callers only see Kysely.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { Mutex } from './mutex.js';
import { PGliteDialect } from './pglite-dialect.js';

/** The platform knows no tables; each module adds its own with `db.withTables<T>()`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db = Kysely<{}>;

/** Runs multi-statement SQL and parameterised queries on one connection inside one transaction. */
export interface ScriptRunner {
  exec(sqlText: string): Promise<void>;
  query<R>(sqlText: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Exclusive, transactional raw access (migrations, bulk loads). Rolls back if fn throws. */
  script<T>(fn: (runner: ScriptRunner) => Promise<T>): Promise<T>;
  /** Human description without credentials, for banners and logs. */
  readonly description: string;
  /** Embedded only: a gzipped tarball of the data directory (consistent: taken under the lock). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

// int8 ids and counts arrive as numbers (all our ids stay far below 2^53); numeric stays a string.
const INT8_OID = 20;

export interface OpenOptions {
  /** Directory for the embedded database; undefined means in memory (tests). */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  poolSize?: number;
  /** Embedded only: initialise an empty data directory from a backup tarball. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPGlite(options.dataDir, options.loadDataDir);
  await ensurePostgis(database);
  return database;
}

async function openPGlite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const [{ PGlite }, { postgis }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-postgis'),
  ]);
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'db');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = new PGlite({
    ...(dir ? { dataDir: dir } : {}),
    extensions: { postgis },
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [INT8_OID]: (v: string) => Number(v) },
  });
  await pglite.waitReady;
  const mutex = new Mutex();
  const db: Db = new Kysely({ dialect: new PGliteDialect(pglite, mutex) });
  return {
    kind: 'pglite',
    db,
    description: dir ? `embedded PGlite in ${dir}` : 'embedded PGlite in memory',
    async dumpDataDir() {
      const release = await mutex.lock();
      try {
        return await pglite.dumpDataDir('gzip');
      } finally {
        release();
      }
    },
    async script(fn) {
      const release = await mutex.lock();
      try {
        return await pglite.transaction(async (tx) =>
          fn({
            exec: async (text) => {
              await tx.exec(text);
            },
            query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
          }),
        );
      } finally {
        release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new DatabaseError(`Cannot connect to DATABASE_URL (${redactUrl(url)}): ${(err as Error).message}`);
  }
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    description: `PostgreSQL at ${redactUrl(url)}`,
    async script(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async <R>(text: string, params: unknown[] = []) =>
            (await client.query<R & pg.QueryResultRow>(text, params)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

async function ensurePostgis(database: Database): Promise<void> {
  const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'postgis'`.execute(
    database.db,
  );
  if ((available.rows[0]?.n ?? 0) === 0) {
    await database.close();
    throw new DatabaseError(
      `PostGIS is not installed on ${database.description}. Install it (Debian: apt-get install postgresql-15-postgis-3) ` +
        'and run "CREATE EXTENSION postgis" as a superuser, or unset DATABASE_URL to use the embedded database.',
    );
  }
  try {
    await sql`create extension if not exists postgis`.execute(database.db);
  } catch (err) {
    await database.close();
    throw new DatabaseError(
      `Could not enable PostGIS on ${database.description}: ${(err as Error).message}. ` +
        'A superuser must run "CREATE EXTENSION postgis" in this database once.',
    );
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Runs fn in a transaction. Inside fn, use only `trx`: on PGlite the outer handle would wait forever. */
export function withTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  // A service called from another service's transaction joins it instead of opening a second one.
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
