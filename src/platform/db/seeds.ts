/** Runs a module's demo-data loader once per database, recorded in platform_seeds. */
import { sql } from 'kysely';
import type { Db } from './database.js';

export interface DemoSeed {
  module: string;
  /** Loads the module's demo data inside the given transaction. */
  run(trx: Db): Promise<void>;
}

export async function runSeeds(db: Db, seeds: DemoSeed[]): Promise<string[]> {
  const loaded: string[] = [];
  for (const seed of seeds) {
    const done = await db.transaction().execute(async (trx) => {
      const inserted = await sql`insert into platform_seeds (module) values (${seed.module}) on conflict do nothing`.execute(trx);
      if (Number(inserted.numAffectedRows ?? 0) === 0) return false;
      await seed.run(trx);
      return true;
    });
    if (done) loaded.push(seed.module);
  }
  return loaded;
}
