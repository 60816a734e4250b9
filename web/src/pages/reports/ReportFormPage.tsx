/**
 * Citizen reporting form (phone first): place, description, category (with an optional local
 * suggestion), the category's extra questions, up to three photos and an optional e-mail address.
 * Before sending, open reports of the same category nearby are offered for support instead.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { SubmitButton } from '../../components/SubmitButton';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSubmit } from '../../lib/useSubmit';
import { AttributeFields, type AttributeValues } from './AttributeFields';
import { LocationPicker, pinOf, type LocationValue } from './LocationPicker';
import { NearbyReports } from './NearbyReports';
import { PhotoPicker } from './PhotoPicker';
import { CategoryOptions, ReportsNav, useServices } from './shared';
import type { Service, ServiceDefinition, SubmitResult } from './types';

interface Suggestion {
  serviceCode: string;
  serviceName: string;
  probability: number;
}

/** Server field names → the form's: "media[1]" → "media"; attribute[CODE] stays. */
function formFieldErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const name = key.startsWith('media') ? 'media' : key;
    out[name] = out[name] ? `${out[name]} ${message}` : message;
  }
  return out;
}

export default function ReportFormPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.form.title'));
  const submit = useSubmit();
  const services = useServices();
  const [location, setLocation] = useState<LocationValue>({ lat: '', long: '', address: '' });
  const [serviceCode, setServiceCode] = useState('');
  const [description, setDescription] = useState('');
  const [attributes, setAttributes] = useState<AttributeValues>({});
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoError, setPhotoError] = useState<string | undefined>();
  const [email, setEmail] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [done, setDone] = useState<SubmitResult | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  const service = services.data?.find((s) => s.service_code === serviceCode);
  const definition = useApi<ServiceDefinition>(
    service?.metadata ? `/open311/v2/services/${encodeURIComponent(serviceCode)}.json` : null,
  );
  const pin = pinOf(location);
  const errors: Record<string, string> = { ...formFieldErrors(submit.fieldErrors), ...(photoError ? { media: photoError } : {}) };

  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  function validate(): Record<string, string> {
    const problems: Record<string, string> = {};
    const hasLat = location.lat.trim() !== '';
    const hasLong = location.long.trim() !== '';
    if (hasLat !== hasLong) problems[hasLat ? 'long' : 'lat'] = t('reports.form.coordsIncomplete');
    else if (hasLat && !pin) problems['lat'] = t('reports.form.coordsInvalid');
    else if (!hasLat && !location.address.trim()) problems['lat'] = t('reports.form.missingLocation');
    if (description.trim().length < 3) problems['description'] = t('reports.form.missingDescription');
    if (!serviceCode) problems['service_code'] = t('reports.form.missingCategory');
    return problems;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submit.pending) return;
    const problems = validate();
    if (Object.keys(problems).length) {
      submit.setFieldErrors(problems);
      return;
    }
    const form = new FormData();
    form.set('service_code', serviceCode);
    if (pin) {
      form.set('lat', String(pin.lat));
      form.set('long', String(pin.lng));
    }
    if (location.address.trim()) form.set('address_string', location.address.trim());
    form.set('description', description.trim());
    if (email.trim()) form.set('email', email.trim());
    form.set('website', honeypot.current?.value ?? '');
    for (const [code, value] of Object.entries(attributes)) {
      if (Array.isArray(value)) value.forEach((v) => form.append(`attribute[${code}][]`, v));
      else if (value) form.set(`attribute[${code}]`, value);
    }
    for (const photo of photos) form.append('media', photo, photo.name);
    await submit.run(async () => setDone(await api<SubmitResult>('/api/reports/requests', { method: 'POST', form })));
  }

  async function suggest() {
    if (description.trim().length < 3) {
      submit.setFieldErrors({ description: t('reports.form.missingDescription') });
      return;
    }
    const answer = await api<{ items: Suggestion[] }>('/api/reports/suggest', {
      method: 'POST',
      body: { description: description.trim() },
    }).catch(() => ({ items: [] }));
    setSuggestions(answer.items.slice(0, 3));
  }

  if (done) {
    return (
      <div className="page page--narrow">
        <h1>{t('reports.form.title')}</h1>
        <div className="notice notice--success" role="status">
          <h2 ref={doneHeading} tabIndex={-1}>
            {t('reports.form.doneTitle')}
          </h2>
          <p>{t('reports.form.doneNumber', { id: done.id })}</p>
          {done.serviceNotice ? <p>{done.serviceNotice}</p> : null}
          {email.trim() ? <p>{t('reports.form.doneEmail')}</p> : null}
          <p>
            <Link to={`/schadensmelder/${done.id}`}>{t('reports.form.doneLink', { id: done.id })}</Link>
          </p>
        </div>
        <p>
          <a href="/schadensmelder/melden">{t('reports.form.another')}</a>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <h1>{t('reports.form.title')}</h1>
      <ReportsNav />
      <p className="lead">{t('reports.form.intro')}</p>
      <ErrorNotice error={services.error} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <LocationPicker value={location} onChange={setLocation} errors={errors} />

        <Field
          id="report-description"
          label={t('reports.form.description')}
          hint={t('reports.form.descriptionHint')}
          error={errors['description']}
        >
          {(control) => (
            <textarea
              {...control}
              required
              rows={5}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>

        <Field
          id="report-category"
          label={t('reports.form.category')}
          hint={t('reports.form.categoryHelp')}
          error={errors['service_code']}
        >
          {(control) => (
            <select
              {...control}
              required
              value={serviceCode}
              onChange={(e) => {
                setServiceCode(e.target.value);
                setAttributes({});
              }}
            >
              <option value="">{t('reports.form.choose')}</option>
              <CategoryOptions services={services.data} />
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => void suggest()}>
            {t('reports.form.suggest')}
          </button>
        </div>
        <div aria-live="polite">
          {suggestions ? (
            suggestions.length ? (
              <div className="panel">
                <p>{t('reports.form.suggestions')}</p>
                <ul className="nearby-list">
                  {suggestions.map((s) => (
                    <li key={s.serviceCode}>
                      <button type="button" className="button button--link" onClick={() => setServiceCode(s.serviceCode)}>
                        {t('reports.form.useSuggestion', { name: services.nameOf(s.serviceCode, s.serviceName) })}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>{t('reports.form.noSuggestion')}</p>
            )
          ) : null}
        </div>

        <AttributeFields
          attributes={definition.data?.attributes ?? []}
          values={attributes}
          onChange={setAttributes}
          errors={errors}
        />

        <PhotoPicker files={photos} onChange={setPhotos} error={errors['media']} onError={setPhotoError} />

        <fieldset>
          <legend>{t('reports.form.contact')}</legend>
          <Field id="report-email" label={t('reports.form.email')} hint={t('reports.form.emailHint')} error={errors['email']}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="email"
                maxLength={254}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
        </fieldset>

        {/* Honeypot: hidden from people and assistive technology, not reachable by Tab. */}
        <div className="hp-field" aria-hidden="true">
          <label htmlFor="report-website">{t('reports.form.honeypot')}</label>
          <input ref={honeypot} id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        {serviceCode && pin ? (
          <NearbyReports serviceCode={serviceCode} at={pin} email={email.trim() || undefined} nameOf={services.nameOf} />
        ) : null}

        {Object.keys(errors).length ? <p className="field__error">{t('reports.form.fixErrors')}</p> : null}
        <ErrorNotice error={submit.error && !Object.keys(submit.fieldErrors).length ? submit.error : null} />
        <div className="actions">
          <SubmitButton pending={submit.pending}>{t('reports.form.submit')}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
