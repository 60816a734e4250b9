/** Opening the platform's resources in the right order, shared by the server and the CLI. */
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, type MigrationSource } from './db/migrator.js';
import { lockDataDir } from './lock.js';

export interface OpenedDatabase {
  database: Database;
  applied: string[];
  release(): Promise<void>;
}

export async function openMigratedDatabase(config: Config, migrations: MigrationSource[]): Promise<OpenedDatabase> {
  const unlock = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  let database: Database;
  try {
    database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  } catch (err) {
    unlock();
    throw err;
  }
  try {
    const report = await migrate(database, migrations);
    return {
      database,
      applied: report.applied,
      async release() {
        await database.close();
        unlock();
      },
    };
  } catch (err) {
    await database.close();
    unlock();
    throw err;
  }
}
