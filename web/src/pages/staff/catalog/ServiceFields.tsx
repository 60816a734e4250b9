/**
 * Every editable field of a city service, grouped as the service page shows them. Each input sits in
 * a `Field`, so an error the API names (problem+json `errors[].field`) appears beside its input and
 * is linked with aria-describedby and aria-invalid.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { PAYMENT_METHODS, type Facets } from '../../catalog/types';
import { EffectiveDateField, StatusSelect } from './fields';
import type { ServiceFormState, TextField } from './serviceForm';
import './i18n';

interface Props {
  value: ServiceFormState;
  onChange: (next: ServiceFormState) => void;
  errors: Record<string, string>;
  facets: Facets | undefined;
  creating: boolean;
}

type FlagKey = 'local' | 'efa' | 'epaybl';

export function ServiceFields({ value: v, onChange, errors, facets, creating }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ServiceFormState>) => onChange({ ...v, ...patch });
  const label = (key: string) => t(`catalog.staff.form.${key}`);

  /** A one-line text input (or date) bound to a field of the same name. */
  const text = (
    key: TextField,
    options: { type?: 'text' | 'url' | 'date'; hint?: string; required?: boolean; mono?: boolean; numeric?: boolean } = {},
  ) => (
    <Field id={`svc-${key}`} label={label(key)} hint={options.hint} error={errors[key]}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          className={options.mono ? 'input--mono' : undefined}
          required={options.required}
          inputMode={options.numeric ? 'numeric' : undefined}
          value={v[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const longText = (key: TextField, hint?: string) => (
    <Field id={`svc-${key}`} label={label(key)} hint={hint} error={errors[key]}>
      {(control) => <textarea {...control} rows={3} value={v[key]} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );
  const flag = (key: FlagKey) => {
    const error = errors[key];
    return (
      <div className={error ? 'field field--invalid' : 'field'}>
        {error ? (
          <p id={`svc-${key}-error`} className="field__error">
            {error}
          </p>
        ) : null}
        <label className="checkbox">
          <input
            id={`svc-${key}`}
            type="checkbox"
            aria-describedby={error ? `svc-${key}-error` : undefined}
            aria-invalid={error ? true : undefined}
            checked={v[key]}
            onChange={(e) => set({ [key]: e.target.checked })}
          />
          {label(key)}
        </label>
      </div>
    );
  };
  const group = (legend: string, children: ReactNode) => (
    <fieldset className="form-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );

  return (
    <>
      {group(
        label('basics'),
        <>
          {text('name', { required: true })}
          {creating ? text('ref', { hint: label('refHint'), mono: true }) : null}
          {longText('description')}
        </>,
      )}
      {group(
        label('link'),
        <>
          {text('ozgId', { hint: label('ozgIdHint'), mono: true })}
          {text('leikaKey', { hint: label('leikaKeyHint'), mono: true })}
          {flag('local')}
          <Field
            id="svc-themenfeldId"
            label={label('themenfeld')}
            hint={label('classificationHint')}
            error={errors['themenfeldId']}
          >
            {(control) => (
              <select
                {...control}
                value={v.themenfeldId}
                onChange={(e) => set({ themenfeldId: e.target.value, lebenslageId: '' })}
              >
                <option value="">{label('none')}</option>
                {facets?.themenfelder.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="svc-lebenslageId" label={label('lebenslage')} error={errors['lebenslageId']}>
            {(control) => (
              <select {...control} value={v.lebenslageId} onChange={(e) => set({ lebenslageId: e.target.value })}>
                <option value="">{label('none')}</option>
                {facets?.lebenslagen
                  .filter((l) => !v.themenfeldId || String(l.themenfeldId) === v.themenfeldId)
                  .map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        </>,
      )}
      {group(
        label('statusGroup'),
        <>
          <StatusSelect
            id="svc-status"
            label={label('status')}
            value={v.status}
            onChange={(status) => set({ status })}
            error={errors['status']}
          />
          <EffectiveDateField
            id="svc-effectiveDate"
            value={v.effectiveDate}
            onChange={(effectiveDate) => set({ effectiveDate })}
            error={errors['effectiveDate']}
          />
          {longText('reasonNotOnline', label('reasonHint'))}
          {text('note', { hint: label('noteHint') })}
          {text('maturityLevel', { hint: label('maturityHint'), numeric: true })}
          {text('maturityModel', { hint: label('maturityModelHint') })}
          {text('plannedGoLive', { type: 'date' })}
          {text('rolloutProject')}
        </>,
      )}
      {group(
        label('online'),
        <>
          {text('onlineUrl', { type: 'url', hint: label('onlineUrlHint') })}
          {flag('efa')}
          {text('efaProviderState')}
          {flag('epaybl')}
          <fieldset
            className="checkbox-group"
            aria-describedby={errors['paymentMethods'] ? 'svc-paymentMethods-error' : undefined}
          >
            <legend>{label('paymentMethods')}</legend>
            {errors['paymentMethods'] ? (
              <p id="svc-paymentMethods-error" className="field__error">
                {errors['paymentMethods']}
              </p>
            ) : null}
            {PAYMENT_METHODS.map((m) => (
              <label key={m} className="checkbox">
                <input
                  type="checkbox"
                  checked={v.paymentMethods.includes(m)}
                  onChange={(e) =>
                    set({
                      paymentMethods: e.target.checked ? [...v.paymentMethods, m] : v.paymentMethods.filter((x) => x !== m),
                    })
                  }
                />
                {t(`catalog.payment.${m}`)}
              </label>
            ))}
          </fieldset>
        </>,
      )}
      {group(
        label('organisation'),
        <>
          {text('office')}
          {longText('notes')}
        </>,
      )}
    </>
  );
}
