/**
 * Import of the city list from CSV or XLSX. The server checks every row before it writes anything:
 * one bad row rejects the whole file, and the report names row, column and problem.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../../api/client';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import './i18n';

interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** "row 3, column leika_key" → [3, "leika_key"] for the report table. */
function rowAndColumn(field: string): [string, string] {
  const m = /^row (\d+), column (.+)$/.exec(field);
  return m ? [m[1]!, m[2]!] : ['', field];
}

function ProblemTable({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{error.problem.detail}</p>
      <div className="table-scroll" role="region" aria-labelledby="import-problems" tabIndex={0}>
        <table>
          <caption id="import-problems">{t('catalog.staff.problems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.staff.row')}</th>
              <th scope="col">{t('catalog.staff.column')}</th>
              <th scope="col">{t('catalog.staff.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {(error.problem.errors ?? []).map((p) => {
              const [row, column] = rowAndColumn(p.field);
              return (
                <tr key={`${p.field}-${p.message}`}>
                  <td>{row}</td>
                  <td>{column}</td>
                  <td>{p.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const submit = useSubmit();
  const rejected =
    submit.error instanceof ApiError && submit.error.problem.code === 'CATALOG_IMPORT_INVALID' ? submit.error : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file || submit.pending) return;
    setReport(null);
    const ok = await submit.run(async () => {
      setReport(
        await api<ImportReport>(`/api/catalog/import${query({ dryRun: String(dryRun), filename: file.name })}`, {
          method: 'POST',
          file,
        }),
      );
    });
    if (ok && !dryRun) onImported();
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('catalog.staff.importTitle')}</h2>
      <p id="import-hint">{t('catalog.staff.importHint')}</p>
      <form onSubmit={(e) => void onSubmit(e)}>
        <div className="field">
          <label htmlFor="staff-import-file">{t('catalog.staff.file')}</label>
          <input
            id="staff-import-file"
            type="file"
            required
            aria-describedby="import-hint"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t('catalog.staff.dryRun')}
        </label>
        <p className="actions">
          <SubmitButton pending={submit.pending}>{t('catalog.staff.import')}</SubmitButton>
        </p>
      </form>
      {rejected ? <ProblemTable error={rejected} /> : <ErrorNotice error={submit.error} />}
      <StatusNotice>
        {report
          ? `${report.dryRun ? t('catalog.staff.dryRunDone') : ''}${t('catalog.staff.importDone', { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged })}`
          : ''}
      </StatusNotice>
    </section>
  );
}
