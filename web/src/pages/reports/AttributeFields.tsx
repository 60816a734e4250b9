/** The extra questions of a category (Open311 service definition attributes), as form fields. */
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { AttributeDefinition } from './types';

export type AttributeValues = Record<string, string | string[]>;

interface Props {
  attributes: readonly AttributeDefinition[];
  values: AttributeValues;
  onChange: (values: AttributeValues) => void;
  errors: Record<string, string>;
}

export function AttributeFields({ attributes, values, onChange, errors }: Props) {
  const { t } = useTranslation();
  if (!attributes.length) return null;
  const set = (code: string, value: string | string[]) => onChange({ ...values, [code]: value });
  return (
    <fieldset>
      <legend>{t('reports.form.attribute')}</legend>
      {[...attributes]
        .sort((a, b) => a.order - b.order)
        .map((a) => {
          // Non-variable attributes are notes to the reporter, not questions.
          if (!a.variable) {
            return (
              <p key={a.code} className="notice notice--info">
                {a.description}
              </p>
            );
          }
          const id = `report-attr-${a.code}`;
          const label = `${a.description}${a.required ? '' : ` ${t('reports.form.optional')}`}`;
          const error = errors[`attribute[${a.code}]`];
          const current = values[a.code];
          if (a.datatype === 'multivaluelist') {
            const chosen = Array.isArray(current) ? current : [];
            return (
              <fieldset key={a.code} className="checkbox-group">
                <legend>{label}</legend>
                {error ? <p className="field__error">{error}</p> : null}
                {a.values?.map((v) => (
                  <label key={v.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(v.key)}
                      onChange={(e) => set(a.code, e.target.checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key))}
                    />
                    {v.name}
                  </label>
                ))}
              </fieldset>
            );
          }
          const text = typeof current === 'string' ? current : '';
          return (
            <Field key={a.code} id={id} label={label} hint={a.datatype_description || undefined} error={error}>
              {(control) =>
                a.datatype === 'singlevaluelist' ? (
                  <select {...control} required={a.required} value={text} onChange={(e) => set(a.code, e.target.value)}>
                    <option value="">{t('reports.form.choose')}</option>
                    {a.values?.map((v) => (
                      <option key={v.key} value={v.key}>
                        {v.name}
                      </option>
                    ))}
                  </select>
                ) : a.datatype === 'text' ? (
                  <textarea
                    {...control}
                    required={a.required}
                    rows={3}
                    value={text}
                    onChange={(e) => set(a.code, e.target.value)}
                  />
                ) : (
                  <input
                    {...control}
                    type={a.datatype === 'datetime' ? 'datetime-local' : 'text'}
                    inputMode={a.datatype === 'number' ? 'decimal' : undefined}
                    required={a.required}
                    value={text}
                    onChange={(e) => set(a.code, e.target.value)}
                  />
                )
              }
            </Field>
          );
        })}
    </fieldset>
  );
}
