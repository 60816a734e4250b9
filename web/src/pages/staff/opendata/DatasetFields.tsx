/**
 * The fieldsets of the dataset form, shared by the create page (/staff/opendata/neu) and the edit page
 * (/staff/opendata/datensaetze/:slug): description (metadata), data governance and the URL
 * distributions. Each input's id is `odf-<input key>`, the key `fieldErrorsByInput` maps the server's
 * field paths to, so every error sits beside its input.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNotes } from '../../../components/Field';
import { useApi } from '../../../lib/useApi';
import { FREQUENCY_CODES, THEME_CODES } from '../../opendata/i18n';
import { SelectInput, TextInput, type TextKind } from '../shared/inputs';
import { emptyUrl, URL_FORMATS, type DatasetForm, type UrlDistribution } from './datasetForm';

export interface DatasetFieldsProps {
  form: DatasetForm;
  onChange: (change: Partial<DatasetForm>) => void;
  errors: Record<string, string>;
}

interface TextOptions {
  required?: boolean;
  kind?: TextKind;
  multiline?: boolean;
  hint?: string;
}

/** Labels, the text-input builder and the frequency options every fieldset uses. */
function useDatasetInputs({ form, onChange, errors }: DatasetFieldsProps) {
  const { t } = useTranslation();
  const l = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.form.${key}`, o);
  const optional = (label: string) => t('staffModules.optional', { label });
  const text = (key: keyof DatasetForm & string, o: TextOptions = {}) => (
    <TextInput
      id={`odf-${key}`}
      label={o.required ? l(key) : optional(l(key))}
      hint={o.hint}
      error={errors[key]}
      kind={o.kind ?? 'text'}
      required={o.required ?? false}
      multiline={o.multiline ?? false}
      value={form[key] as string}
      onChange={(v) => onChange({ [key]: v })}
    />
  );
  const frequencies = (withNone: boolean) => [
    ...(withNone ? [{ value: '', label: l('none') }] : []),
    ...FREQUENCY_CODES.map((c) => ({ value: c, label: `${t(`opendata.frequency.${c}`)} (${c})` })),
  ];
  return { t, l, optional, text, frequencies };
}

/** Titles, descriptions, licence, themes, keywords, period, landing page; `withName` only when creating (the slug is the URI). */
export function MetadataFieldset(props: DatasetFieldsProps & { withName: boolean }) {
  const { form, onChange, errors } = props;
  const { t, l, optional, text, frequencies } = useDatasetInputs(props);
  const licences = useApi<{ result: { id: string; title: string }[] }>('/api/3/action/license_list');
  return (
    <fieldset className="staff-form-group">
      <legend>{l('metadata')}</legend>
      <div className="staff-form-grid">
        {text('titleDe', { required: true })}
        {text('titleEn', { required: true })}
      </div>
      {text('descriptionDe', { required: true, multiline: true })}
      {text('descriptionEn', { required: true, multiline: true })}
      {props.withName ? text('name', { hint: l('nameHint') }) : null}
      <div className="staff-form-grid">
        <SelectInput
          id="odf-licence"
          label={l('licence')}
          error={errors['licence']}
          value={form.licence}
          onChange={(v) => onChange({ licence: v })}
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
          onChange={(v) => onChange({ accrualPeriodicity: v })}
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
                  onChange({ themes: e.target.checked ? [...form.themes, code] : form.themes.filter((x) => x !== code) })
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
  );
}

/** Owning office, data steward, source system, promised frequency (drives "overdue"), visibility, quality notes. */
export function GovernanceFieldset(props: DatasetFieldsProps) {
  const { form, onChange, errors } = props;
  const { l, optional, text, frequencies } = useDatasetInputs(props);
  return (
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
          onChange={(v) => onChange({ promisedFrequency: v })}
          options={frequencies(true)}
        />
        <SelectInput
          id="odf-visibility"
          label={l('visibility')}
          error={errors['visibility']}
          value={form.visibility}
          onChange={(v) => onChange({ visibility: v === 'internal' ? 'internal' : 'public' })}
          options={[
            { value: 'public', label: l('public') },
            { value: 'internal', label: l('internal') },
          ]}
        />
      </div>
      {text('qualityNotes', { multiline: true })}
    </fieldset>
  );
}

/**
 * The data: whatever the page puts first (the file input when creating, the kept files when
 * editing), then the URL distributions, each removable, and a button for another one.
 */
export function DistributionsFieldset(props: DatasetFieldsProps & { children?: ReactNode }) {
  const { form, onChange, errors } = props;
  const { l } = useDatasetInputs(props);
  const setUrl = (i: number, change: Partial<UrlDistribution>) =>
    onChange({ urls: form.urls.map((u, j) => (j === i ? { ...u, ...change } : u)) });
  return (
    <fieldset className="staff-form-group" aria-describedby={errors['distributions'] ? 'odf-distributions-error' : undefined}>
      <legend>{l('distributions')}</legend>
      <FieldNotes id="odf-distributions" error={errors['distributions']} />
      {props.children}
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
        // A format set through the API that the form does not offer stays choosable as it is.
        const formats = u.format in URL_FORMATS ? Object.keys(URL_FORMATS) : [...Object.keys(URL_FORMATS), u.format];
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
              options={formats.map((f) => ({ value: f, label: f }))}
            />
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange({ urls: form.urls.filter((_, j) => j !== i) })}
              >
                {l('removeUrl', { n })}
              </button>
            </p>
          </div>
        );
      })}
      <p>
        <button type="button" className="button button--secondary" onClick={() => onChange({ urls: [...form.urls, emptyUrl()] })}>
          {l('addUrl')}
        </button>
      </p>
    </fieldset>
  );
}
