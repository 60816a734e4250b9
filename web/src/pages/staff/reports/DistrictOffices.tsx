/**
 * The offices of a category in single districts (PUT /api/reports/categories/{code}/districts/{district}):
 * a table of the overrides and a form to set one or return a district to the category's office.
 * New reports from a district go to its office; the district is the nearest district centre.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCity } from '../../../components/CityContext';
import { useDistrictName } from '../../../components/DistrictOptions';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import { DataTable } from '../shared/DataTable';
import { SelectInput } from '../shared/inputs';
import { officeName, officeOptions } from './offices';
import type { AdminCategory, Office } from './types';

interface Props {
  category: AdminCategory;
  offices: Office[];
  onSaved: () => void;
}

export function DistrictOffices({ category, offices, onSaved }: Props) {
  const { t } = useTranslation();
  const f = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.categoryForm.${key}`, o);
  const { city } = useCity();
  const districtName = useDistrictName();
  const submit = useSubmit();
  const [district, setDistrict] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [done, setDone] = useState('');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    if (!district) {
      submit.setFieldErrors({ district: f('districtRequired') });
      return;
    }
    const ok = await submit.run(async () => {
      await api(`/api/reports/categories/${encodeURIComponent(category.code)}/districts/${encodeURIComponent(district)}`, {
        method: 'PUT',
        body: { officeId: officeId ? Number(officeId) : null },
      });
    });
    if (ok) {
      setDone(f('districtSaved', { district: districtName(district) }));
      onSaved();
    }
  }

  return (
    <section aria-labelledby="category-districts">
      <h2 id="category-districts">{f('districts')}</h2>
      <p>{f('districtsIntro')}</p>
      <DataTable
        id="category-district-offices"
        caption={f('districtsCaption')}
        empty={f('districtsEmpty')}
        rows={category.districtOffices}
        rowKey={(d) => d.district}
        columns={[
          { key: 'district', header: f('district'), rowHeader: true, cell: (d) => districtName(d.district) },
          { key: 'office', header: f('districtOffice'), cell: (d) => officeName(offices, d.officeId) },
        ]}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNotice error={Object.keys(submit.fieldErrors).length ? null : submit.error} />
        <div className="staff-form-grid">
          <SelectInput
            id="category-district"
            label={f('district')}
            error={submit.fieldErrors['district']}
            value={district}
            onChange={setDistrict}
            options={[
              { value: '', label: f('chooseDistrict') },
              ...(city?.districts ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <SelectInput
            id="category-district-office"
            label={f('districtOffice')}
            error={submit.fieldErrors['officeId']}
            value={officeId}
            onChange={setOfficeId}
            options={officeOptions(offices, f('defaultOffice'))}
          />
        </div>
        <p className="actions">
          <SubmitButton pending={submit.pending}>{f('setDistrict')}</SubmitButton>
        </p>
        <StatusNotice>{done || null}</StatusNotice>
      </form>
    </section>
  );
}
