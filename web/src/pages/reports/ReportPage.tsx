/**
 * One report: status, the city's public status notes, released photos, category, dates and the
 * place on a map (with the address and coordinates written beside it). Open reports can be supported.
 */
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDistrictName } from '../../components/DistrictOptions';
import { MapView } from '../../components/map/MapView';
import { ErrorNotice, Loading } from '../../components/Notice';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DemoNotice, photoPaths, ReportsNav, STATUS_STYLE, StatusBadge, useCategoryName } from './shared';
import { SupportBox } from './SupportBox';
import type { ServiceRequest } from './types';

export default function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const valid = /^\d{1,15}$/.test(id);
  const { data, error, loading } = useApi<ServiceRequest[]>(valid ? `/open311/v2/requests/${id}.json?extensions=true` : null);
  const nameOf = useCategoryName();
  const report = data?.[0] && { ...data[0], service_name: nameOf(data[0].service_code, data[0].service_name) };
  useDocumentTitle(report ? t('reports.detail.title', { id, category: report.service_name }) : t('reports.title'));

  if (!valid || (error && !report)) {
    return (
      <div className="page">
        <h1>{t('reports.title')}</h1>
        <ReportsNav />
        {valid && !(error instanceof ApiError && error.status === 404) ? (
          <ErrorNotice error={error} />
        ) : (
          <p>{t('reports.detail.notFound')}</p>
        )}
      </div>
    );
  }
  // A reload keeps showing the report; only another report's data (or none) waits for the answer.
  if (!report || (loading && String(report.service_request_id) !== id)) {
    return (
      <div className="page">
        <h1>{t('reports.title')}</h1>
        <Loading />
      </div>
    );
  }
  return <ReportView report={report} />;
}

function ReportView({ report }: { report: ServiceRequest }) {
  const { t } = useTranslation();
  const districtName = useDistrictName();
  const historyId = useId();
  const ext = report.extended_attributes;
  const id = report.service_request_id;
  const status = ext?.detailed_status ?? 'new';
  const media = ext?.media_urls ?? (report.media_url ? [report.media_url] : []);
  const ownPhotos = media.flatMap((url) => photoPaths(url) ?? []);
  const external = media.filter((url) => !photoPaths(url));
  const location = report.lat !== null && report.long !== null ? { lat: report.lat, lng: report.long } : null;

  const facts = (
    <dl className="report-facts">
      <dt>{t('reports.detail.status')}</dt>
      <dd>
        <StatusBadge status={status} />
      </dd>
      <dt>{t('reports.detail.category')}</dt>
      <dd>{report.service_name}</dd>
      <dt>{t('reports.detail.reported')}</dt>
      <dd>{formatDateTime(report.requested_datetime)}</dd>
      <dt>{t('reports.detail.updated')}</dt>
      <dd>{formatDateTime(report.updated_datetime)}</dd>
      {report.agency_responsible ? (
        <>
          <dt>{t('reports.detail.office')}</dt>
          <dd>{report.agency_responsible}</dd>
        </>
      ) : null}
      {ext?.district ? (
        <>
          <dt>{t('reports.detail.district')}</dt>
          <dd>{districtName(ext.district)}</dd>
        </>
      ) : null}
      {report.address ? (
        <>
          <dt>{t('reports.detail.address')}</dt>
          <dd>{report.address}</dd>
        </>
      ) : null}
      {location ? (
        <>
          <dt>{t('reports.detail.coordinates')}</dt>
          <dd>
            {location.lat}, {location.lng}
          </dd>
        </>
      ) : null}
      <dt>{t('reports.detail.supporters')}</dt>
      <dd>{t('reports.detail.supportersValue', { count: ext?.supporters ?? 0 })}</dd>
      {ext?.duplicate_of ? (
        <>
          <dt>{t('reports.detail.duplicateOf')}</dt>
          <dd>
            <Link to={`/schadensmelder/${ext.duplicate_of}`}>{ext.duplicate_of}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );

  return (
    <div className="page">
      <p>
        <Link to="/schadensmelder">{t('reports.detail.back')}</Link>
      </p>
      <h1>{t('reports.detail.title', { id, category: report.service_name })}</h1>
      <DemoNotice show={ext?.demo} />

      <section aria-labelledby="report-facts">
        <h2 id="report-facts">{t('reports.detail.facts')}</h2>
        {location ? (
          <MapView
            label={t('reports.detail.mapLabel', { id })}
            features={[
              { id, lat: location.lat, lng: location.lng, label: report.service_name, colour: STATUS_STYLE[status].colour },
            ]}
            selectedId={id}
            centre={location}
            zoom={16}
            alternative={facts}
          />
        ) : (
          facts
        )}
      </section>

      <section aria-labelledby="report-description">
        <h2 id="report-description">{t('reports.detail.description')}</h2>
        <p className="report-text">{report.description ?? t('reports.detail.descriptionHeld')}</p>
      </section>

      <section aria-labelledby="report-photos">
        <h2 id="report-photos">{t('reports.detail.photos')}</h2>
        {ownPhotos.length ? (
          <ul className="report-photos">
            {ownPhotos.map((p, i) => (
              <li key={p.full}>
                <a href={p.full}>
                  <img src={p.thumb} alt={t('reports.detail.photo', { n: i + 1, id })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('reports.detail.noPhotos')}</p>
        )}
        {external.map((url) => (
          <p key={url}>
            <a href={url} rel="noopener noreferrer nofollow">
              {t('reports.detail.externalMedia')}
            </a>
          </p>
        ))}
      </section>

      <section aria-labelledby={historyId}>
        <h2 id={historyId}>{t('reports.detail.history')}</h2>
        {ext?.notes.length ? (
          <ol className="report-history">
            {ext.notes.map((n, i) => (
              <li key={`${n.datetime}-${i}`}>
                <p>
                  <time dateTime={n.datetime}>{formatDate(n.datetime)}</time>
                  {n.status ? (
                    <>
                      {' '}
                      <StatusBadge status={n.status} />
                    </>
                  ) : null}
                </p>
                <p className="report-text">{n.description}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('reports.detail.noHistory')}</p>
        )}
      </section>

      {report.status === 'open' ? <SupportBox id={id} /> : null}

      <p className="meta">
        {t('reports.detail.open311')} <a href={`/open311/v2/requests/${id}.json?extensions=true`}>JSON</a>{' '}
        <a href={`/open311/v2/requests/${id}.xml?extensions=true`}>XML</a>
      </p>
    </div>
  );
}
