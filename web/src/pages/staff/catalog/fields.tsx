/** Inputs the back-office forms share: the status choice and the effective date of a change. */
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { todayIso } from '../../catalog/shared';
import { STATUSES, type Status } from '../../catalog/types';
import './i18n';

export function StatusSelect<V extends Status | ''>({
  id,
  label,
  value,
  onChange,
  error,
  emptyLabel,
}: {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  error: string | undefined;
  /** Offers "no choice" (''), e.g. to let the server take the status of the previous service. */
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`catalog.status.${s}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The day a change takes effect: required, never after today (the server says the same). */
export function EffectiveDateField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('catalog.staff.effectiveDate')} hint={t('catalog.staff.effectiveHint')} error={error}>
      {(control) => (
        <input {...control} type="date" required max={todayIso()} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
