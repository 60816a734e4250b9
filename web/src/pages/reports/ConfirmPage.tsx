/** Landing page of the e-mail confirmation link: confirms the address and says for which report. */
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client';
import { Loading } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import './i18n';

export default function ConfirmPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.confirm.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { data, error, loading } = useApi<{ id: string; confirmed: boolean }>(
    token ? `/api/reports/confirm${query({ token })}` : null,
  );
  return (
    <div className="page page--narrow">
      <h1>{t('reports.confirm.title')}</h1>
      {loading ? <Loading /> : null}
      {data ? (
        <div className="notice notice--success" role="status">
          <p>{t('reports.confirm.done', { id: data.id })}</p>
          <p>
            <Link to={`/schadensmelder/${data.id}`}>{t('reports.form.doneLink', { id: data.id })}</Link>
          </p>
        </div>
      ) : null}
      {!token || error ? (
        <p className="notice notice--error" role="alert">
          {t('reports.confirm.failed')}
        </p>
      ) : null}
    </div>
  );
}
