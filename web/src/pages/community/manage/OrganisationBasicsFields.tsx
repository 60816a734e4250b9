/**
 * The four facts an organisation starts with (name, category, Stadtteil, description), shared by
 * the public registration and by a logged-in representative's "another organisation" page.
 * `errorPrefix` is where the server reports them (`organisation.` inside the registration body).
 */
import { useTranslation } from 'react-i18next';
import { DistrictOptions } from '../../../components/DistrictOptions';
import { Field } from '../../../components/Field';
import { CategoryOptions } from './shared';

export interface OrganisationBasics {
  name: string;
  category: string;
  district: string;
  description: string;
}

export const EMPTY_BASICS: OrganisationBasics = { name: '', category: '', district: '', description: '' };

/** What is missing, keyed like the server's field errors; the server judges everything else. */
export function missingBasics(form: OrganisationBasics, errorPrefix: string, t: (key: string) => string): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!form.name.trim()) missing[`${errorPrefix}name`] = t('community.register.missing.name');
  if (!form.category) missing[`${errorPrefix}category`] = t('community.register.missing.category');
  return missing;
}

/** The request body's organisation part. */
export const basicsBody = (form: OrganisationBasics) => ({
  name: form.name.trim(),
  category: form.category,
  district: form.district || null,
  ...(form.description.trim() ? { description: form.description.trim() } : {}),
});

export function OrganisationBasicsFields(props: {
  idPrefix: string;
  value: OrganisationBasics;
  onChange: (value: OrganisationBasics) => void;
  errors: Record<string, string>;
  errorPrefix: string;
}) {
  const { t } = useTranslation();
  const { idPrefix, value, errors, errorPrefix } = props;
  const set = (key: keyof OrganisationBasics) => (v: string) => props.onChange({ ...value, [key]: v });
  const err = (key: keyof OrganisationBasics) => errors[`${errorPrefix}${key}`];
  return (
    <>
      <Field id={`${idPrefix}-name`} label={t('community.register.name')} error={err('name')}>
        {(c) => (
          <input {...c} type="text" autoComplete="organization" required maxLength={200} value={value.name} onChange={(e) => set('name')(e.target.value)} />
        )}
      </Field>
      <Field id={`${idPrefix}-category`} label={t('community.register.category')} error={err('category')}>
        {(c) => (
          <select {...c} required value={value.category} onChange={(e) => set('category')(e.target.value)}>
            <option value="">{t('community.register.choose')}</option>
            <CategoryOptions />
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-district`} label={t('community.register.district')} error={err('district')}>
        {(c) => (
          <select {...c} value={value.district} onChange={(e) => set('district')(e.target.value)}>
            <option value="">{t('community.register.noDistrict')}</option>
            <DistrictOptions />
          </select>
        )}
      </Field>
      <Field
        id={`${idPrefix}-description`}
        label={t('community.register.description')}
        hint={t('community.register.descriptionHint')}
        error={err('description')}
      >
        {(c) => <textarea {...c} rows={5} maxLength={5000} value={value.description} onChange={(e) => set('description')(e.target.value)} />}
      </Field>
    </>
  );
}
