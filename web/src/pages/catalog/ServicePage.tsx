/** One service: status, how to apply online, payment methods, catalogue links and history. */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { CatalogNav, DemoNotice, StatusBadge } from './shared';
import type { HistoryItem, Service, Status } from './types';

function changeText(t: (key: string, o?: Record<string, unknown>) => string, h: HistoryItem): string {
  if (h.status === null) return t('catalog.service.removed');
  const status = h.changes['status'];
  if (status) {
    const from = status.from ? t(`catalog.status.${String(status.from)}`) : null;
    return `${from ? `${from} → ` : ''}${t(`catalog.status.${h.status}`)}`;
  }
  return Object.keys(h.changes).join(', ');
}

export default function ServicePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const service = useApi<Service>(`/api/catalog/services/${encodeURIComponent(id ?? '')}`);
  const history = useApi<{ items: HistoryItem[] }>(`/api/catalog/services/${encodeURIComponent(id ?? '')}/history`);
  const s = service.data;
  useDocumentTitle(s?.name ?? t('catalog.title'));

  if (service.error instanceof ApiError && service.error.status === 404) {
    return (
      <div className="page">
        <h1>{t('catalog.service.notFound')}</h1>
        <p>
          <Link to="/verwaltungsleistungen">{t('catalog.service.back')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <p>
        <Link to="/verwaltungsleistungen">{t('catalog.service.back')}</Link>
      </p>
      <ErrorNotice error={service.error} />
      {!s ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <article aria-labelledby="service-title">
          <h1 id="service-title">{s.name}</h1>
          <CatalogNav />
          <DemoNotice show={s.demo} />
          <p>
            <StatusBadge status={s.status} />{' '}
            {s.listed ? t('catalog.service.since', { date: formatDate(s.statusSince) }) : t('catalog.service.merged')}
          </p>
          {s.description ? <p>{s.description}</p> : null}

          <section aria-labelledby="apply-title">
            <h2 id="apply-title">{t('catalog.service.applyTitle')}</h2>
            {s.status === 'online' && s.onlineUrl ? (
              <p>
                <a className="button" href={s.onlineUrl} rel="noopener noreferrer">
                  {t('catalog.service.applyLink')}
                </a>
              </p>
            ) : (
              <p>{t('catalog.service.notOnline')}</p>
            )}
            {s.status !== 'online' && s.plannedGoLive ? (
              <p>{t('catalog.service.plannedGoLive', { date: formatDate(s.plannedGoLive) })}</p>
            ) : null}
            {s.status === 'nicht_online' && s.reasonNotOnline ? (
              <>
                <h3>{t('catalog.service.reason')}</h3>
                <p>{s.reasonNotOnline}</p>
              </>
            ) : null}
          </section>

          <section aria-labelledby="payment-title">
            <h2 id="payment-title">{t('catalog.service.paymentTitle')}</h2>
            {s.epaybl && s.paymentMethods.length ? (
              <>
                <p>{t('catalog.service.epaybl')}</p>
                <ul>
                  {s.paymentMethods.map((m) => (
                    <li key={m}>{t(`catalog.payment.${m}`, { defaultValue: m })}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('catalog.service.noPayment')}</p>
            )}
          </section>

          <section aria-labelledby="details-title">
            <h2 id="details-title">{t('catalog.service.detailsTitle')}</h2>
            <dl className="meta-list">
              {s.office ? (
                <>
                  <dt>{t('catalog.service.office')}</dt>
                  <dd>{s.office}</dd>
                </>
              ) : null}
              {s.ozg ? (
                <>
                  <dt>{t('catalog.service.ozg')}</dt>
                  <dd>
                    {s.ozg.id} {s.ozg.name}
                  </dd>
                </>
              ) : null}
              {s.leika ? (
                <>
                  <dt>{t('catalog.service.leika')}</dt>
                  <dd>
                    {s.leika.key} {s.leika.name}
                  </dd>
                </>
              ) : null}
              {s.local ? (
                <>
                  <dt>{t('catalog.service.ozg')}</dt>
                  <dd>{t('catalog.service.local')}</dd>
                </>
              ) : null}
              {s.themenfeld ? (
                <>
                  <dt>{t('catalog.service.themenfeld')}</dt>
                  <dd>{[s.themenfeld.name, s.lebenslage?.name].filter(Boolean).join(' / ')}</dd>
                </>
              ) : null}
              {s.efa ? (
                <>
                  <dt>{t('catalog.service.efa')}</dt>
                  <dd>
                    {s.efaProviderState ? t('catalog.service.efaProvider', { state: s.efaProviderState }) : t('common.yes')}
                  </dd>
                </>
              ) : null}
              {s.maturityLevel !== null ? (
                <>
                  <dt>{t('catalog.service.maturity')}</dt>
                  <dd>
                    {s.maturityLevel}
                    {s.maturityModel ? ` (Reifegradmodell ${s.maturityModel})` : ''}
                  </dd>
                </>
              ) : null}
              {s.rolloutProject ? (
                <>
                  <dt>{t('catalog.service.rollout')}</dt>
                  <dd>{s.rolloutProject}</dd>
                </>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('catalog.service.historyTitle')}</h2>
            <ErrorNotice error={history.error} />
            <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
              <table>
                <caption id="history-caption">{t('catalog.service.historyCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('catalog.service.effective')}</th>
                    <th scope="col">{t('catalog.search.status')}</th>
                    <th scope="col">{t('catalog.service.change')}</th>
                    <th scope="col">{t('catalog.service.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data?.items.map((h) => (
                    <tr key={h.id}>
                      <td>
                        <time dateTime={h.effectiveDate}>{formatDate(h.effectiveDate)}</time>
                      </td>
                      <td>
                        <StatusBadge status={h.status as Status | null} />
                      </td>
                      <td>{changeText(t, h)}</td>
                      <td>{h.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </article>
      )}
    </div>
  );
}
