/** The inbox filters; every change goes to the URL, so a filtered inbox can be bookmarked and shared. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { useApi } from '../../../lib/useApi';
import { DETAILED_STATUSES } from '../../reports/types';
import { CheckboxInput, SelectInput, TextInput } from '../shared/inputs';
import { officeOptions } from './offices';
import type { Office, StaffCategory } from './types';

export interface InboxFilter {
  office: string;
  status: string;
  category: string;
  overdue: boolean;
  q: string;
}

export function InboxFilters({ filter, onChange }: { filter: InboxFilter; onChange: (next: Partial<InboxFilter>) => void }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`reportsStaff.inbox.${key}`);
  const offices = useApi<{ items: Office[] }>('/api/reports/offices');
  const categories = useApi<{ items: StaffCategory[] }>('/api/reports/categories');
  const english = currentLanguage() === 'en';
  return (
    <fieldset className="staff-form-group">
      <legend>{f('filters')}</legend>
      <div className="staff-form-grid">
        <SelectInput
          id="inbox-office"
          label={f('office')}
          value={filter.office}
          onChange={(office) => onChange({ office })}
          options={officeOptions(offices.data?.items, f('allOffices'))}
        />
        <SelectInput
          id="inbox-status"
          label={f('status')}
          value={filter.status}
          onChange={(status) => onChange({ status })}
          options={[
            { value: '', label: f('allStatuses') },
            ...DETAILED_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) })),
          ]}
        />
        <SelectInput
          id="inbox-category"
          label={f('category')}
          value={filter.category}
          onChange={(category) => onChange({ category })}
          options={[
            { value: '', label: f('allCategories') },
            ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: english ? c.nameEn : c.name })),
          ]}
        />
        <TextInput id="inbox-q" label={f('q')} hint={f('qHint')} value={filter.q} onChange={(q) => onChange({ q })} />
      </div>
      <CheckboxInput
        id="inbox-overdue"
        label={f('overdue')}
        checked={filter.overdue}
        onChange={(overdue) => onChange({ overdue })}
      />
    </fieldset>
  );
}
