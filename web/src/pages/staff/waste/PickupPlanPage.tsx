/**
 * The pickup plan for a day: which containers to empty and in which order, filtered by kind and
 * district, from the city centre or a given depot; the same plan as CSV and GPX downloads. The
 * choices live in the address, so a plan can be bookmarked and the download links match the table.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatDate, formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { ModulePage } from '../shared/ModulePage';
import { DataTable } from '../shared/DataTable';
import { todayInBerlin } from '../shared/formValues';
import { TextInput } from '../shared/inputs';
import { SimulatedTag } from '../shared/notes';
import { DistrictSelect, KindSelect } from './fields';
import type { Plan } from './types';
import { WasteNav } from './WasteAdminRoutes';

const FIELDS = ['date', 'kind', 'district', 'depotLat', 'depotLon'] as const;
type Choice = Record<(typeof FIELDS)[number], string>;

export default function PickupPlanPage() {
  const { t } = useTranslation();
  const p = (key: string, o?: Record<string, unknown>) => t(`wasteStaff.plan.${key}`, o);
  const [params, setParams] = useSearchParams();
  const initial = Object.fromEntries(FIELDS.map((k) => [k, params.get(k) ?? ''])) as Choice;
  if (!initial.date) initial.date = todayInBerlin();
  const [choice, setChoice] = useState<Choice>(initial);
  const query = new URLSearchParams(
    Object.entries(initial)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim().replace(',', '.')]),
  );
  const plan = useApi<Plan>(`/api/waste/pickup-plan?${query.toString()}`);
  const set = (key: keyof Choice) => (value: string) => setChoice({ ...choice, [key]: value });
  // The query string names the field at fault ("query.depotLat"); show it beside that input.
  const fieldErrors = plan.error instanceof ApiError ? plan.error.fieldErrors() : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setParams(new URLSearchParams(Object.entries(choice).filter(([, v]) => v.trim() !== '')));
  }

  return (
    <ModulePage title={p('title')} nav={<WasteNav />} intro={p('intro')}>
      <form className="filters" onSubmit={onSubmit} noValidate>
        <div className="staff-form-grid">
          <TextInput
            id="plan-date"
            label={p('date')}
            kind="date"
            required
            error={fieldErrors['date']}
            value={choice.date}
            onChange={set('date')}
          />
          <KindSelect
            id="plan-kind"
            label={p('kind')}
            emptyLabel={t('wasteStaff.containers.allKinds')}
            error={fieldErrors['kind']}
            value={choice.kind}
            onChange={set('kind')}
          />
          <DistrictSelect
            id="plan-district"
            label={p('district')}
            emptyLabel={t('wasteStaff.containers.allDistricts')}
            error={fieldErrors['district']}
            value={choice.district}
            onChange={set('district')}
          />
          <TextInput
            id="plan-depotLat"
            label={t('staffModules.optional', { label: p('depotLat') })}
            hint={p('depotHint')}
            kind="decimal"
            error={fieldErrors['depotLat']}
            value={choice.depotLat}
            onChange={set('depotLat')}
          />
          <TextInput
            id="plan-depotLon"
            label={t('staffModules.optional', { label: p('depotLon') })}
            kind="decimal"
            error={fieldErrors['depotLon']}
            value={choice.depotLon}
            onChange={set('depotLon')}
          />
        </div>
        <p className="actions">
          <SubmitButton pending={plan.loading}>{p('show')}</SubmitButton>
        </p>
      </form>
      {plan.loading && !plan.data ? <Loading /> : null}
      <ErrorNotice error={plan.error} />
      {plan.data ? (
        <section aria-labelledby="plan-result">
          <h2 id="plan-result">
            {formatDate(plan.data.date)} <SimulatedTag simulated={plan.data.simulated} />
          </h2>
          <p>{p('summary', { count: plan.data.stops.length, km: formatNumber(plan.data.distanceKm) })}</p>
          <p>
            {p('download')} <a href={`/api/waste/pickup-plan.csv?${query.toString()}`}>{p('csv')}</a>,{' '}
            <a href={`/api/waste/pickup-plan.gpx?${query.toString()}`}>{p('gpx')}</a>
          </p>
          <DataTable
            id="waste-plan"
            caption={p('caption', { date: formatDate(plan.data.date) })}
            rows={plan.data.stops}
            rowKey={(s) => s.id}
            empty={p('empty')}
            columns={[
              { key: 'order', header: p('order'), numeric: true, cell: (s) => s.order },
              { key: 'name', header: p('name'), rowHeader: true, cell: (s) => s.name },
              {
                key: 'kind',
                header: t('wasteStaff.containers.kind'),
                cell: (s) => t(`wasteStaff.kind.${s.kind}`, { defaultValue: s.kind }),
              },
              { key: 'district', header: p('district'), cell: (s) => s.district ?? t('staffModules.none') },
              { key: 'address', header: p('address'), cell: (s) => s.address ?? t('staffModules.none') },
              { key: 'fill', header: p('fill'), numeric: true, cell: (s) => formatNumber(Math.round(s.fillPct)) },
              { key: 'predicted', header: p('predicted'), numeric: true, cell: (s) => formatNumber(Math.round(s.predictedPct)) },
              { key: 'reason', header: p('reason'), cell: (s) => p(`reasons.${s.reason}`, { defaultValue: s.reason }) },
              { key: 'nextRegular', header: p('nextRegular'), cell: (s) => formatDate(s.nextRegularPickup) },
            ]}
          />
        </section>
      ) : null}
    </ModulePage>
  );
}
