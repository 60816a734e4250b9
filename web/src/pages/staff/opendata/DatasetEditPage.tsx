/**
 * One dataset for staff (/staff/opendata/datensaetze/:slug). Writers edit the governance fields of
 * every dataset and, for external ones, the metadata and URL distributions too (the fieldsets of the
 * create page; uploaded files are kept and listed) and may delete an external dataset. The metadata
 * of platform datasets is shown read-only since their module maintains it; staff without write access
 * see everything read-only. Saving PATCHes the form; field errors sit beside their inputs.
 */
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useEditForm } from '../../../lib/useEditForm';
import { ModulePage } from '../shared/ModulePage';
import { useCanWrite } from '../shared/useCanWrite';
import { GovernanceFacts, MetadataFacts } from './DatasetFacts';
import { DistributionsFieldset, GovernanceFieldset, MetadataFieldset } from './DatasetFields';
import { datasetBody, emptyDatasetForm, formFromDataset, submitDataset, type DatasetForm } from './datasetForm';
import { DeleteDataset } from './DeleteDataset';
import { OpendataNav } from './OpendataAdminRoutes';
import { isUploadedFile, textLang, type StaffDataset } from './types';

export default function DatasetEditPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const e = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.edit.${key}`, o);
  const canWrite = useCanWrite('opendata');
  const saved = t('staffModules.saved');
  const { record, form, setForm, done, setDone, submit } = useEditForm<StaffDataset, DatasetForm>(
    `/api/opendata/staff/datasets/${encodeURIComponent(slug)}`,
    emptyDatasetForm,
    formFromDataset,
    saved,
  );
  const d = record.data;
  const lang = textLang(i18n.language);
  const external = d?.source === 'external';
  const errors = submit.fieldErrors;
  const fields = { form, errors, onChange: (change: Partial<DatasetForm>) => setForm({ ...form, ...change }) };

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    setDone('');
    if (submit.pending || !d) return;
    const { dataset, governance } = datasetBody(form);
    // Platform datasets take governance only; the server refuses metadata for them.
    const body = external ? { dataset, governance } : { governance };
    const path = `/api/opendata/datasets/${encodeURIComponent(d.slug)}`;
    if (await submitDataset(submit, () => api<StaffDataset>(path, { method: 'PATCH', body }))) {
      setDone(saved);
      record.reload();
    }
  }

  const files = d?.distributions.filter(isUploadedFile) ?? [];
  return (
    <ModulePage title={d ? e('title', { title: d.title[lang] }) : e('loading')} nav={<OpendataNav />} writes="opendata">
      {record.loading && !d ? <Loading /> : null}
      <ErrorNotice error={record.error} />
      {d ? (
        <>
          <p>
            <Link to={`/opendata/${d.slug}`}>{e('publicPage')}</Link>
          </p>
          {external ? null : <p className="notice notice--info">{e('managedNote')}</p>}
          {external && canWrite ? null : <MetadataFacts dataset={d} />}
          {canWrite ? (
            <form onSubmit={(ev) => void onSubmit(ev)} noValidate>
              <ErrorNotice error={Object.keys(errors).length ? null : submit.error} />
              {Object.keys(errors).length ? <p className="notice notice--error">{t('opendataStaff.form.errors')}</p> : null}
              {external ? <MetadataFieldset {...fields} withName={false} /> : null}
              <GovernanceFieldset {...fields} />
              {external ? (
                <DistributionsFieldset {...fields}>
                  {files.length ? (
                    <>
                      <p>{e('files')}</p>
                      <ul>
                        {files.map((f) => (
                          <li key={f.key}>
                            {f.title[lang]} ({f.format})
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </DistributionsFieldset>
              ) : null}
              <p className="actions">
                <SubmitButton pending={submit.pending}>{t('staffModules.save')}</SubmitButton>
              </p>
              <StatusNotice>{done || null}</StatusNotice>
            </form>
          ) : (
            <GovernanceFacts dataset={d} />
          )}
          {canWrite && external ? <DeleteDataset slug={d.slug} title={d.title[lang]} /> : null}
        </>
      ) : null}
    </ModulePage>
  );
}
