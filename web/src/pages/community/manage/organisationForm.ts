/**
 * The organisation form's text state ↔ the body of PATCH /api/community/organisations/:id. Every
 * field is sent, so emptied fields are cleared; contact parts left empty are left out, since the
 * API accepts only valid addresses there.
 */
import { numberOrText } from '../../staff/shared/formValues';
import type { Prepared } from '../../staff/shared/useRecordForm';
import type { ManagedOrganisation } from './types';

export interface LinkRow {
  label: string;
  url: string;
}

export interface OrganisationForm {
  name: string;
  category: string;
  description: string;
  district: string;
  address: string;
  lat: string;
  lon: string;
  publicEmail: string;
  publicPhone: string;
  publicWebsite: string;
  internalName: string;
  internalEmail: string;
  internalPhone: string;
  openingTimes: string;
  accessibility: string;
  membershipFees: string;
  /** Comma-separated. */
  languages: string;
  links: LinkRow[];
}

export const emptyOrganisationForm = (): OrganisationForm => ({
  name: '',
  category: '',
  description: '',
  district: '',
  address: '',
  lat: '',
  lon: '',
  publicEmail: '',
  publicPhone: '',
  publicWebsite: '',
  internalName: '',
  internalEmail: '',
  internalPhone: '',
  openingTimes: '',
  accessibility: '',
  membershipFees: '',
  languages: '',
  links: [],
});

export function organisationToForm(o: ManagedOrganisation): OrganisationForm {
  const internal = o.internalContact ?? {};
  return {
    name: o.name,
    category: o.category,
    description: o.description,
    district: o.district ?? '',
    address: o.address,
    lat: o.location ? String(o.location.lat) : '',
    lon: o.location ? String(o.location.lon) : '',
    publicEmail: o.publicContact.email ?? '',
    publicPhone: o.publicContact.phone ?? '',
    publicWebsite: o.publicContact.website ?? '',
    internalName: internal.name ?? '',
    internalEmail: internal.email ?? '',
    internalPhone: internal.phone ?? '',
    openingTimes: o.openingTimes,
    accessibility: o.accessibility,
    membershipFees: o.membershipFees,
    languages: o.languages.join(', '),
    links: o.links.map((l) => ({ ...l })),
  };
}

/** Link rows with anything typed in them; wholly empty rows are dropped before saving. */
export const filledLinks = (links: LinkRow[]) => links.filter((l) => l.label.trim() || l.url.trim());

const filled = (parts: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(parts)
      .map(([key, value]) => [key, value.trim()])
      .filter(([, value]) => value),
  );

/** The PATCH body, or the field error of an incomplete position (one coordinate without the other). */
export function organisationToBody(f: OrganisationForm, incompleteCoordinates: string): Prepared {
  const lat = f.lat.trim();
  const lon = f.lon.trim();
  if (Boolean(lat) !== Boolean(lon)) return { fieldErrors: { [lat ? 'location.lon' : 'location.lat']: incompleteCoordinates } };
  return {
    body: {
      name: f.name.trim(),
      category: f.category,
      description: f.description.trim(),
      district: f.district || null,
      address: f.address.trim(),
      // A text that is no number goes as it is, so the server's error names the input.
      location: lat ? { lat: numberOrText(lat), lon: numberOrText(lon) } : null,
      publicContact: filled({ email: f.publicEmail, phone: f.publicPhone, website: f.publicWebsite }),
      internalContact: filled({ name: f.internalName, email: f.internalEmail, phone: f.internalPhone }),
      openingTimes: f.openingTimes.trim(),
      accessibility: f.accessibility.trim(),
      membershipFees: f.membershipFees.trim(),
      languages: f.languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
      links: filledLinks(f.links).map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
    },
  };
}
