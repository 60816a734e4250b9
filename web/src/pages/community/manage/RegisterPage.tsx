/**
 * /vereine/registrieren — a club or cultural institution registers itself and its first
 * representative (POST /api/community/register). The server answers 202 whatever the address, so
 * the form cannot reveal who has an account; the e-mail tells the truth, and the page only says
 * to look there. Field errors of the server (`body.organisation.name` …) sit at their inputs.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { basicsBody, EMPTY_BASICS, missingBasics, OrganisationBasicsFields } from './OrganisationBasicsFields';

const EMPTY = { email: '', displayName: '' };

export default function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('community.register.title'));
  const submit = useSubmit({ nestedFields: true });
  const [form, setForm] = useState(EMPTY);
  const [organisation, setOrganisation] = useState(EMPTY_BASICS);
  const [sentTo, setSentTo] = useState('');
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [key]: value });
  const err = submit.fieldErrors;

  useEffect(() => {
    if (sentTo) doneHeading.current?.focus();
  }, [sentTo]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    // Only what is missing is checked here; the format of the address is the server's to judge.
    const missing: Record<string, string> = {};
    if (!form.email.trim()) missing['email'] = t('community.register.missing.email');
    if (!form.displayName.trim()) missing['displayName'] = t('community.register.missing.displayName');
    Object.assign(missing, missingBasics(organisation, 'organisation.', t));
    if (Object.keys(missing).length) {
      submit.setFieldErrors(missing);
      return;
    }
    const email = form.email.trim();
    await submit.run(async () => {
      await api('/api/community/register', {
        method: 'POST',
        body: {
          email,
          displayName: form.displayName.trim(),
          organisation: basicsBody(organisation),
        },
      });
      setSentTo(email);
    });
  }

  if (sentTo) {
    return (
      <div className="page page--narrow">
        <h1>{t('community.register.title')}</h1>
        <div className="notice notice--success" role="status">
          <h2 ref={doneHeading} tabIndex={-1}>
            {t('community.register.doneTitle')}
          </h2>
          <p>{t('community.register.doneText', { email: sentTo })}</p>
          <p>{t('community.register.doneNext')}</p>
        </div>
        <p>
          <Link to="/vereine">{t('community.back')}</Link>
        </p>
      </div>
    );
  }

  const limited = submit.error instanceof ApiError && submit.error.status === 429;
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/vereine">{t('community.back')}</Link>
      </p>
      <h1>{t('community.register.title')}</h1>
      <p className="lead">{t('community.register.intro')}</p>
      <p>{t('community.register.steps')}</p>
      <p>
        {t('community.register.haveAccount')} <Link to="/staff/login">{t('community.register.login')}</Link>
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {limited ? (
          <p className="notice notice--error" role="alert">
            {t('community.register.tooMany')}
          </p>
        ) : (
          <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
        )}
        <fieldset className="staff-form-group">
          <legend>{t('community.register.you')}</legend>
          <Field
            id="register-email"
            label={t('community.register.email')}
            hint={t('community.register.emailHint')}
            error={err['email']}
          >
            {(c) => (
              <input
                {...c}
                type="email"
                autoComplete="email"
                required
                maxLength={254}
                value={form.email}
                onChange={(e) => set('email')(e.target.value)}
              />
            )}
          </Field>
          <Field id="register-displayName" label={t('community.register.displayName')} error={err['displayName']}>
            {(c) => (
              <input
                {...c}
                type="text"
                autoComplete="name"
                required
                maxLength={200}
                value={form.displayName}
                onChange={(e) => set('displayName')(e.target.value)}
              />
            )}
          </Field>
        </fieldset>
        <fieldset className="staff-form-group">
          <legend>{t('community.register.organisation')}</legend>
          <OrganisationBasicsFields idPrefix="register" value={organisation} onChange={setOrganisation} errors={err} errorPrefix="organisation." />
        </fieldset>
        <p className="field__hint">
          {t('community.register.privacy')} <Link to="/datenschutz">{t('community.register.privacyLink')}</Link>
        </p>
        <p className="actions">
          <SubmitButton pending={submit.pending}>{t('community.register.submit')}</SubmitButton>
        </p>
      </form>
    </div>
  );
}
