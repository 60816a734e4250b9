/**
 * /staff/vereine/:id — the entry of a club or institution, for its representatives (owners and
 * editors) and the city's community editors: every field of the entry, the logo, and (owners,
 * city) members and invitations. The verification is the city's and only shown here. Other staff
 * may look but not change (the API refuses them too).
 */
import { type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { DistrictOptions } from '../../../components/DistrictOptions';
import { Field } from '../../../components/Field';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useEditForm } from '../../../lib/useEditForm';
import { errorUnder } from '../../../lib/useSubmit';
import { TextInput } from '../../staff/shared/inputs';
import { ReadOnlyNotice } from '../../staff/shared/notes';
import { StaffSubNav } from '../../staff/shared/StaffSubNav';
import { LogoSection } from './LogoSection';
import { MembersSection } from './MembersSection';
import {
  emptyOrganisationForm,
  filledLinks,
  organisationToBody,
  organisationToForm,
  type OrganisationForm,
} from './organisationForm';
import { BackToStaffHome, CategoryOptions, managePath, NOTICE_BOARD_PATH, VerifiedState } from './shared';
import type { ManagedOrganisation } from './types';
import { useRepresentation } from './useRepresentation';

export default function ManageOrganisationPage() {
  const { t } = useTranslation();
  const { id: param } = useParams();
  const id = /^\d+$/.test(param ?? '') ? Number(param) : null;
  const edit = useEditForm<ManagedOrganisation, OrganisationForm>(
    id === null ? null : `/api/community/organisations/${id}`,
    emptyOrganisationForm,
    organisationToForm,
    t('staffModules.saved'),
    { nestedFields: true },
  );
  const { record, form, setForm, done, setDone, submit } = edit;
  const { me, cityEditor, roleIn } = useRepresentation();
  const organisation = record.data;
  useDocumentTitle(organisation ? t('community.manage.title', { name: organisation.name }) : t('community.manage.titleLoading'));

  if (!organisation) {
    const missing = id === null || (record.error instanceof ApiError && record.error.status === 404);
    return (
      <div className="page">
        <BackToStaffHome />
        <h1>{t('community.manage.titleLoading')}</h1>
        {missing ? <p>{t('community.manage.notFound')}</p> : record.error ? <ErrorNotice error={record.error} /> : <Loading />}
      </div>
    );
  }

  const organisationId = organisation.id;
  const role = roleIn(organisationId);
  const canEdit = cityEditor || role !== undefined;
  const canManage = cityEditor || role === 'owner';
  const err = submit.fieldErrors;
  const set = (key: Exclude<keyof OrganisationForm, 'links'>) => (value: string) => setForm({ ...form, [key]: value });
  const optional = (key: string) => t('staffModules.optional', { label: t(`community.manage.field.${key}`) });
  // One labelled input per text field; the id names the field, errors at it and below it show there.
  const text = (
    key: Exclude<keyof OrganisationForm, 'links'>,
    errorKey: string,
    kind: 'text' | 'email' | 'url' | 'decimal' = 'text',
    extra: { multiline?: boolean; required?: boolean; hint?: string } = {},
  ) => (
    <TextInput
      id={`org-${key}`}
      label={extra.required ? t(`community.manage.field.${key}`) : optional(key)}
      hint={extra.hint}
      error={errorUnder(err, errorKey)}
      kind={kind}
      required={extra.required ?? false}
      multiline={extra.multiline ?? false}
      value={form[key]}
      onChange={set(key)}
    />
  );

  function setLink(index: number, part: 'label' | 'url', value: string) {
    setForm({ ...form, links: form.links.map((l, i) => (i === index ? { ...l, [part]: value } : l)) });
  }
  function addLink() {
    setForm({ ...form, links: [...form.links, { label: '', url: '' }] });
    // The new row's first input, once rendered.
    requestAnimationFrame(() => document.getElementById(`org-link-${form.links.length}-label`)?.focus());
  }
  function removeLink(index: number) {
    setForm({ ...form, links: form.links.filter((_, i) => i !== index) });
    document.getElementById('org-link-add')?.focus();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    // Indexes of the server's link errors ("links.1.url") must match the rows on screen.
    const next = { ...form, links: filledLinks(form.links) };
    setForm(next);
    const prepared = organisationToBody(next, t('community.manage.coordinatesIncomplete'));
    if ('fieldErrors' in prepared) {
      submit.setFieldErrors(prepared.fieldErrors);
      return;
    }
    const ok = await submit.run(async () => {
      await api(`/api/community/organisations/${organisationId}`, { method: 'PATCH', body: prepared.body });
    });
    if (ok) {
      setDone(t('staffModules.saved'));
      record.reload();
    }
  }

  return (
    <div className="page">
      <BackToStaffHome />
      <h1>{t('community.manage.title', { name: organisation.name })}</h1>
      <VerifiedState verified={organisation.verified} />
      <StaffSubNav
        label={t('community.manage.related')}
        links={[
          {
            to: `/vereine/${organisation.slug}`,
            text: organisation.verified ? t('community.manage.publicPage') : t('community.manage.preview'),
          },
          { to: `${managePath(organisationId)}/termine`, text: t('community.manage.events') },
          { to: NOTICE_BOARD_PATH, text: t('community.notices.title') },
        ]}
      />
      {me.loading ? <Loading /> : null}
      {!me.loading && !canEdit ? <ReadOnlyNotice module="community" /> : null}

      <section aria-labelledby="org-entry">
        <h2 id="org-entry">{t('community.manage.entry')}</h2>
        {canEdit ? (
          <form onSubmit={(e) => void onSubmit(e)} noValidate>
            <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
            <fieldset className="staff-form-group">
              <legend>{t('community.manage.group.basics')}</legend>
              {text('name', 'name', 'text', { required: true })}
              <Field id="org-category" label={t('community.manage.field.category')} error={err['category']}>
                {(c) => (
                  <select {...c} required value={form.category} onChange={(e) => set('category')(e.target.value)}>
                    <CategoryOptions />
                  </select>
                )}
              </Field>
              {text('description', 'description', 'text', { multiline: true, hint: t('community.manage.hint.description') })}
            </fieldset>

            <fieldset className="staff-form-group">
              <legend>{t('community.manage.group.place')}</legend>
              <div className="staff-form-grid">
                <Field id="org-district" label={optional('district')} error={err['district']}>
                  {(c) => (
                    <select {...c} value={form.district} onChange={(e) => set('district')(e.target.value)}>
                      <option value="">{t('community.manage.noDistrict')}</option>
                      <DistrictOptions />
                    </select>
                  )}
                </Field>
                {text('address', 'address')}
              </div>
              <p className="field__hint">{t('community.manage.hint.location')}</p>
              <div className="staff-form-grid">
                <TextInput
                  id="org-lat"
                  label={optional('lat')}
                  error={[err['location'], errorUnder(err, 'location.lat')].filter(Boolean).join('; ') || undefined}
                  kind="decimal"
                  value={form.lat}
                  onChange={set('lat')}
                />
                {text('lon', 'location.lon', 'decimal')}
              </div>
            </fieldset>

            <fieldset className="staff-form-group">
              <legend>{t('community.manage.group.publicContact')}</legend>
              <p className="field__hint">{t('community.manage.hint.publicContact')}</p>
              <div className="staff-form-grid">
                {text('publicEmail', 'publicContact.email', 'email')}
                {text('publicPhone', 'publicContact.phone')}
                {text('publicWebsite', 'publicContact.website', 'url', { hint: t('community.manage.hint.url') })}
              </div>
            </fieldset>

            <fieldset className="staff-form-group">
              <legend>{t('community.manage.group.internalContact')}</legend>
              <p className="field__hint">{t('community.manage.hint.internalContact')}</p>
              <div className="staff-form-grid">
                {text('internalName', 'internalContact.name')}
                {text('internalEmail', 'internalContact.email', 'email')}
                {text('internalPhone', 'internalContact.phone')}
              </div>
            </fieldset>

            <fieldset className="staff-form-group">
              <legend>{t('community.manage.group.details')}</legend>
              {text('openingTimes', 'openingTimes', 'text', { multiline: true })}
              {text('accessibility', 'accessibility', 'text', {
                multiline: true,
                hint: t('community.manage.hint.accessibility'),
              })}
              {text('membershipFees', 'membershipFees', 'text', { multiline: true })}
              {text('languages', 'languages', 'text', { hint: t('community.manage.hint.languages') })}
            </fieldset>

            <fieldset className="staff-form-group">
              <legend>{t('community.manage.group.links')}</legend>
              {err['links'] ? <p className="field__error">{err['links']}</p> : null}
              {form.links.length ? null : <p>{t('community.manage.noLinks')}</p>}
              <ol className="community-link-rows">
                {form.links.map((link, i) => (
                  <li key={i}>
                    <div className="staff-form-grid">
                      <TextInput
                        id={`org-link-${i}-label`}
                        label={t('community.manage.linkLabel', { n: i + 1 })}
                        error={err[`links.${i}.label`] ?? err[`links.${i}`]}
                        required
                        value={link.label}
                        onChange={(v) => setLink(i, 'label', v)}
                      />
                      <TextInput
                        id={`org-link-${i}-url`}
                        label={t('community.manage.linkUrl', { n: i + 1 })}
                        hint={t('community.manage.hint.url')}
                        error={err[`links.${i}.url`]}
                        kind="url"
                        required
                        value={link.url}
                        onChange={(v) => setLink(i, 'url', v)}
                      />
                    </div>
                    <p>
                      <button type="button" className="button button--secondary button--small" onClick={() => removeLink(i)}>
                        {t('community.manage.removeLink', { n: i + 1 })}
                      </button>
                    </p>
                  </li>
                ))}
              </ol>
              <p>
                <button id="org-link-add" type="button" className="button button--secondary" onClick={addLink}>
                  {t('community.manage.addLink')}
                </button>
              </p>
            </fieldset>

            <p className="actions">
              <SubmitButton pending={submit.pending}>{t('staffModules.save')}</SubmitButton>
            </p>
            <StatusNotice>{done || null}</StatusNotice>
          </form>
        ) : null}
      </section>

      <LogoSection organisation={organisation} canEdit={canEdit} onChanged={record.reload} />
      {me.data ? <MembersSection organisationId={organisation.id} canManage={canManage} ownId={me.data.account.id} /> : null}
    </div>
  );
}
