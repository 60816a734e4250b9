/**
 * Forward-only SQL migrations, one folder per module. Each file runs in its own transaction together
 * with its row in schema_migrations, so a failing migration leaves the schema as it was.
 * An advisory lock keeps two instances starting at once from applying the same file twice.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, Db } from './database.js';

export interface MigrationSource {
  /** Module name, e.g. "identity"; recorded with every file. */
  module: string;
  /** Folder holding NNNN_description.sql files. */
  dir: string;
  /**
   * Reference data the module ships with its schema (e.g. the OZG catalogue). Loaded after the SQL
   * files, in one transaction with its row in schema_migrations, and again only when its checksum
   * changes, so a normal start does not touch it.
   */
  data?: MigrationData;
}

export interface MigrationData {
  /** Recorded as `<module>/<id>` in schema_migrations. */
  id: string;
  /** Changes when the shipped data changes. */
  checksum(): string;
  /** Loads or updates the data; must leave data already in place intact. */
  load(trx: Db): Promise<void>;
}

export interface MigrationFile {
  id: string;
  module: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_PATTERN = /^\d{4}_[a-z0-9_]+\.sql$/;
const LOCK_KEY = 7111000; // the city's Gemeindeschlüssel: any constant works, this one is memorable

export function listMigrations(sources: MigrationSource[]): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const source of sources) {
    if (!existsSync(source.dir)) continue;
    for (const name of readdirSync(source.dir).sort()) {
      if (!name.endsWith('.sql')) continue;
      if (!FILE_PATTERN.test(name)) {
        throw new MigrationError(`${source.module}/${name}: migration files are named NNNN_description.sql`);
      }
      const text = readFileSync(path.join(source.dir, name), 'utf8');
      files.push({
        id: `${source.module}/${name}`,
        module: source.module,
        name,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      });
    }
  }
  return files;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(database: Database, sources: MigrationSource[]): Promise<MigrationReport> {
  const files = listMigrations(sources);
  await database.script(async (r) => {
    await r.exec(`create table if not exists schema_migrations (
      id text primary key,
      module text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
  });
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const done = await database.script(async (r) => {
      await r.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await r.query<{ checksum: string }>('select checksum from schema_migrations where id = $1', [file.id]);
      if (rows[0]) {
        if (rows[0].checksum !== file.checksum) {
          throw new MigrationError(
            `${file.id} was changed after it was applied. Migrations are forward-only: add a new file instead.`,
          );
        }
        return false;
      }
      try {
        await r.exec(file.sql);
      } catch (err) {
        throw new MigrationError(`${file.id} failed and was rolled back: ${(err as Error).message}`);
      }
      await r.query('insert into schema_migrations (id, module, checksum) values ($1, $2, $3)', [
        file.id,
        file.module,
        file.checksum,
      ]);
      return true;
    });
    if (done) applied.push(file.id);
    else alreadyApplied += 1;
  }
  for (const source of sources) {
    if (!source.data) continue;
    const id = `${source.module}/${source.data.id}`;
    if (await loadData(database.db, id, source.module, source.data)) applied.push(id);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}

async function loadData(db: Db, id: string, module: string, data: MigrationData): Promise<boolean> {
  const checksum = data.checksum();
  const recorded = async (conn: Db) =>
    (await sql<{ checksum: string }>`select checksum from schema_migrations where id = ${id}`.execute(conn)).rows[0]?.checksum;
  if ((await recorded(db)) === checksum) return false; // the usual start: one indexed read
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    if ((await recorded(trx)) === checksum) return false; // another instance loaded it meanwhile
    try {
      await data.load(trx);
    } catch (err) {
      throw new MigrationError(`${id} failed and was rolled back: ${(err as Error).message}`);
    }
    await sql`insert into schema_migrations (id, module, checksum) values (${id}, ${module}, ${checksum})
      on conflict (id) do update set checksum = excluded.checksum, applied_at = now()`.execute(trx);
    return true;
  });
}
