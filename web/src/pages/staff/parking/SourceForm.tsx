/** Adds a ParkAPI v3 source or changes one; the server checks the URL and the interval and names the field at fault. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import { numberOrText } from '../shared/formValues';
import { CheckboxInput, TextInput } from '../shared/inputs';
import type { Source } from './types';

interface Form {
  name: string;
  url: string;
  intervalSeconds: string;
  uidPrefix: string;
  importSites: boolean;
  enabled: boolean;
}

const toForm = (s: Source | null): Form =>
  s
    ? {
        name: s.name,
        url: s.url,
        intervalSeconds: String(s.intervalSeconds),
        uidPrefix: s.uidPrefix,
        importSites: s.importSites,
        enabled: s.enabled,
      }
    : { name: '', url: '', intervalSeconds: '300', uidPrefix: '', importSites: true, enabled: true };

/** `source` null: a form to add one. The parent keys this component by source, so the form refills on a switch. */
export function SourceForm({
  source,
  onSaved,
  onCancel,
}: {
  source: Source | null;
  onSaved: (s: Source, created: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const s = (key: string, o?: Record<string, unknown>) => t(`parkingStaff.sources.${key}`, o);
  const [form, setForm] = useState<Form>(() => toForm(source));
  const submit = useSubmit();
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm({ ...form, [key]: value });
  const err = submit.fieldErrors;
  const prefix = source ? `source-${source.id}` : 'source-new';
  const headingId = `${prefix}-title`;

  // "Edit" in the table opens this form below it: take the keyboard there.
  useEffect(() => {
    if (source) document.getElementById(`${prefix}-name`)?.focus();
    // only when the form opens; the parent remounts it per source
  }, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    await submit.run(async () => {
      const body = { ...form, name: form.name.trim(), url: form.url.trim(), intervalSeconds: numberOrText(form.intervalSeconds) };
      const saved = source
        ? await api<Source>(`/api/parking/sources/${source.id}`, { method: 'PATCH', body })
        : await api<Source>('/api/parking/sources', { method: 'POST', body });
      if (!source) setForm(toForm(null));
      onSaved(saved, !source);
    });
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{source ? s('editTitle', { name: source.name }) : s('addTitle')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
        <div className="staff-form-grid">
          <TextInput
            id={`${prefix}-name`}
            label={t('parkingStaff.sites.name')}
            required
            error={err['name']}
            value={form.name}
            onChange={set('name')}
          />
          <TextInput
            id={`${prefix}-interval`}
            label={s('intervalSeconds')}
            hint={s('intervalHint')}
            kind="number"
            required
            error={err['intervalSeconds']}
            value={form.intervalSeconds}
            onChange={set('intervalSeconds')}
          />
        </div>
        <TextInput
          id={`${prefix}-url`}
          label={s('url')}
          hint={s('urlHint')}
          kind="url"
          required
          error={err['url']}
          value={form.url}
          onChange={set('url')}
        />
        <TextInput
          id={`${prefix}-prefix`}
          label={t('staffModules.optional', { label: s('uidPrefix') })}
          hint={s('uidPrefixHint')}
          error={err['uidPrefix']}
          value={form.uidPrefix}
          onChange={set('uidPrefix')}
        />
        <CheckboxInput
          id={`${prefix}-import`}
          label={s('importSites')}
          checked={form.importSites}
          onChange={set('importSites')}
          error={err['importSites']}
        />
        <CheckboxInput
          id={`${prefix}-enabled`}
          label={s('enabledField')}
          checked={form.enabled}
          onChange={set('enabled')}
          error={err['enabled']}
        />
        <p className="actions">
          <SubmitButton pending={submit.pending}>{source ? t('staffModules.save') : s('add')}</SubmitButton>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('staffModules.cancel')}
            </button>
          ) : null}
        </p>
      </form>
    </section>
  );
}
