/**
 * Labelled inputs of the parking and waste forms, built on `Field` so each gets its hint and its
 * error (from the server or a client check) through aria-describedby and aria-invalid.
 */
import type { ReactNode } from 'react';
import { Field } from '../../../components/Field';

export type TextKind = 'text' | 'number' | 'decimal' | 'url' | 'email' | 'date' | 'datetime-local';

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

export function TextInput({
  kind = 'text',
  required,
  multiline,
  ...p
}: Common & { kind?: TextKind; required?: boolean; multiline?: boolean }) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(c) =>
        multiline ? (
          <textarea {...c} rows={4} required={required} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
        ) : (
          <input
            {...c}
            // Numbers are typed as text so a decimal comma ("50,36") works; inputMode brings up the digit keyboard.
            type={kind === 'number' || kind === 'decimal' ? 'text' : kind}
            inputMode={kind === 'number' ? 'numeric' : kind === 'decimal' ? 'decimal' : undefined}
            required={required}
            value={p.value}
            onChange={(e) => p.onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

export function SelectInput({ options, ...p }: Common & { options: { value: string; label: ReactNode }[] }) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(c) => (
        <select {...c} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxInput({
  label,
  checked,
  onChange,
  error,
  id,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
}) {
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {label}
      </label>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
