/**
 * Create a container (/staff/abfall/neu) or change one (/staff/abfall/:id): kind, construction,
 * volume, location, threshold, pickup interval and the LoRaWAN sensor (DevEUI, decoder, depth).
 * Creating also creates its SensorThings Thing; the server audits every change.
 */
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../shared/inputs';
import { RecordFormPage } from '../shared/RecordFormPage';
import { useRecordForm } from '../shared/useRecordForm';
import { containerToBody, containerToForm, emptyContainer, type ContainerForm } from './containerForm';
import { DistrictSelect, KindSelect } from './fields';
import { CATEGORIES, DECODERS, type Container } from './types';
import { WASTE_PATH, WasteNav } from './WasteAdminRoutes';

export default function ContainerEditPage() {
  const { t } = useTranslation();
  const state = useRecordForm<Container, ContainerForm>({
    apiPath: '/api/waste/containers',
    staffPath: WASTE_PATH,
    empty: emptyContainer,
    texts: 'wasteStaff.form',
    idPrefix: 'container',
    toForm: containerToForm,
  });
  const { form, set, save, creating, text, check, label: f } = state;
  const err = state.submit.fieldErrors;
  const opt = (key: string) => t('staffModules.optional', { label: f(key) });

  return (
    <RecordFormPage
      state={state}
      nav={<WasteNav />}
      module="waste"
      onSubmit={(e) => void save(e, () => ({ body: containerToBody(form, creating) }))}
    >
      <fieldset className="staff-form-group">
        <legend>{f('basics')}</legend>
        <div className="staff-form-grid">
          {creating ? text('uid', 'text', { hint: f('uidHint'), label: opt('uid') }) : null}
          {text('name', 'text', { required: true })}
          <KindSelect id="container-kind" label={f('kind')} error={err['kind']} value={form.kind} onChange={set('kind')} />
          <SelectInput
            id="container-category"
            label={f('category')}
            error={err['category']}
            value={form.category}
            onChange={set('category')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`wasteStaff.category.${c}`) }))}
          />
          {text('volumeL', 'number', { required: true })}
        </div>
        {check('simulated')}
      </fieldset>

      <fieldset className="staff-form-group">
        <legend>{f('place')}</legend>
        <div className="staff-form-grid">
          <DistrictSelect
            id="container-district"
            label={opt('district')}
            emptyLabel={f('noDistrict')}
            error={err['district']}
            value={form.district}
            onChange={set('district')}
          />
          {text('address', 'text')}
          {text('lat', 'decimal', { required: true, label: t('staffModules.lat'), hint: t('staffModules.coordHint') })}
          {text('lon', 'decimal', { required: true, label: t('staffModules.lon') })}
        </div>
      </fieldset>

      <fieldset className="staff-form-group">
        <legend>{f('pickup')}</legend>
        <div className="staff-form-grid">
          {text('thresholdPct', 'number', { hint: f('thresholdHint') })}
          {text('pickupIntervalDays', 'number')}
        </div>
      </fieldset>

      <fieldset className="staff-form-group">
        <legend>{f('sensor')}</legend>
        <div className="staff-form-grid">
          {text('devEui', 'text', { hint: f('devEuiHint') })}
          <SelectInput
            id="container-decoder"
            label={opt('decoder')}
            error={err['decoder']}
            value={form.decoder}
            onChange={set('decoder')}
            options={[{ value: '', label: f('noDecoder') }, ...DECODERS.map((d) => ({ value: d, label: d }))]}
          />
          {text('sensorDepthMm', 'number', { hint: f('sensorDepthHint') })}
        </div>
      </fieldset>
    </RecordFormPage>
  );
}
