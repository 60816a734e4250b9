/**
 * Import and export of the city's list as CSV or XLSX. An import is checked completely first; one bad
 * row rejects the whole file with a report naming row, column and problem, and nothing changes.
 * Rows are matched by `ref`; a row that matches and changes nothing writes nothing, so importing the
 * same file twice is harmless.
 */
import { actorLabel, requireModuleWrite, type Actor } from '../../platform/auth/actor.js';
import type { AuditRecorder } from '../../platform/contracts.js';
import { AppError } from '../../platform/http/errors.js';
import type { CatalogRepository, ServiceRow } from './catalog.repository.js';
import { blankFields, definedOnly, type CatalogService, type ServiceFields } from './catalog.service.js';
import { readTable, toCsv, toXlsx, type TableFormat } from './catalog.tabular.js';
import { isIsoDate, STATUSES, type PaymentMethod, type Status } from './catalog.text.js';

/** Columns an import reads, in export order, with the API field each one fills. */
const WRITABLE = {
  ref: 'ref',
  name: 'name',
  status: 'status',
  status_since: 'statusSince',
  ozg_id: 'ozgId',
  leika_key: 'leikaKey',
  local: 'local',
  themenfeld_id: 'themenfeldId',
  lebenslage_id: 'lebenslageId',
  reason_not_online: 'reasonNotOnline',
  maturity_level: 'maturityLevel',
  maturity_model: 'maturityModel',
  efa: 'efa',
  efa_provider_state: 'efaProviderState',
  online_url: 'onlineUrl',
  epaybl: 'epaybl',
  payment_methods: 'paymentMethods',
  office: 'office',
  planned_go_live: 'plannedGoLive',
  rollout_project: 'rolloutProject',
  notes: 'notes',
  description: 'description',
} as const;
/** Columns the export adds for readers; an import ignores them. */
const READ_ONLY = ['id', 'themenfeld', 'lebenslage', 'ozg_name', 'leika_name', 'demo'] as const;
export const EXPORT_COLUMNS = [...Object.keys(WRITABLE), ...READ_ONLY];
const REQUIRED = ['ref', 'name', 'status'];
const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(WRITABLE).map(([c, f]) => [f, c]));

export function exportRow(r: ServiceRow): unknown[] {
  return [
    r.ref,
    r.name,
    r.status ?? '',
    r.status_since,
    r.ozg_id ?? '',
    r.leika_key ?? '',
    r.local,
    r.themenfeld_id ?? '',
    r.lebenslage_id ?? '',
    r.reason_not_online,
    r.maturity_level ?? '',
    r.maturity_model,
    r.efa,
    r.efa_provider_state,
    r.online_url,
    r.epaybl,
    r.payment_methods.join('|'),
    r.office,
    r.planned_go_live ?? '',
    r.rollout_project,
    r.notes,
    r.description,
    Number(r.id),
    r.themenfeld_name ?? '',
    r.lebenslage_name ?? '',
    r.ozg_name ?? '',
    r.leika_name ?? '',
    r.demo,
  ];
}

export async function exportFile(rows: ServiceRow[], format: TableFormat | 'json'): Promise<Buffer | string> {
  const data = rows.map(exportRow);
  if (format === 'xlsx') return toXlsx(EXPORT_COLUMNS, data);
  return toCsv(EXPORT_COLUMNS, data);
}

interface Problem {
  row: number;
  column: string;
  problem: string;
}

const TRUE = /^(1|true|ja|yes|x|wahr)$/i;
const FALSE = /^(0|false|nein|no|falsch|)$/i;

/** A cell as written by our own CSV export may carry a leading quote that defused a formula. */
const clean = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v).trim();

