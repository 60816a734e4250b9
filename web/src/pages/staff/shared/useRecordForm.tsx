/**
 * A page that creates a record (/…/neu) or edits one (/…/:id) of a back-office module: the loaded
 * record, the form state, a setter per field, a builder for its text inputs and `save`, which POSTs
 * or PATCHes what `prepare` builds. `prepare` may instead return field errors of a client-side check;
 * they show like the server's. After a create the page moves to the new record's edit page.
 */
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useEditForm } from '../../../lib/useEditForm';
import { CheckboxInput, TextInput, type TextKind } from './inputs';

export type Prepared = { body: unknown } | { fieldErrors: Record<string, string> };

interface Options<T, F> {
  apiPath: string;
  staffPath: string;
  empty: () => F;
  toForm: (record: T) => F;
  /** i18n prefix of the form's texts: `<texts>.<field>` labels, `createTitle`, `editTitle`, `create`. */
  texts: string;
  /** Prefix of the input ids (`<idPrefix>-<field>`). */
  idPrefix: string;
  /** The record's part of its API and page paths when it is not the numeric `id` (e.g. a code). */
  pathKey?: (record: T) => string;
}

interface TextOptions {
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  /** Instead of `<texts>.<field>`. */
  label?: string;
}

export function useRecordForm<T extends { id?: number; name: string }, F>(options: Options<T, F>) {
  const keyOf = options.pathKey ?? ((r: T) => String(r.id));
  const { t } = useTranslation();
  const { id } = useParams();
  const creating = id === undefined;
  const navigate = useNavigate();
  const saved = t('staffModules.saved');
  const edit = useEditForm<T, F>(
    creating ? null : `${options.apiPath}/${encodeURIComponent(id)}`,
    options.empty,
    options.toForm,
    saved,
  );
  const { form, setForm, setDone, submit, record } = edit;
  const label = (key: string, o?: Record<string, unknown>) => t(`${options.texts}.${key}`, o);

  const set =
    <K extends keyof F>(key: K) =>
    (value: F[K]) =>
      setForm({ ...form, [key]: value });

  /** A labelled text input for a string field; optional ones say so in their label. */
  const text = (key: keyof F & string, kind: TextKind = 'text', o: TextOptions = {}) => {
    const base = o.label ?? label(key);
    return (
      <TextInput
        id={`${options.idPrefix}-${key}`}
        label={o.required ? base : t('staffModules.optional', { label: base })}
        hint={o.hint}
        error={submit.fieldErrors[key]}
        kind={kind}
        required={o.required ?? false}
        multiline={o.multiline ?? false}
        value={form[key] as string}
        onChange={set(key) as (value: string) => void}
      />
    );
  };

  /** A checkbox for a boolean field. */
  const check = (key: keyof F & string) => (
    <CheckboxInput
      id={`${options.idPrefix}-${key}`}
      label={label(key)}
      checked={form[key] as boolean}
      onChange={set(key) as (checked: boolean) => void}
      error={submit.fieldErrors[key]}
    />
  );

  async function save(e: FormEvent, prepare: () => Prepared) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    const prepared = prepare();
    if ('fieldErrors' in prepared) {
      submit.setFieldErrors(prepared.fieldErrors);
      return;
    }
    await submit.run(async () => {
      if (creating) {
        const created = await api<T>(options.apiPath, { method: 'POST', body: prepared.body });
        await navigate(`${options.staffPath}/${encodeURIComponent(keyOf(created))}`, { state: { created: true } });
        return;
      }
      await api<T>(`${options.apiPath}/${encodeURIComponent(keyOf(record.data!))}`, { method: 'PATCH', body: prepared.body });
      setDone(saved);
      record.reload();
    });
  }

  const title = creating ? label('createTitle') : label('editTitle', { name: record.data?.name ?? '' });
  const submitLabel = creating ? label('create') : t('staffModules.save');
  return { ...edit, creating, set, text, check, save, title, submitLabel, label };
}

export type RecordForm = ReturnType<typeof useRecordForm<{ id?: number; name: string }, unknown>>;
