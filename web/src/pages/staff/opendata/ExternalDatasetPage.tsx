/**
 * Adds an external dataset: German and English title and description, licence from the dcat-ap.de
 * list, EU themes, keywords, update frequency, governance fields, and the data as an uploaded file
 * and/or URLs. Every server field error is shown beside its input (the API names the path inside
 * `dataset` or `governance`; `inputKey` maps it back).
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { Field, FieldNotes } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useApi } from '../../../lib/useApi';
import { useSubmit } from '../../../lib/useSubmit';
import { FREQUENCY_CODES, THEME_CODES } from '../../opendata/i18n';
import { SelectInput, TextInput, type TextKind } from '../shared/inputs';
import { ModulePage } from '../shared/ModulePage';
import { useCanWrite } from '../shared/useCanWrite';
import {
  datasetBody,
  datasetFormData,
  emptyDatasetForm,
  emptyUrl,
  fieldErrorsByInput,
  URL_FORMATS,
  type DatasetForm,
  type UrlDistribution,
} from './datasetForm';
import { OpendataNav } from './OpendataAdminRoutes';

interface Created {
  slug: string;
  title: { de: string; en: string };
}

export default function ExternalDatasetPage() {
  const { t, i18n } = useTranslation();
  const canWrite = useCanWrite('opendata');
  const licences = useApi<{ result: { id: string; title: string }[] }>('/api/3/action/license_list');
  const [form, setForm] = useState<DatasetForm>(emptyDatasetForm);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [created, setCreated] = useState<Created | null>(null);
  const submit = useSubmit();
  const errors = submit.fieldErrors;
  const l = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.form.${key}`, o);
  const optional = (label: string) => t('staffModules.optional', { label });
  const set =
    <K extends keyof DatasetForm>(key: K) =>
    (value: DatasetForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const setUrl = (i: number, change: Partial<UrlDistribution>) =>
    setForm((f) => ({ ...f, urls: f.urls.map((u, j) => (j === i ? { ...u, ...change } : u)) }));

  const text = (
    key: keyof DatasetForm & string,
    o: { required?: boolean; kind?: TextKind; multiline?: boolean; hint?: string } = {},
  ) => (
    <TextInput
      id={`odf-${key}`}
      label={o.required ? l(key) : optional(l(key))}
      hint={o.hint}
      error={errors[key]}
      kind={o.kind ?? 'text'}
      required={o.required ?? false}
      multiline={o.multiline ?? false}
      value={form[key] as string}
      onChange={set(key) as (v: string) => void}
    />
  );
  const frequencies = (withNone: boolean) => [
    ...(withNone ? [{ value: '', label: l('none') }] : []),
    ...FREQUENCY_CODES.map((c) => ({ value: c, label: `${t(`opendata.frequency.${c}`)} (${c})` })),
  ];

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    setCreated(null);
    let failure: ApiError | null = null;
    const ok = await submit.run(async () => {
      try {
        const result = file
          ? await api<Created>('/api/opendata/datasets/from-file', { method: 'POST', form: datasetFormData(form, file) })
          : await api<Created>('/api/opendata/datasets', { method: 'POST', body: datasetBody(form) });
        setCreated(result);
      } catch (err) {
        if (err instanceof ApiError) failure = err;
        throw err;
      }
    });
    const problem = (failure as ApiError | null)?.problem;
    if (!ok && problem?.errors?.length) submit.setFieldErrors(fieldErrorsByInput(problem.errors));
    if (ok) {
      setForm(emptyDatasetForm());
      setFile(null);
      setFileKey((k) => k + 1); // a fresh file input: its chosen file cannot be cleared otherwise
    }
  }

  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
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

          <fieldset className="staff-form-group">
            <legend>{l('metadata')}</legend>
            <div className="staff-form-grid">
              {text('titleDe', { required: true })}
              {text('titleEn', { required: true })}
            </div>
            {text('descriptionDe', { required: true, multiline: true })}
            {text('descriptionEn', { required: true, multiline: true })}
            {text('name', { hint: l('nameHint') })}
            <div className="staff-form-grid">
              <SelectInput
                id="odf-licence"
                label={l('licence')}
                error={errors['licence']}
                value={form.licence}
                onChange={set('licence')}
                options={(licences.data?.result ?? [{ id: form.licence, title: form.licence }]).map((x) => ({
                  value: x.id,
                  label: x.title,
                }))}
              />
              <SelectInput
                id="odf-accrualPeriodicity"
                label={l('accrualPeriodicity')}
                error={errors['accrualPeriodicity']}
                value={form.accrualPeriodicity}
                onChange={set('accrualPeriodicity')}
                options={frequencies(false)}
              />
            </div>
            {text('attributionText', { hint: l('attributionHint') })}
            <fieldset className="staff-form-group" aria-describedby={errors['themes'] ? 'odf-themes-error' : undefined}>
              <legend>{optional(l('themes'))}</legend>
              <FieldNotes id="odf-themes" error={errors['themes']} />
              <div className="staff-form-grid">
                {THEME_CODES.map((code) => (
                  <label key={code} className="checkbox" htmlFor={`odf-theme-${code}`}>
                    <input
                      id={`odf-theme-${code}`}
                      type="checkbox"
                      aria-invalid={errors['themes'] ? true : undefined}
                      checked={form.themes.includes(code)}
                      onChange={(e) =>
                        set('themes')(e.target.checked ? [...form.themes, code] : form.themes.filter((x) => x !== code))
                      }
                    />
                    {t(`opendata.themes.${code.toLowerCase()}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {text('keywords', { hint: l('keywordsHint') })}
            <div className="staff-form-grid">
              {text('temporalStart', { kind: 'date' })}
              {text('temporalEnd', { kind: 'date' })}
            </div>
            {text('landingPage', { kind: 'url' })}
          </fieldset>

          <fieldset className="staff-form-group">
            <legend>{l('governance')}</legend>
            <div className="staff-form-grid">
              {text('owningOffice')}
              {text('dataSteward')}
              {text('sourceSystem')}
              <SelectInput
                id="odf-promisedFrequency"
                label={optional(l('promisedFrequency'))}
                hint={l('promisedHint')}
                error={errors['promisedFrequency']}
                value={form.promisedFrequency}
                onChange={set('promisedFrequency')}
                options={frequencies(true)}
              />
              <SelectInput
                id="odf-visibility"
                label={l('visibility')}
                error={errors['visibility']}
                value={form.visibility}
                onChange={(v) => set('visibility')(v === 'internal' ? 'internal' : 'public')}
                options={[
                  { value: 'public', label: l('public') },
                  { value: 'internal', label: l('internal') },
                ]}
              />
            </div>
            {text('qualityNotes', { multiline: true })}
          </fieldset>

          <fieldset
            className="staff-form-group"
            aria-describedby={errors['distributions'] ? 'odf-distributions-error' : undefined}
          >
            <legend>{l('distributions')}</legend>
            <FieldNotes id="odf-distributions" error={errors['distributions']} />
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
              {text('fileTitleDe')}
              {text('fileTitleEn')}
            </div>
            {form.urls.map((u, i) => {
              const n = i + 1;
              const urlText = (prop: 'url' | 'titleDe' | 'titleEn', label: string, kind: TextKind = 'text') => (
                <TextInput
                  id={`odf-url-${i}-${prop}`}
                  label={label}
                  kind={kind}
                  required
                  error={errors[`url-${i}-${prop}`]}
                  value={u[prop]}
                  onChange={(v) => setUrl(i, { [prop]: v })}
                />
              );
              return (
                <div key={i} className="staff-form-grid">
                  {urlText('url', l('url', { n }), 'url')}
                  {urlText('titleDe', l('urlTitleDe', { n }))}
                  {urlText('titleEn', l('urlTitleEn', { n }))}
                  <SelectInput
                    id={`odf-url-${i}-format`}
                    label={l('format', { n })}
                    error={errors[`url-${i}-format`]}
                    value={u.format}
                    onChange={(v) => setUrl(i, { format: v })}
                    options={Object.keys(URL_FORMATS).map((f) => ({ value: f, label: f }))}
                  />
                  <p>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => set('urls')(form.urls.filter((_, j) => j !== i))}
                    >
                      {l('removeUrl', { n })}
                    </button>
                  </p>
                </div>
              );
            })}
            <p>
              <button type="button" className="button button--secondary" onClick={() => set('urls')([...form.urls, emptyUrl()])}>
                {l('addUrl')}
              </button>
            </p>
          </fieldset>

          <p className="actions">
            <SubmitButton pending={submit.pending}>{l('create')}</SubmitButton>
          </p>
        </form>
      ) : null}
    </ModulePage>
  );
}
