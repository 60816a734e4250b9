import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { MIGRATIONS } from '../../app.js';
import { createScratchPostgresDatabase, usingPostgres } from '../../testing/harness.js';
import { openDatabase, type Database } from './database.js';
import { migrate, MigrationError } from './migrator.js';

/** A fresh, empty database of the kind under test (its own, not the shared one). */
async function emptyDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (usingPostgres()) {
    const scratch = await createScratchPostgresDatabase('cf_migr');
    const database = await openDatabase({ databaseUrl: scratch.url });
    return { database, dispose: async () => (await database.close(), await scratch.drop()) };
  }
  const database = await openDatabase({});
  return { database, dispose: () => database.close() };
}

const tableExists = async (db: Database, name: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = ${name}`.execute(db.db)).rows[0]!.n === 1;

describe('migrations', () => {
  let fresh: Awaited<ReturnType<typeof emptyDatabase>>;
  before(async () => {
    fresh = await emptyDatabase();
  });
  after(() => fresh.dispose());

  test('run from empty, then are idempotent', async () => {
    const first = await migrate(fresh.database, MIGRATIONS);
    assert.ok(first.applied.length >= 4);
    assert.ok(await tableExists(fresh.database, 'identity_users'));
    const second = await migrate(fresh.database, MIGRATIONS);
    assert.deepEqual(second.applied, []);
    assert.equal(second.alreadyApplied, first.applied.length);
  });

  test('a failing migration leaves the schema unchanged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cf-mig-'));
    mkdirSync(path.join(dir, 'm'));
    writeFileSync(path.join(dir, 'm', '0001_half.sql'), 'create table half_done (id int);\ncreate table half_done (id int);');
    await assert.rejects(() => migrate(fresh.database, [{ module: 'broken', dir: path.join(dir, 'm') }]), MigrationError);
    assert.equal(await tableExists(fresh.database, 'half_done'), false);
    const recorded = await sql<{ n: number }>`select count(*)::int as n from schema_migrations where module = 'broken'`.execute(fresh.database.db);
    assert.equal(recorded.rows[0]!.n, 0);
  });

  test('an applied migration that was edited afterwards is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cf-mig-'));
    const file = path.join(dir, '0001_t.sql');
    writeFileSync(file, 'create table edited_later (id int);');
    await migrate(fresh.database, [{ module: 'edit', dir }]);
    writeFileSync(file, 'create table edited_later (id bigint);');
    await assert.rejects(() => migrate(fresh.database, [{ module: 'edit', dir }]), /forward-only/);
  });
});
