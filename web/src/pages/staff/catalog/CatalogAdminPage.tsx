/**
 * Overview of the catalog back office: find services (with links to edit each), change the status
 * of the chosen ones at once with effective date and note (all or nothing), import and export the
 * city list. Creating a service and recording merges have their own pages (CatalogStaffNav).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { todayIso } from '../../catalog/shared';
import type { Status } from '../../catalog/types';
import { CatalogStaffNav } from './CatalogStaffNav';
import { EffectiveDateField, StatusSelect } from './fields';
import { ImportForm } from './ImportForm';
import { ServicePicker, type Picked } from './ServicePicker';
import { fieldErrorsOf } from './serviceForm';
import './i18n';

function BulkStatus() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Picked[]>([]);
  const [form, setForm] = useState({ status: 'online' as Status, effectiveDate: todayIso(), note: '', reasonNotOnline: '' });
  const [done, setDone] = useState('');
  const submit = useSubmit();
  const errors = fieldErrorsOf(submit.error);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (!selected.length || submit.pending) return;
    const body = {
      ids: selected.map((s) => s.id),
      status: form.status,
      effectiveDate: form.effectiveDate,
      note: form.note,
      ...(form.status === 'nicht_online' ? { reasonNotOnline: form.reasonNotOnline } : {}),
    };
    await submit.run(async () => {
      const result = await api<{ changed: number; unchanged: number }>('/api/catalog/services/bulk-status', {
        method: 'POST',
        body,
      });
      setDone(t('catalog.staff.statusSaved', result));
      setSelected(selected.map((s) => ({ ...s, status: form.status })));
    });
  }

  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t('catalog.staff.findTitle')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ServicePicker
          idPrefix="bulk"
          legend={t('catalog.staff.statusTitle')}
          selected={selected}
          onChange={setSelected}
          error={errors['ids']}
          editLinks
        />
        <ErrorNotice error={submit.error} />
        <div className="filters__grid">
          <StatusSelect
            id="bulk-status"
            label={t('catalog.search.status')}
            value={form.status}
            onChange={(status) => setForm({ ...form, status })}
            error={errors['status']}
          />
          <EffectiveDateField
            id="bulk-effective"
            value={form.effectiveDate}
            onChange={(effectiveDate) => setForm({ ...form, effectiveDate })}
            error={errors['effectiveDate']}
          />
        </div>
        {form.status === 'nicht_online' ? (
          <Field id="bulk-reason" label={t('catalog.service.reason')} error={errors['reasonNotOnline']}>
            {(control) => (
              <textarea
                {...control}
                required
                value={form.reasonNotOnline}
                onChange={(e) => setForm({ ...form, reasonNotOnline: e.target.value })}
              />
            )}
          </Field>
        ) : null}
        <Field id="bulk-note" label={t('catalog.staff.form.note')} error={errors['note']}>
          {(control) => (
            <input {...control} type="text" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          )}
        </Field>
        <p className="actions">
          <button className="button" type="submit" aria-disabled={!selected.length || submit.pending || undefined}>
            {t('catalog.staff.apply', { count: selected.length })}
          </button>
        </p>
        <StatusNotice>{done}</StatusNotice>
      </form>
    </section>
  );
}

function ExportLinks() {
  const { t } = useTranslation();
  return (
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
  );
}

export default function CatalogAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.staff.title'));
  // A new key after an import remounts the status form, so its search shows the imported values.
  const [generation, setGeneration] = useState(0);
  return (
    <div className="page">
      <h1>{t('catalog.staff.title')}</h1>
      <CatalogStaffNav />
      <BulkStatus key={generation} />
      <ImportForm onImported={() => setGeneration((g) => g + 1)} />
      <ExportLinks />
    </div>
  );
}
