/**
 * Create a city service (/staff/verwaltungsleistungen/neu) or edit every field of one
 * (/staff/verwaltungsleistungen/:id). Changes take effect on the chosen date and land in the
 * service's history; the API's field errors appear beside their inputs.
 */
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useEditForm } from '../../../lib/useEditForm';
import { StatusBadge } from '../../catalog/shared';
import type { Facets, Service } from '../../catalog/types';
import { CatalogStaffNav } from './CatalogStaffNav';
import { ServiceFields } from './ServiceFields';
import { emptyService, fieldErrorsOf, formFromService, toBody, type ServiceFormState } from './serviceForm';
import './i18n';

export default function ServiceEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const creating = id === undefined;
  const navigate = useNavigate();
  const facets = useApi<Facets>('/api/catalog/facets');
  const {
    record: service,
    form,
    setForm,
    done,
    setDone,
    submit,
  } = useEditForm<Service, ServiceFormState>(
    creating ? null : `/api/catalog/services/${encodeURIComponent(id)}`,
    emptyService,
    formFromService,
    t('catalog.staff.form.saved'),
  );
  const title = creating
    ? t('catalog.staff.form.createTitle')
    : t('catalog.staff.form.editTitle', { name: service.data?.name ?? '' });
  useDocumentTitle(title);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    await submit.run(async () => {
      if (creating) {
        const created = await api<Service>('/api/catalog/services', { method: 'POST', body: toBody(form) });
        await navigate(`/staff/verwaltungsleistungen/${created.id}`, { state: { created: true } });
        return;
      }
      const before = service.data!.updatedAt;
      const saved = await api<Service>(`/api/catalog/services/${id}`, {
        method: 'PATCH',
        body: toBody(form, service.data!.status),
      });
      setDone(saved.updatedAt === before ? t('catalog.staff.form.unchanged') : t('catalog.staff.form.saved'));
      service.reload();
    });
  }

  // Field errors of this form are keyed like the API body; Ajv and the service name them the same way.
  const errors = { ...fieldErrorsOf(submit.error), ...submit.fieldErrors };
  const retired = service.data && service.data.status === null;

  return (
    <div className="page">
      <h1>{title}</h1>
      <CatalogStaffNav />
      {!creating && service.loading && !service.data ? <Loading /> : null}
      <ErrorNotice error={service.error} />
      {service.data ? (
        <p>
          <StatusBadge status={service.data.status} />{' '}
          <Link to={`/verwaltungsleistungen/${service.data.id}`}>{t('catalog.staff.form.publicPage')}</Link>
        </p>
      ) : null}
      {retired ? <p className="notice notice--info">{t('catalog.staff.form.retired')}</p> : null}
      {creating || (service.data && !retired) ? (
        <form className="service-form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <ErrorNotice error={submit.error} />
          <ServiceFields value={form} onChange={setForm} errors={errors} facets={facets.data} creating={creating} />
          <p className="actions">
            <SubmitButton pending={submit.pending}>
              {creating ? t('catalog.staff.form.create') : t('catalog.staff.form.save')}
            </SubmitButton>
          </p>
          <StatusNotice>{done}</StatusNotice>
        </form>
      ) : null}
    </div>
  );
}
