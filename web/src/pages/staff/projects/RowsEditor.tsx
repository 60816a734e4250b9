/**
 * Edits a list of rows (features, milestones, KPIs, links) as a fieldset with one group of labelled
 * inputs per row, an add and a remove button. Buttons name the row they act on, so a screen-reader
 * user hears "Remove: Milestone 2" rather than a row of identical "Remove" buttons.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Row } from './projectForm';

export interface Column {
  key: string;
  label: string;
  type?: 'text' | 'date' | 'select';
  options?: { value: string; label: string }[];
}

interface Props {
  legend: string;
  item: string;
  columns: Column[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** API field errors for this list, e.g. "body.features/0/title". */
  error?: string | undefined;
}

export function RowsEditor({ legend, item, columns, rows, onChange, error }: Props) {
  const { t } = useTranslation();
  const base = useId();
  const blank = () => Object.fromEntries(columns.map((c) => [c.key, c.options?.[0]?.value ?? '']));
  const set = (i: number, key: string, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  return (
    <fieldset className="project-form-group">
      <legend>{legend}</legend>
      {error ? (
        <p className="field__error" id={`${base}-error`}>
          {error}
        </p>
      ) : null}
      {!rows.length ? <p>{t('projects.staff.form.none')}</p> : null}
      {rows.map((row, i) => {
        const name = t('projects.staff.form.row', { what: item, n: i + 1 });
        return (
          <div key={i} className="rows-editor__row" role="group" aria-label={name}>
            {columns.map((c) => {
              const id = `${base}-${i}-${c.key}`;
              return (
                <div key={c.key} className="field">
                  <label htmlFor={id}>{c.label}</label>
                  {c.type === 'select' ? (
                    <select id={id} value={row[c.key] ?? ''} onChange={(e) => set(i, c.key, e.target.value)}>
                      {c.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      type={c.type ?? 'text'}
                      value={row[c.key] ?? ''}
                      onChange={(e) => set(i, c.key, e.target.value)}
                    />
                  )}
                </div>
              );
            })}
            <p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                {t('projects.staff.form.remove', { what: name })}
              </button>
            </p>
          </div>
        );
      })}
      <p>
        <button type="button" className="button button--secondary" onClick={() => onChange([...rows, blank()])}>
          {t('projects.staff.form.add', { what: item })}
        </button>
      </p>
    </fieldset>
  );
}
