/** Generates, stores and serves committee reports; the stored snapshot is what the next report compares against. */
import { actorLabel, requireModuleWrite, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder, Clock } from '../../platform/contracts.js';
import { withTransaction, type Db } from '../../platform/db/database.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { buildCommitteeReport, snapshotOf, type OzgReportSource, type Snapshot } from './projects.committee.js';
import { reportDocx } from './projects.docx.js';
import { reportMarkdown } from './projects.markdown.js';
import type { Lang } from './projects.model.js';
import { reportPdf } from './projects.pdf.js';
import type { ProjectsRepository } from './projects.repository.js';
import type { ProjectsService } from './projects.service.js';

export const REPORT_FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  pdf: { type: 'application/pdf', ext: 'pdf' },
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

function checkDate(value: string, field: string) {
  const d = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw badRequest('PROJECTS_DATE_INVALID', `${field} must be a calendar date (YYYY-MM-DD).`, field);
  }
}

export function createProjectsReports(deps: {
  db: Db;
  repo: ProjectsRepository;
  audit: AuditRecorder;
  clock: Clock;
  projects: ProjectsService;
  ozg: OzgReportSource;
}) {
  const { db, repo, audit, clock, projects, ozg } = deps;

  return {
    async generate(actor: Actor, input: { committeeDate: string; ozgDate?: string | undefined; lang?: Lang | undefined }) {
      requireModuleWrite(actor, 'projects');
      checkDate(input.committeeDate, 'body.committeeDate');
      const ozgDate = input.ozgDate ?? input.committeeDate;
      checkDate(ozgDate, 'body.ozgDate');
      const lang = input.lang ?? 'de';
      const previous = await repo.previousReport(input.committeeDate, lang);
      // The catalog module reads through its own connection: ask it before our transaction opens.
      const table = await ozg.report(ozgDate, previous?.ozg_date, lang);
      const [fields, all] = await Promise.all([projects.listFields(), projects.list({})]);
      const report = buildCommitteeReport({
        lang,
        committeeDate: input.committeeDate,
        ozgDate,
        previous: previous
          ? { committeeDate: previous.committee_date, ozgDate: previous.ozg_date, snapshot: previous.snapshot as Snapshot }
          : null,
        ozg: table,
        fields,
        projects: all,
      });
      const [markdown, docx, pdf] = [reportMarkdown(report), await reportDocx(report), await reportPdf(report)];
      const id = await withTransaction(db, async (trx) => {
        const { id } = await repo.upsertReport(trx, {
          committee_date: input.committeeDate,
          ozg_date: ozgDate,
          lang,
          previous_id: previous?.id ?? null,
          snapshot: snapshotOf(all),
          markdown,
          docx,
          pdf,
          created_at: clock.now(),
          created_by: actorLabel(actor),
        });
        await audit.record(trx, {
          actor,
          module: 'projects',
          entity: 'committee_report',
          entityId: id,
          action: 'generate',
          after: { committeeDate: input.committeeDate, ozgDate, lang, previousId: previous?.id ?? null, changes: report.changes },
        });
        return id;
      });
      return {
        id,
        committeeDate: input.committeeDate,
        ozgDate,
        lang,
        previousCommitteeDate: previous?.committee_date ?? null,
        ozgTotal: table.total,
        projects: all.length,
        changes: report.changes,
        demo: report.demo,
      };
    },

    list: async () =>
      (await repo.listReports()).map((r) => ({
        id: r.id,
        committeeDate: r.committee_date,
        ozgDate: r.ozg_date,
        lang: r.lang,
        previousId: r.previous_id,
        createdAt: r.created_at.toISOString(),
      })),

    async file(id: number, format: ReportFormat) {
      const row = await repo.reportFile(id);
      if (!row) throw notFound('PROJECTS_REPORT_UNKNOWN', `There is no committee report ${id}.`);
      const body = format === 'md' ? Buffer.from(row.markdown, 'utf8') : format === 'docx' ? row.docx : row.pdf;
      const name = `smart-city-sachstand-${row.committee_date}-${row.lang}.${REPORT_FORMATS[format].ext}`;
      return { body: Buffer.from(body), type: REPORT_FORMATS[format].type, name };
    },
  };
}

export type ProjectsReports = ReturnType<typeof createProjectsReports>;
