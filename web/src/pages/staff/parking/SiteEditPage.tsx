/**
 * Create a car park (/staff/parken/neu) or edit its static data (/staff/parken/:id): every field of
 * the API's SiteInput, entrances included. Creating also creates its SensorThings Thing. Changes are
 * audited by the server; its field errors appear beside the inputs.
 */
import { useTranslation } from 'react-i18next';
import { SelectInput, TextInput } from '../shared/inputs';
import { RecordFormPage } from '../shared/RecordFormPage';
import { useRecordForm } from '../shared/useRecordForm';
import { PARKING_PATH, ParkingNav } from './ParkingAdminRoutes';
import { emptySite, parseEntrances, siteToBody, siteToForm, type SiteForm } from './siteForm';
import { SITE_TYPES, type Site } from './types';

export default function SiteEditPage() {
  const { t } = useTranslation();
  const state = useRecordForm<Site, SiteForm>({
    apiPath: '/api/parking/sites',
    staffPath: PARKING_PATH,
    empty: emptySite,
    texts: 'parkingStaff.form',
    idPrefix: 'site',
    toForm: siteToForm,
  });
  const { form, set, save, creating, text, check, label: f } = state;
  const err = state.submit.fieldErrors;

  return (
    <RecordFormPage
      state={state}
      nav={<ParkingNav />}
      module="parking"
      onSubmit={(e) =>
        void save(e, () => {
          const entrances = parseEntrances(form.entrances);
          if ('badLine' in entrances) return { fieldErrors: { entrances: f('entrancesLine', { line: entrances.badLine }) } };
          return { body: siteToBody(form, entrances, creating) };
        })
      }
    >
      <fieldset className="staff-form-group">
        <legend>{f('basics')}</legend>
        <div className="staff-form-grid">
          {creating ? text('uid', 'text', { required: true, hint: f('uidHint') }) : null}
          {text('name', 'text', { required: true })}
          <SelectInput
            id="site-type"
            label={f('type')}
            error={err['type']}
            value={form.type}
            onChange={set('type')}
            options={SITE_TYPES.map((v) => ({ value: v, label: t(`parkingStaff.type.${v}`) }))}
          />
          {text('operatorName')}
          {text('address')}
          {text('publicUrl', 'url', { hint: f('publicUrlHint') })}
        </div>
        {text('description', 'text', { multiline: true })}
        {check('simulated')}
      </fieldset>

      <fieldset className="staff-form-group">
        <legend>{f('place')}</legend>
        <p className="field__hint">{t('staffModules.coordHint')}</p>
        <div className="staff-form-grid">
          <TextInput
            id="site-lat"
            label={t('staffModules.lat')}
            error={err['lat']}
            kind="decimal"
            required
            value={form.lat}
            onChange={set('lat')}
          />
          <TextInput
            id="site-lon"
            label={t('staffModules.lon')}
            error={err['lon']}
            kind="decimal"
            required
            value={form.lon}
            onChange={set('lon')}
          />
        </div>
        {text('entrances', 'text', { multiline: true, hint: f('entrancesHint') })}
      </fieldset>

      <fieldset className="staff-form-group">
        <legend>{f('capacityGroup')}</legend>
        <div className="staff-form-grid">
          {text('capacity', 'number', { required: true })}
          {text('accessibleSpaces', 'number')}
          {text('evChargers', 'number')}
          {text('maxHeightCm', 'number')}
        </div>
        {check('capacityEstimated')}
      </fieldset>

      <fieldset className="staff-form-group">
        <legend>{f('access')}</legend>
        <div className="staff-form-grid">
          {text('openingHours', 'text', { hint: f('openingHoursHint') })}
          <SelectInput
            id="site-hasFee"
            label={f('hasFee')}
            error={err['hasFee']}
            value={form.hasFee}
            onChange={set('hasFee')}
            options={[
              { value: '', label: t('staffModules.unknown') },
              { value: 'yes', label: t('staffModules.yes') },
              { value: 'no', label: t('staffModules.no') },
            ]}
          />
        </div>
        {text('feeDescription', 'text', { multiline: true })}
      </fieldset>
    </RecordFormPage>
  );
}
