/**
 * Create a category (/staff/schadensmelder/kategorien/neu) or edit one (/…/kategorien/{code}) (admins):
 * German and English name, description and group, keywords for the suggestion, the responsible office,
 * the answer-time target and whether citizens can choose it; below the form, the offices of single
 * districts. The Open311 attribute definitions are kept as they are (API only).
 */
import { Link } from 'react-router';
import { useApi } from '../../../lib/useApi';
import { asText, numberOrText } from '../shared/formValues';
import { SelectInput } from '../shared/inputs';
import { RecordFormPage } from '../shared/RecordFormPage';
import { ADMINS_ONLY } from '../shared/useCanWrite';
import { useRecordForm } from '../shared/useRecordForm';
import { DistrictOffices } from './DistrictOffices';
import { officeOptions } from './offices';
import { CATEGORIES_PATH, ReportsStaffNav } from './ReportsStaffRoutes';
import type { CategoryTexts } from '../../reports/types';
import type { AdminCategory, Office } from './types';

/** The texts as the public pages read them, plus what only staff edit (numbers as typed). */
interface CategoryForm extends CategoryTexts {
  keywords: string;
  officeId: string;
  targetDays: string;
  active: boolean;
}

const empty = (): CategoryForm => ({
  code: '',
  name: '',
  nameEn: '',
  description: '',
  descriptionEn: '',
  group: '',
  groupEn: '',
  keywords: '',
  officeId: '',
  targetDays: '10',
  active: true,
});

const toForm = (c: AdminCategory): CategoryForm => ({
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  description: c.description,
  descriptionEn: c.descriptionEn,
  group: c.group,
  groupEn: c.groupEn,
  keywords: c.keywords,
  officeId: asText(c.officeId),
  targetDays: asText(c.targetDays),
  active: c.active,
});

export default function CategoryEditPage() {
  const state = useRecordForm<AdminCategory, CategoryForm>({
    apiPath: '/api/reports/categories',
    staffPath: CATEGORIES_PATH,
    empty,
    toForm,
    texts: 'reportsStaff.categoryForm',
    idPrefix: 'category',
    pathKey: (c) => c.code,
  });
  const { form, set, save, creating, text, check, label: f, record } = state;
  const offices = useApi<{ items: Office[] }>('/api/reports/offices');

  return (
    <RecordFormPage
      state={state}
      nav={<ReportsStaffNav />}
      module={ADMINS_ONLY}
      onSubmit={(e) =>
        void save(e, () => {
          if (!form.officeId) return { fieldErrors: { officeId: f('officeRequired') } };
          const { code, officeId, targetDays, ...texts } = form;
          const body = { ...texts, officeId: Number(officeId), targetDays: numberOrText(targetDays) };
          // The code is the Open311 service_code that clients store, so it is set once.
          return { body: creating ? { code: code.trim(), ...body } : body };
        })
      }
      after={
        record.data ? (
          <DistrictOffices category={record.data} offices={offices.data?.items ?? []} onSaved={record.reload} />
        ) : null
      }
    >
      <p>
        <Link to={CATEGORIES_PATH}>{f('back')}</Link>
      </p>
      <fieldset className="staff-form-group">
        <legend>{f('texts')}</legend>
        <div className="staff-form-grid">
          {creating ? text('code', 'text', { required: true, hint: f('codeHint') }) : null}
          {text('name', 'text', { required: true })}
          {text('nameEn', 'text', { required: true })}
          {text('group', 'text', { required: true })}
          {text('groupEn')}
        </div>
        {text('description', 'text', { required: true, multiline: true })}
        {text('descriptionEn', 'text', { multiline: true })}
        {text('keywords', 'text', { hint: f('keywordsHint') })}
      </fieldset>
      <fieldset className="staff-form-group">
        <legend>{f('handling')}</legend>
        <div className="staff-form-grid">
          <SelectInput
            id="category-officeId"
            label={f('officeId')}
            error={state.submit.fieldErrors['officeId']}
            value={form.officeId}
            onChange={set('officeId')}
            options={officeOptions(offices.data?.items, f('chooseOffice'))}
          />
          {text('targetDays', 'number', { required: true, hint: f('targetDaysHint') })}
        </div>
        {check('active')}
      </fieldset>
    </RecordFormPage>
  );
}
