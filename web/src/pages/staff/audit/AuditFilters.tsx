import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';

export const FILTER_KEYS = ['module', 'action', 'actor', 'from', 'to'] as const;
export type Filters = Record<(typeof FILTER_KEYS)[number], string>;

const EMPTY: Filters = { module: '', action: '', actor: '', from: '', to: '' };

/** Filter form; it only changes the URL, the page loads data from there. */
export function AuditFilters({ initial, onApply }: { initial: Filters; onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Filters>(initial);

  function set(key: keyof Filters, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])) as Filters);
  }

  return (
    <form className="panel filters" onSubmit={onSubmit} aria-labelledby="audit-filter-title">
      <h2 id="audit-filter-title">{t('staff.audit.filterTitle')}</h2>
      <div className="filters__grid">
        {(['module', 'action', 'actor'] as const).map((key) => (
          <Field key={key} id={`audit-${key}`} label={t(`staff.audit.${key}`)}>
            {(p) => <input {...p} name={key} type="text" value={values[key]} onChange={(e) => set(key, e.target.value)} />}
          </Field>
        ))}
        {(['from', 'to'] as const).map((key) => (
          <Field key={key} id={`audit-${key}`} label={t(`staff.audit.${key}`)}>
            {(p) => <input {...p} name={key} type="date" value={values[key]} onChange={(e) => set(key, e.target.value)} />}
          </Field>
        ))}
      </div>
      <p className="actions">
        <button type="submit" className="button">
          {t('staff.audit.apply')}
        </button>
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setValues(EMPTY);
            onApply(EMPTY);
          }}
        >
          {t('staff.audit.reset')}
        </button>
      </p>
    </form>
  );
}
