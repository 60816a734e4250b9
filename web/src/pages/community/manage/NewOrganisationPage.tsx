/**
 * /staff/vereine/neu — a logged-in representative (or a city editor) enters another club or
 * institution with POST /api/community/organisations. A representative becomes its owner; it stays
 * unpublished until the city has checked it. Then the management page takes over.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { basicsBody, EMPTY_BASICS, missingBasics, OrganisationBasicsFields } from './OrganisationBasicsFields';
import { BackToStaffHome, managePath } from './shared';
import '../i18n';

export default function NewOrganisationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('community.manage.create.title'));
  const navigate = useNavigate();
  const submit = useSubmit({ nestedFields: true });
  const [value, setValue] = useState(EMPTY_BASICS);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    const missing = missingBasics(value, '', t);
    if (Object.keys(missing).length) {
      submit.setFieldErrors(missing);
      return;
    }
    await submit.run(async () => {
      const created = await api<{ id: number }>('/api/community/organisations', { method: 'POST', body: basicsBody(value) });
      void navigate(managePath(created.id));
    });
  }

  return (
    <div className="page page--narrow">
      <BackToStaffHome />
      <h1>{t('community.manage.create.title')}</h1>
      <p className="lead">{t('community.manage.create.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNotice error={Object.keys(submit.fieldErrors).length ? null : submit.error} />
        <OrganisationBasicsFields idPrefix="new-organisation" value={value} onChange={setValue} errors={submit.fieldErrors} errorPrefix="" />
        <p className="actions">
          <SubmitButton pending={submit.pending}>{t('community.manage.create.submit')}</SubmitButton>
        </p>
      </form>
    </div>
  );
}
