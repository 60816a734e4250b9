/** All SQL of the open-data module. */
import { sql, type Generated, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export type OpendataTables = {
  opendata_datasets: {
    id: Generated<number>;
    slug: string;
    source: 'managed' | 'external';
    provider_id: string | null;
    title_de: string;
    title_en: string;
    description_de: string;
    description_en: string;
    keywords: string[];
    themes: string[];
    bbox: number[] | null;
    temporal_start: string | null;
    temporal_end: string | null;
    accrual_periodicity: string;
    landing_page: string | null;
    licence: string;
    attribution_text: string;
    issued: Date;
    modified: Date;
    content_hash: string;
    owning_office: string | null;
    data_steward: string | null;
    quality_notes: string | null;
    source_system: string | null;
    promised_frequency: string | null;
    visibility: 'internal' | 'public';
    withdrawn: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Date;
  };
  opendata_distributions: {
    id: Generated<number>;
    dataset_id: number;
    key: string;
    position: number;
    title_de: string;
    title_en: string;
    url: string;
    format: string;
    media_type: string;
    is_service: boolean;
    endpoint_description: string | null;
    conforms_to: string | null;
  };
  opendata_downloads: { distribution_id: number; day: string; count: number };
  opendata_files: {
    dataset_id: number;
    key: string;
    content: Buffer;
    media_type: string;
    bytes: number;
    sha256: string;
    records: number;
    created_at: Generated<Date>;
  };
};

export type FileInsert = Insertable<OpendataTables['opendata_files']>;

export type DatasetRow = Selectable<OpendataTables['opendata_datasets']>;
export type DatasetInsert = Insertable<OpendataTables['opendata_datasets']>;
export type DatasetUpdate = Updateable<OpendataTables['opendata_datasets']>;
export type DistributionRow = Selectable<OpendataTables['opendata_distributions']>;
export type DistributionInsert = Omit<Insertable<OpendataTables['opendata_distributions']>, 'dataset_id'>;
export type DatasetWithDistributions = DatasetRow & { distributions: DistributionRow[] };

export interface DatasetScope {
  /** Only public, not withdrawn datasets (what the catalog and the CKAN API publish). */
  publicOnly: boolean;
  afterId?: number;
  limit?: number;
}

export function createOpendataRepository(database: Db) {
  const t = (db: Db) => db.withTables<OpendataTables>();
  const db = t(database);

  async function withDistributions(rows: DatasetRow[], on: Db = database): Promise<DatasetWithDistributions[]> {
    if (!rows.length) return [];
    const dists = await t(on)
      .selectFrom('opendata_distributions')
      .selectAll()
      .where(
        'dataset_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('dataset_id')
      .orderBy('position')
      .execute();
    const byDataset = new Map<number, DistributionRow[]>();
    for (const d of dists) byDataset.set(d.dataset_id, [...(byDataset.get(d.dataset_id) ?? []), d]);
    return rows.map((r) => ({ ...r, distributions: byDataset.get(r.id) ?? [] }));
  }

  return {
    /** Datasets in id order (stable paging for harvesters), with their distributions. */
    async list(scope: DatasetScope): Promise<DatasetWithDistributions[]> {
      let q = db.selectFrom('opendata_datasets').selectAll().orderBy('id');
      if (scope.publicOnly) q = q.where('visibility', '=', 'public').where('withdrawn', '=', false);
      if (scope.afterId !== undefined) q = q.where('id', '>', scope.afterId);
      if (scope.limit !== undefined) q = q.limit(scope.limit);
      return withDistributions(await q.execute());
    },

    /** One page of public datasets by offset, in id order. */
    async page(offset: number, limit: number): Promise<DatasetWithDistributions[]> {
      const rows = await db
        .selectFrom('opendata_datasets')
        .selectAll()
        .where('visibility', '=', 'public')
        .where('withdrawn', '=', false)
        .orderBy('id')
        .offset(offset)
        .limit(limit)
        .execute();
      return withDistributions(rows);
    },

    async countPublic(): Promise<number> {
      const r = await db
        .selectFrom('opendata_datasets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('visibility', '=', 'public')
        .where('withdrawn', '=', false)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Changes with every write: ETags of the catalog and exports. */
    async version(): Promise<string> {
      const r = await sql<{ n: number; latest: Date | null }>`
        select count(*)::int as n, max(updated_at) as latest from opendata_datasets`.execute(database);
      const row = r.rows[0];
      return `${row?.n ?? 0}-${row?.latest ? new Date(row.latest).getTime() : 0}`;
    },

    async bySlug(slug: string, on: Db = database): Promise<DatasetWithDistributions | undefined> {
      const row = await t(on).selectFrom('opendata_datasets').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row ? (await withDistributions([row], on))[0] : undefined;
    },

    managedOf: (providerId: string, on: Db = database) =>
      t(on).selectFrom('opendata_datasets').selectAll().where('provider_id', '=', providerId).execute(),

    insert: (trx: Db, row: DatasetInsert) =>
      t(trx).insertInto('opendata_datasets').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (trx: Db, id: number, changes: DatasetUpdate) =>
      t(trx).updateTable('opendata_datasets').set(changes).where('id', '=', id).execute(),

    remove: (trx: Db, id: number) => t(trx).deleteFrom('opendata_datasets').where('id', '=', id).execute(),

    /** Replaces the distributions but keeps the ids (and download counts) of those whose key stays. */
    async replaceDistributions(trx: Db, datasetId: number, rows: DistributionInsert[]) {
      const q = t(trx);
      const keys = rows.map((r) => r.key);
      let del = q.deleteFrom('opendata_distributions').where('dataset_id', '=', datasetId);
      if (keys.length) del = del.where('key', 'not in', keys);
      await del.execute();
      for (const r of rows) {
        await q
          .insertInto('opendata_distributions')
          .values({ ...r, dataset_id: datasetId })
          .onConflict((oc) =>
            oc.columns(['dataset_id', 'key']).doUpdateSet({
              position: r.position,
              title_de: r.title_de,
              title_en: r.title_en,
              url: r.url,
              format: r.format,
              media_type: r.media_type,
              is_service: r.is_service,
              endpoint_description: r.endpoint_description ?? null,
              conforms_to: r.conforms_to ?? null,
            }),
          )
          .execute();
      }
    },

    /** Many datasets at once (one statement per 500), for imports and load tests. */
    async insertMany(trx: Db, rows: { dataset: DatasetInsert; distributions: DistributionInsert[] }[]) {
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        const ids = await t(trx)
          .insertInto('opendata_datasets')
          .values(part.map((p) => p.dataset))
          .returning('id')
          .execute();
        const dists = part.flatMap((p, j) => p.distributions.map((d) => ({ ...d, dataset_id: ids[j]!.id })));
        if (dists.length) await t(trx).insertInto('opendata_distributions').values(dists).execute();
      }
    },

    insertFile: (trx: Db, row: FileInsert) => t(trx).insertInto('opendata_files').values(row).execute(),

    /** An uploaded file by its dataset and distribution key, with the dataset's visibility. */
    file: (slug: string, key: string) =>
      db
        .selectFrom('opendata_files as f')
        .innerJoin('opendata_datasets as d', 'd.id', 'f.dataset_id')
        .select(['f.content', 'f.media_type', 'f.sha256', 'd.slug'])
        .where('d.slug', '=', slug)
        .where('f.key', '=', key)
        .executeTakeFirst(),

    distribution: (id: number) =>
      db
        .selectFrom('opendata_distributions as r')
        .innerJoin('opendata_datasets as d', 'd.id', 'r.dataset_id')
        .selectAll('r')
        .select(['d.slug as dataset_slug', 'd.visibility', 'd.withdrawn'])
        .where('r.id', '=', id)
        .executeTakeFirst(),

    /** Counts one download for today; nothing about the requester is stored. */
    countDownload: (trx: Db, distributionId: number, day: string) =>
      t(trx)
        .insertInto('opendata_downloads')
        .values({ distribution_id: distributionId, day, count: 1 })
        .onConflict((oc) => oc.columns(['distribution_id', 'day']).doUpdateSet({ count: sql`opendata_downloads.count + 1` }))
        .execute(),

    /** Downloads per distribution of one dataset, summed over the days. */
    async downloadsByDistribution(datasetId: number): Promise<Map<number, number>> {
      const rows = await db
        .selectFrom('opendata_downloads as c')
        .innerJoin('opendata_distributions as r', 'r.id', 'c.distribution_id')
        .select(['r.id', (eb) => eb.fn.sum<number>('c.count').as('n')])
        .where('r.dataset_id', '=', datasetId)
        .groupBy('r.id')
        .execute();
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },

    /** Downloads per dataset over all its distributions and days, in one query (the staff list). */
    async downloadsByDataset(): Promise<Map<number, number>> {
      const rows = await db
        .selectFrom('opendata_downloads as c')
        .innerJoin('opendata_distributions as r', 'r.id', 'c.distribution_id')
        .select(['r.dataset_id', (eb) => eb.fn.sum<number>('c.count').as('n')])
        .groupBy('r.dataset_id')
        .execute();
      return new Map(rows.map((r) => [r.dataset_id, Number(r.n)]));
    },
  };
}

export type OpendataRepository = ReturnType<typeof createOpendataRepository>;
