/** `npm run cli -- catalog <sub-command>`: the catalog's command-line tasks. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { exportFile } from './catalog.import.js';
import type { CatalogModule } from './index.js';
import { buildReport, reportCsv, reportDocx, reportMarkdown, type Lang } from './catalog.report.js';
import { detectFormat, toCsv, toXlsx } from './catalog.tabular.js';
import { isIsoDate } from './catalog.text.js';

export type CliOut = (line?: string) => void;

const USAGE = `usage:
  catalog import <file.csv|xlsx> [--dry-run]          update the OZG/LeiKa reference catalogue from a newer export
  catalog export-reference <file.csv|xlsx>            write the reference catalogue in the import format
  catalog import-services <file.csv|xlsx> [--dry-run] [--effective-date YYYY-MM-DD]
                                                      import the city list (all rows or none)
  catalog export-services <file.csv|xlsx>             write the city list
  catalog report --date YYYY-MM-DD [--compare YYYY-MM-DD] [--lang de|en] [--out file.md|csv|docx]`;

const ACTOR = systemActor('cli');

async function readInput(file: string | undefined) {
  if (!file) throw new AppError('CLI_USAGE', USAGE);
  try {
    return { data: await readFile(file), name: path.basename(file), format: detectFormat(file) };
  } catch {
    throw new AppError('CLI_FILE_UNREADABLE', `Cannot read ${file}.`, { field: '<file>' });
  }
}

/** Turns a rejected import into the lines a person needs: row, column, problem. */
function printProblems(err: unknown, out: CliOut): never {
  if (err instanceof AppError && err.errors.length) {
    out(err.message);
    for (const e of err.errors) out(`  ${e.field}: ${e.message}`);
  }
  throw err;
}

export async function runCatalogCommand(args: string[], deps: { module: CatalogModule; out: CliOut }) {
  const { module, out } = deps;
  const { service, importer } = module;
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      'effective-date': { type: 'string' },
      date: { type: 'string' },
      compare: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [sub, file] = positionals;
  if (sub !== undefined && sub !== 'help') await service.ensureReference();

  switch (sub) {
    case 'import': {
      const input = await readInput(file);
      const r = await service
        .importReference(ACTOR, input, { dryRun: values['dry-run'] })
        .catch((e: unknown) => printProblems(e, out));
      out(`${r.dryRun ? 'Dry run – nothing changed. ' : ''}Reference catalogue from ${r.source}:`);
      out(
        `  OZG-Leistungen: ${r.ozg.before} → ${r.ozg.after}; new ${r.ozg.added.length}, removed ${r.ozg.removed.length}, renamed ${r.ozg.renamed.length}, merged ${r.ozg.merged.length}, split ${r.ozg.split.length}`,
      );
      out(
        `  LeiKa-Leistungen with key: ${r.leika.before} → ${r.leika.after}; new ${r.leika.added}, removed ${r.leika.removed}, renamed ${r.leika.renamed}, moved ${r.leika.moved}`,
      );
      for (const m of r.ozg.merged)
        out(`  merged: ${m.from.map((f) => `${f.ozgId} ${f.name}`).join(' + ')} → ${m.into} ${m.name}`);
      for (const s of r.ozg.split) out(`  split: ${s.from} ${s.name} → ${s.into.join(', ')}`);
      for (const x of r.ozg.renamed) out(`  renamed: ${x.ozgId} "${x.from}" → "${x.to}"`);
      for (const x of r.ozg.added) out(`  new: ${x.ozgId} ${x.name}`);
      for (const x of r.ozg.removed) out(`  removed: ${x.ozgId} ${x.name}`);
      if (r.cityServices.length) {
        out(`  ${r.cityServices.length} city service(s) refer to OZG-IDs that left the catalogue; their statuses are kept:`);
        for (const s of r.cityServices)
          out(
            `    ${s.ref} ${s.name} (${s.ozgId}${s.successorOzgId ? ` → ${s.successorOzgId}` : ', removed'}, ${s.status ?? 'merged'})`,
          );
        out('  Record a merge in the back office (POST /api/catalog/restructures) where the city list should follow.');
      } else out('  No city service is affected; every status is kept.');
      return;
    }
    case 'export-reference': {
      if (!file) throw new AppError('CLI_USAGE', USAGE);
      const { header, rows } = await service.referenceExport();
      await writeFile(file, detectFormat(file) === 'xlsx' ? await toXlsx(header, rows) : toCsv(header, rows));
      out(`Wrote ${rows.length} rows to ${file}.`);
      return;
    }
    case 'import-services': {
      const input = await readInput(file);
      const r = await importer
        .importServices(ACTOR, input, {
          dryRun: values['dry-run'],
          ...(values['effective-date'] ? { effectiveDate: values['effective-date'] } : {}),
        })
        .catch((e: unknown) => printProblems(e, out));
      out(
        `${r.dryRun ? 'Dry run – nothing changed. ' : ''}${r.rows} rows: ${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged.`,
      );
      for (const i of r.items.filter((x) => x.action !== 'unchanged'))
        out(`  row ${i.row} ${i.ref}: ${i.action}${i.action === 'update' ? ` (${i.fields.join(', ')})` : ''}`);
      return;
    }
    case 'export-services': {
      if (!file) throw new AppError('CLI_USAGE', USAGE);
      const rows = await service.all();
      const format = detectFormat(file);
      await writeFile(file, await exportFile(rows, format));
      out(`Wrote ${rows.length} services to ${file}.`);
      return;
    }
    case 'report': {
      const date = values.date;
      for (const [flag, v] of [
        ['--date', date],
        ['--compare', values.compare],
      ] as const) {
        if (v !== undefined && !isIsoDate(v))
          throw new AppError('CLI_DATE_INVALID', `${flag} must be a date YYYY-MM-DD (got "${v}")`, { field: flag });
      }
      if (!date) throw new AppError('CLI_USAGE', USAGE, { field: '--date' });
      const lang: Lang = values.lang === 'en' ? 'en' : 'de';
      const report = await buildReport(service, date, values.compare, lang);
      const target = values.out;
      if (!target) {
        out(reportMarkdown(report));
        return;
      }
      const ext = path.extname(target).toLowerCase();
      await writeFile(
        target,
        ext === '.docx' ? await reportDocx(report) : ext === '.csv' ? reportCsv(report) : reportMarkdown(report),
      );
      out(`Wrote the table for ${date} to ${target}.`);
      return;
    }
    case undefined:
    case 'help':
      out(USAGE);
      return;
    default:
      throw new AppError('CLI_USAGE', USAGE);
  }
}
