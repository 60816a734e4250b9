/** Editorial pages with shipped defaults, and accessibility feedback. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actorLabel, requireAdmin, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock, Mailer } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { renderMarkdown } from '../../platform/text/markdown.js';
import type { ContentRepository } from './content.repository.js';

export const PAGE_SLUGS = ['impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache'] as const;

export interface ContentSettings {
  /** Folder with <slug>.<lang>.md defaults; the first line "# Title" is the title. */
  defaultsDir: string;
  languages: readonly string[];
  /** Where accessibility feedback is sent (the city's contact for barriers), if anywhere. */
  feedbackEmail: string | undefined;
}

function parseDefault(text: string) {
  const [first, ...rest] = text.split('\n');
  return { title: (first ?? '').replace(/^#\s*/, '').trim(), markdown: rest.join('\n').trim() };
}

export function createContentService(deps: {
  db: Db;
  repo: ContentRepository;
  audit: AuditRecorder;
  clock: Clock;
  mailer: Mailer;
  settings: ContentSettings;
}) {
  const { db, repo, audit, clock, mailer, settings } = deps;

  function checkSlugAndLang(slug: string, lang: string) {
    if (!(PAGE_SLUGS as readonly string[]).includes(slug)) {
      throw notFound('CONTENT_PAGE_UNKNOWN', `There is no page "${slug}". Pages: ${PAGE_SLUGS.join(', ')}.`);
    }
    if (!settings.languages.includes(lang)) {
      throw badRequest('CONTENT_LANGUAGE_UNKNOWN', `Language must be one of ${settings.languages.join(', ')}.`, 'query.lang');
    }
  }

  async function source(slug: string, lang: string) {
    checkSlugAndLang(slug, lang);
    const row = await repo.page(slug, lang);
    if (row) return { slug, lang, title: row.title, markdown: row.markdown, updatedAt: row.updated_at.toISOString() };
    const file = path.join(settings.defaultsDir, `${slug}.${lang}.md`);
    const fallback = path.join(settings.defaultsDir, `${slug}.de.md`);
    const chosen = existsSync(file) ? file : fallback;
    return { slug, lang, ...parseDefault(readFileSync(chosen, 'utf8')), updatedAt: null };
  }

  return {
    async page(slug: string, lang: string) {
      const s = await source(slug, lang);
      return { slug, lang, title: s.title, html: renderMarkdown(s.markdown), updatedAt: s.updatedAt };
    },

    async pageSource(actor: Actor, slug: string, lang: string) {
      requireAdmin(actor);
      return source(slug, lang);
    },

    async savePage(actor: Actor, slug: string, input: { lang: string; title: string; markdown: string }) {
      requireAdmin(actor);
      checkSlugAndLang(slug, input.lang);
      const before = await repo.page(slug, input.lang);
      await withTransaction(db, async (trx) => {
        await repo.upsertPage(trx, {
          slug,
          lang: input.lang,
          title: input.title.trim(),
          markdown: input.markdown,
          updated_at: clock.now(),
          updated_by: actorLabel(actor),
        });
        await audit.record(trx, {
          actor,
          module: 'content',
          entity: 'page',
          entityId: `${slug}/${input.lang}`,
          action: before ? 'update' : 'create',
          before: before ? { title: before.title, markdown: before.markdown } : undefined,
          after: { title: input.title, markdown: input.markdown },
        });
      });
      return this.page(slug, input.lang);
    },

    async submitFeedback(input: { message: string; email?: string | undefined; name?: string | undefined; pageUrl?: string | undefined }) {
      const row = await withTransaction(db, async (trx) => {
        const created = await repo.insertFeedback(trx, {
          message: input.message.trim(),
          email: input.email?.trim() || null,
          name: input.name?.trim() || null,
          page_url: input.pageUrl?.trim() || null,
        });
        await audit.record(trx, {
          actor: { kind: 'anonymous' },
          module: 'content',
          entity: 'feedback',
          entityId: created.id,
          action: 'create',
          after: { pageUrl: input.pageUrl ?? null },
        });
        return created;
      });
      if (settings.feedbackEmail) {
        await mailer.send({
          to: settings.feedbackEmail,
          subject: `Rückmeldung zur Barrierefreiheit (#${row.id})`,
          text: `Seite: ${input.pageUrl ?? '-'}\nName: ${input.name ?? '-'}\nE-Mail: ${input.email ?? '-'}\n\n${input.message}`,
        });
      }
      return { id: row.id, createdAt: row.created_at.toISOString() };
    },

    async listFeedback(actor: Actor) {
      requireAdmin(actor);
      return (await repo.listFeedback(500)).map((r) => ({
        id: r.id,
        message: r.message,
        email: r.email,
        name: r.name,
        pageUrl: r.page_url,
        createdAt: r.created_at.toISOString(),
      }));
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
