import type { Generated, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export type ContentTables = {
  content_pages: { slug: string; lang: string; title: string; markdown: string; updated_at: Date; updated_by: string };
  content_feedback: {
    id: Generated<number>;
    message: string;
    email: string | null;
    name: string | null;
    page_url: string | null;
    created_at: Generated<Date>;
  };
};

export type PageRow = Selectable<ContentTables['content_pages']>;

export function createContentRepository(database: Db) {
  const t = (db: Db) => db.withTables<ContentTables>();
  const db = t(database);
  return {
    page: (slug: string, lang: string) =>
      db.selectFrom('content_pages').selectAll().where('slug', '=', slug).where('lang', '=', lang).executeTakeFirst(),
    upsertPage: (trx: Db, row: PageRow) =>
      t(trx)
        .insertInto('content_pages')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['slug', 'lang']).doUpdateSet({
            title: row.title,
            markdown: row.markdown,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
          }),
        )
        .execute(),
    insertFeedback: (trx: Db, row: { message: string; email: string | null; name: string | null; page_url: string | null }) =>
      t(trx).insertInto('content_feedback').values(row).returning(['id', 'created_at']).executeTakeFirstOrThrow(),
    listFeedback: (limit: number) => db.selectFrom('content_feedback').selectAll().orderBy('id', 'desc').limit(limit).execute(),
  };
}

export type ContentRepository = ReturnType<typeof createContentRepository>;
