/**
 * Adds an external dataset: German and English title and description, licence from the dcat-ap.de
 * list, EU themes, keywords, update frequency, governance fields, and the data as an uploaded file
 * and/or URLs. Every server field error is shown beside its input (the API names the path inside
 * `dataset` or `governance`; `inputKey` maps it back). The fieldsets are shared with the edit page.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import { TextInput } from '../shared/inputs';
import { ModulePage } from '../shared/ModulePage';
import { useCanWrite } from '../shared/useCanWrite';
import { DistributionsFieldset, GovernanceFieldset, MetadataFieldset } from './DatasetFields';
import { datasetBody, datasetFormData, emptyDatasetForm, submitDataset, type DatasetForm } from './datasetForm';
import { OpendataNav } from './OpendataAdminRoutes';
import { textLang } from './types';

interface Created {
  slug: string;
  title: { de: string; en: string };
}

export default function ExternalDatasetPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCanWrite('opendata');
  const [form, setForm] = useState<DatasetForm>(emptyDatasetForm);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const submit = useSubmit();
  const errors = submit.fieldErrors;
  const l = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.form.${key}`, o);
  const optional = (label: string) => t('staffModules.optional', { label });
  const fields = { form, errors, onChange: (change: Partial<DatasetForm>) => setForm((f) => ({ ...f, ...change })) };
  const fileTitle = (key: 'fileTitleDe' | 'fileTitleEn') => (
    <TextInput
      id={`odf-${key}`}
      label={optional(l(key))}
      error={errors[key]}
      value={form[key]}
      onChange={(v) => fields.onChange({ [key]: v })}
    />
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    setCreated(null);
    const ok = await submitDataset(submit, async () =>
      setCreated(
        file
          ? await api<Created>('/api/opendata/datasets/from-file', { method: 'POST', form: datasetFormData(form, file) })
          : await api<Created>('/api/opendata/datasets', { method: 'POST', body: datasetBody(form) }),
      ),
    );
    if (ok) {
      setForm(emptyDatasetForm());
      setFile(null);
      setFileKey((k) => k + 1); // a fresh file input: its chosen file cannot be cleared otherwise
    }
  }

  const lang = textLang(i18n.language);
  return (
    <ModulePage title={l('title')} nav={<OpendataNav />} writes="opendata" intro={l('intro')}>
      <StatusNotice>
        {created ? (
          <>
            {l('created', { title: created.title[lang] })} <Link to={`/opendata/${created.slug}`}>{l('open')}</Link>
          </>
        ) : null}
      </StatusNotice>
      {canWrite ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorNotice error={Object.keys(errors).length ? null : submit.error} />
          {Object.keys(errors).length ? <p className="notice notice--error">{l('errors')}</p> : null}
          <MetadataFieldset {...fields} withName />
          <GovernanceFieldset {...fields} />
          <DistributionsFieldset {...fields}>
            <Field id="odf-file" label={optional(l('file'))} hint={l('fileHint')} error={errors['file']}>
              {(c) => (
                <input
                  {...c}
                  key={fileKey}
                  type="file"
                  accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              )}
            </Field>
            <div className="staff-form-grid">
              {fileTitle('fileTitleDe')}
              {fileTitle('fileTitleEn')}
            </div>
          </DistributionsFieldset>
          <p className="actions">
            <SubmitButton pending={submit.pending}>{l('create')}</SubmitButton>
          </p>
        </form>
      ) : null}
    </ModulePage>
  );
}
