/**
 * Back office of the service catalog (admins and editors of module "catalog"): change the status of
 * one or many services with effective date and note, import the city list from CSV/XLSX with a
 * validation report (row, column, problem; a file with any bad row changes nothing), export it.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../../api/client';
import { useSession } from '../../../auth/SessionContext';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { StatusBadge, todayIso } from '../../catalog/shared';
import { STATUSES, type ServiceList } from '../../catalog/types';

interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  items: { row: number; ref: string; action: string; fields: string[] }[];
}

/** "row 3, column leika_key" → [3, "leika_key"] for the report table. */
function rowAndColumn(field: string): [string, string] {
  const m = /^row (\d+), column (.+)$/.exec(field);
  return m ? [m[1]!, m[2]!] : ['', field];
}

function StatusChange() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [form, setForm] = useState({ status: 'online', effectiveDate: todayIso(), note: '', reasonNotOnline: '' });
  const [done, setDone] = useState('');
  const submit = useSubmit();
  const list = useApi<ServiceList>(search ? `/api/catalog/services${query({ q: search, limit: 50 })}` : null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    const body = {
      status: form.status,
      effectiveDate: form.effectiveDate,
      note: form.note,
      ...(form.status === 'nicht_online' ? { reasonNotOnline: form.reasonNotOnline } : {}),
    };
    const ok = await submit.run(async () => {
      if (selected.length === 1) await api(`/api/catalog/services/${selected[0]}/status`, { method: 'POST', body });
      else await api('/api/catalog/services/bulk-status', { method: 'POST', body: { ...body, ids: selected } });
    });
    if (ok) {
      setDone(t('catalog.staff.statusSaved', { count: selected.length }));
      setSelected([]);
      list.reload();
    }
  }

  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t('catalog.staff.statusTitle')}</h2>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <div className="field">
          <label htmlFor="staff-catalog-q">{t('catalog.search.label')}</label>
          <input id="staff-catalog-q" type="text" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <p className="actions">
          <button className="button button--secondary" type="submit">
            {t('catalog.search.submit')}
          </button>
        </p>
      </form>
      <ErrorNotice error={list.error} />
      {list.data ? (
        <fieldset className="checkbox-group">
          <legend>{t('catalog.staff.choose')}</legend>
          {list.data.items.map((s) => (
            <label key={s.id} className="checkbox">
              <input
                type="checkbox"
                checked={selected.includes(s.id)}
                onChange={(e) => setSelected(e.target.checked ? [...selected, s.id] : selected.filter((x) => x !== s.id))}
              />
              {s.name} ({s.ref}) <StatusBadge status={s.status} />
            </label>
          ))}
        </fieldset>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)}>
        <ErrorNotice error={submit.error} />
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="staff-status">{t('catalog.search.status')}</label>
            <select id="staff-status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`catalog.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="staff-effective">{t('catalog.staff.effectiveDate')}</label>
            {submit.fieldErrors['effectiveDate'] ? <p className="field__error">{submit.fieldErrors['effectiveDate']}</p> : null}
            <input
              id="staff-effective"
              type="date"
              required
              max={todayIso()}
              value={form.effectiveDate}
              onChange={(e) => setForm({ ...form, effectiveDate: e.target.value })}
            />
          </div>
        </div>
        {form.status === 'nicht_online' ? (
          <div className="field">
            <label htmlFor="staff-reason">{t('catalog.service.reason')}</label>
            <textarea
              id="staff-reason"
              required
              value={form.reasonNotOnline}
              onChange={(e) => setForm({ ...form, reasonNotOnline: e.target.value })}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="staff-note">{t('catalog.service.note')}</label>
          <input id="staff-note" type="text" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
        </div>
        <p className="actions">
          <button className="button" type="submit" disabled={!selected.length || submit.pending}>
            {t('catalog.staff.apply', { count: selected.length })}
          </button>
        </p>
        <StatusNotice>{done}</StatusNotice>
      </form>
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const submit = useSubmit();
  const problems =
    submit.error instanceof ApiError && submit.error.problem.code === 'CATALOG_IMPORT_INVALID'
      ? (submit.error.problem.errors ?? [])
      : [];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setReport(null);
    await submit.run(async () => {
      setReport(
        await api<ImportReport>(`/api/catalog/import${query({ dryRun: String(dryRun), filename: file.name })}`, {
          method: 'POST',
          file,
        }),
      );
    });
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('catalog.staff.importTitle')}</h2>
      <p>{t('catalog.staff.importHint')}</p>
      <form onSubmit={(e) => void onSubmit(e)}>
        <div className="field">
          <label htmlFor="staff-import-file">{t('catalog.staff.file')}</label>
          <input
            id="staff-import-file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
          {t('catalog.staff.dryRun')}
        </label>
        <p className="actions">
          <button className="button" type="submit" disabled={submit.pending}>
            {t('catalog.staff.import')}
          </button>
        </p>
      </form>
      {problems.length ? (
        <div className="notice notice--error" role="alert">
          <p>{submit.error instanceof ApiError ? submit.error.problem.detail : ''}</p>
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
                {problems.map((p) => {
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
      ) : (
        <ErrorNotice error={submit.error} />
      )}
      <StatusNotice>
        {report
          ? `${report.dryRun ? t('catalog.staff.dryRunDone') : ''}${t('catalog.staff.importDone', { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged })}`
          : ''}
      </StatusNotice>
    </section>
  );
}

export default function CatalogAdminPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  useDocumentTitle(t('catalog.staff.title'));
  const allowed = session?.user.role === 'admin' || session?.user.modules.includes('catalog');
  return (
    <div className="page">
      <h1>{t('catalog.staff.title')}</h1>
      {!allowed ? (
        <p className="notice notice--info">{t('catalog.staff.readOnly')}</p>
      ) : (
        <>
          <StatusChange />
          <ImportForm />
        </>
      )}
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('catalog.staff.exportTitle')}</h2>
        <p className="downloads">
          <a href="/api/catalog/services/export?format=csv">CSV</a>
          <a href="/api/catalog/services/export?format=xlsx">XLSX</a>
        </p>
        <p>
          <Link to="/verwaltungsleistungen/ausschusstabelle">{t('catalog.nav.report')}</Link>
        </p>
      </section>
    </div>
  );
}