function parseRow(cells: Record<string, string>, row: number, problems: Problem[]) {
  const out: Partial<ServiceFields> & { ref?: string; statusSince?: string } = {};
  const bad = (column: string, problem: string) => problems.push({ row, column, problem });
  for (const [column, raw] of Object.entries(cells)) {
    const v = clean(raw);
    switch (column) {
      case 'ref':
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v))
          bad(column, v ? `"${v}" must be 1–64 letters, digits, ".", "_" or "-"` : 'is empty');
        out.ref = v;
        break;
      case 'status': {
        const s = v.toLowerCase().replace(/\s+/g, '_');
        if (!(STATUSES as readonly string[]).includes(s)) bad(column, `"${v}" is not one of ${STATUSES.join(', ')}`);
        else out.status = s as Status;
        break;
      }
      case 'status_since':
      case 'planned_go_live':
        if (v && !isIsoDate(v)) bad(column, `"${v}" is not a date YYYY-MM-DD`);
        if (column === 'status_since') out.statusSince = v || undefined;
        else out.plannedGoLive = v || null;
        break;
      case 'local':
      case 'efa':
      case 'epaybl':
        if (TRUE.test(v)) out[WRITABLE[column]] = true;
        else if (FALSE.test(v)) out[WRITABLE[column]] = false;
        else bad(column, `"${v}" is not yes/no (ja, nein, true, false, 1, 0)`);
        break;
      case 'maturity_level':
      case 'themenfeld_id':
      case 'lebenslage_id':
        if (v && !/^\d+$/.test(v)) bad(column, `"${v}" is not a whole number`);
        out[WRITABLE[column]] = v ? Number(v) : null;
        break;
      case 'ozg_id':
      case 'leika_key':
        out[WRITABLE[column]] = v || null;
        break;
      case 'payment_methods':
        out.paymentMethods = v
          .split(/[|,;]/)
          .map((x) => x.trim())
          .filter(Boolean) as PaymentMethod[];
        break;
      default:
        if (column in WRITABLE) (out as Record<string, unknown>)[WRITABLE[column as keyof typeof WRITABLE]] = v;
    }
  }
  return out;
}

