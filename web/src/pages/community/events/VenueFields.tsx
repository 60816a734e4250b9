/**
 * Where an event takes place: at the organisation's own place, at another organisation (whose
 * address and position the API uses), or at a place given by name, address, Stadtteil and an
 * optional position.
 */
import { useTranslation } from 'react-i18next';
import { DistrictOptions } from '../../../components/DistrictOptions';
import { Field } from '../../../components/Field';
import { useApi } from '../../../lib/useApi';
import { errorUnder } from '../../../lib/useSubmit';
import { TextInput } from '../../staff/shared/inputs';
import type { Organisation, Paged } from '../types';
import type { EventForm, VenueKind } from './eventForm';

type VenuePart = Pick<
  EventForm,
  'venueKind' | 'venueOrganisationId' | 'venueName' | 'venueAddress' | 'venueDistrict' | 'venueLat' | 'venueLon'
>;

interface Props {
  value: VenuePart;
  onChange: (patch: Partial<VenuePart>) => void;
  organisation: { id: number; name: string };
  errors: Record<string, string>;
}

const KINDS: VenueKind[] = ['own', 'organisation', 'place'];

export function VenueFields({ value: v, onChange, organisation, errors }: Props) {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`community.eventEditor.venue.${key}`, options);
  const optional = (key: string) => t('staffModules.optional', { label: tr(key) });
  // The list of organisations is loaded only when one is to be chosen.
  const others = useApi<Paged<Organisation>>(v.venueKind === 'organisation' ? '/api/community/organisations?limit=500' : null);

  return (
    <fieldset className="staff-form-group">
      <legend>{tr('legend')}</legend>
      <fieldset className="checkbox-group">
        <legend>{tr('kind')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name="event-venue-kind"
              checked={v.venueKind === kind}
              onChange={() => onChange({ venueKind: kind })}
            />
            {tr(`kinds.${kind}`, { name: organisation.name })}
          </label>
        ))}
      </fieldset>

      {v.venueKind === 'organisation' ? (
        <Field id="event-venue-organisation" label={tr('organisation')} error={errorUnder(errors, 'venue.organisationId')}>
          {(c) => (
            <select
              {...c}
              required
              value={v.venueOrganisationId}
              onChange={(e) => onChange({ venueOrganisationId: e.target.value })}
            >
              <option value="">{tr('choose')}</option>
              {others.data?.items
                .filter((o) => o.id !== organisation.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
      ) : null}

      {v.venueKind === 'place' ? (
        <>
          <TextInput
            id="event-venue-name"
            label={optional('name')}
            error={errors['venue.name']}
            value={v.venueName}
            onChange={(venueName) => onChange({ venueName })}
          />
          <div className="staff-form-grid">
            <TextInput
              id="event-venue-address"
              label={optional('address')}
              error={errors['venue.address']}
              value={v.venueAddress}
              onChange={(venueAddress) => onChange({ venueAddress })}
            />
            <Field id="event-venue-district" label={optional('district')} error={errors['venue.district']}>
              {(c) => (
                <select {...c} value={v.venueDistrict} onChange={(e) => onChange({ venueDistrict: e.target.value })}>
                  <option value="">{tr('noDistrict')}</option>
                  <DistrictOptions />
                </select>
              )}
            </Field>
          </div>
          <p className="field__hint">{tr('locationHint')}</p>
          <div className="staff-form-grid">
            <TextInput
              id="event-venue-lat"
              kind="decimal"
              label={optional('lat')}
              error={[errors['venue.location'], errorUnder(errors, 'venue.location.lat')].filter(Boolean).join('; ') || undefined}
              value={v.venueLat}
              onChange={(venueLat) => onChange({ venueLat })}
            />
            <TextInput
              id="event-venue-lon"
              kind="decimal"
              label={optional('lon')}
              error={errorUnder(errors, 'venue.location.lon')}
              value={v.venueLon}
              onChange={(venueLon) => onChange({ venueLon })}
            />
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