export function createCatalogImporter(deps: { repo: CatalogRepository; service: CatalogService; audit: AuditRecorder }) {
  const { repo, service, audit } = deps;

  return {
    async importServices(
      actor: Actor,
      file: { data: Buffer; name: string; format: TableFormat },
      options: { dryRun?: boolean; effectiveDate?: string } = {},
    ) {
      requireModuleWrite(actor, 'catalog');
      const importDate = options.effectiveDate ?? service.today();
      if (!isIsoDate(importDate) || importDate > service.today()) {
        throw new AppError('CATALOG_INPUT_INVALID', 'effectiveDate must be a date YYYY-MM-DD, not after today', {
          status: 400,
          field: 'query.effectiveDate',
        });
      }
      const table = await readTable(file.data, file.format, 'file');
      const problems: Problem[] = [];
      const columns = table.header.map((h) => h.toLowerCase().trim());
      columns.forEach((c, i) => {
        if (!(c in WRITABLE) && !(READ_ONLY as readonly string[]).includes(c))
          problems.push({ row: 1, column: table.header[i]!, problem: 'is not a known column' });
        if (columns.indexOf(c) !== i) problems.push({ row: 1, column: table.header[i]!, problem: 'appears twice' });
      });
      for (const c of REQUIRED) if (!columns.includes(c)) problems.push({ row: 1, column: c, problem: 'column is missing' });
      if (!table.rows.length) problems.push({ row: 2, column: 'ref', problem: 'the file has no rows' });

      const parsed = table.rows.map((cells, i) => {
        const record: Record<string, string> = {};
        columns.forEach((c, j) => {
          if (c in WRITABLE) record[c] = cells[j] ?? '';
        });
        return { row: i + 2, values: parseRow(record, i + 2, problems) };
      });
      const seen = new Map<string, number>();
      for (const p of parsed) {
        if (!p.values.ref) continue;
        if (seen.has(p.values.ref))
          problems.push({
            row: p.row,
            column: 'ref',
            problem: `${p.values.ref} already appears in row ${seen.get(p.values.ref)}`,
          });
        seen.set(p.values.ref, p.row);
      }
      const existing = new Map((await repo.servicesByRefs([...seen.keys()])).map((r) => [r.ref, r]));

      type Plan = {
        row: number;
        ref: string;
        current: ServiceRow | undefined;
        fields: ServiceFields;
        effectiveDate: string;
        statusGiven: boolean;
      };
      const plans: Plan[] = [];
      for (const p of parsed) {
        const { ref, statusSince, ...values } = p.values;
        if (!ref) continue;
        const current = existing.get(ref);
        if (current && current.status === null) {
          problems.push({ row: p.row, column: 'ref', problem: `${ref} was merged into another service and cannot change` });
          continue;
        }
        const base: ServiceFields = current ? service.fieldsOf(current) : blankFields();
        const { fields, problems: found } = await service.check({ ...base, ...definedOnly(values) });
        for (const f of found) problems.push({ row: p.row, column: COLUMN_OF[f.field] ?? f.field, problem: f.message });
        // A changed status takes effect on status_since when the file changed that date too, else on the import date.
        let effectiveDate = importDate;
        if (!current) effectiveDate = statusSince ?? importDate;
        else if (statusSince && statusSince !== current.status_since) effectiveDate = statusSince;
        if (statusSince && statusSince > service.today())
          problems.push({ row: p.row, column: 'status_since', problem: `must not be after today (${service.today()})` });
        plans.push({ row: p.row, ref, current, fields, effectiveDate, statusGiven: values.status !== undefined });
      }
      if (problems.length) {
        problems.sort((a, b) => a.row - b.row);
        const rows = new Set(problems.map((p) => p.row)).size;
        throw new AppError(
          'CATALOG_IMPORT_INVALID',
          `${problems.length} problem(s) in ${rows} row(s) of ${file.name}; nothing was imported.`,
          {
            status: 422,
            errors: problems.slice(0, 500).map((p) => ({ field: `row ${p.row}, column ${p.column}`, message: p.problem })),
          },
        );
      }
      const author = actorLabel(actor);
      const run = async (dryRun: boolean) => {
        const items: { row: number; ref: string; action: 'create' | 'update' | 'unchanged'; fields: string[] }[] = [];
        for (const plan of plans) {
          const changed = plan.current
            ? Object.keys(plan.fields).filter((k) =>
                k === 'status'
                  ? plan.statusGiven && plan.fields.status !== plan.current!.status
                  : JSON.stringify(plan.fields[k as keyof ServiceFields] ?? null) !==
                    JSON.stringify(service.fieldsOf(plan.current!)[k as keyof ServiceFields] ?? null),
              )
            : ['*'];
          items.push({
            row: plan.row,
            ref: plan.ref,
            action: !plan.current ? 'create' : changed.length ? 'update' : 'unchanged',
            fields: changed,
          });
        }
        return {
          dryRun,
          rows: plans.length,
          created: items.filter((i) => i.action === 'create').length,
          updated: items.filter((i) => i.action === 'update').length,
          unchanged: items.filter((i) => i.action === 'unchanged').length,
          items,
        };
      };
      const report = await run(Boolean(options.dryRun));
      if (options.dryRun || report.created + report.updated === 0) return report;
      await service.afterWrite(async (trx) => {
        for (const plan of plans) {
          const item = report.items.find((i) => i.row === plan.row)!;
          if (item.action === 'unchanged') continue;
          const first = plan.current ? (await repo.history(Number(plan.current.id), trx))[0]?.effective_date : undefined;
          const effectiveDate = first && plan.effectiveDate < first ? first : plan.effectiveDate;
          await service.persist(trx, plan.ref, plan.current, plan.fields, {
            effectiveDate,
            note: `Import ${file.name}`,
            author,
            kind: 'import',
            statusGiven: plan.statusGiven,
          });
        }
        await audit.record(trx, {
          actor,
          module: 'catalog',
          entity: 'service',
          entityId: null,
          action: 'import',
          after: { file: file.name, created: report.created, updated: report.updated },
        });
      });
      return report;
    },
  };
}
