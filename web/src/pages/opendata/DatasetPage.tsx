/**
 * One dataset: metadata in the visitor's language, licence with attribution, a preview table of the
 * first rows, a map of point data (with the table of its points beside it), a download button per
 * distribution (counted per file and day, nothing about the visitor), a curl example and the links
 * to the machine-readable representations.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { MapView, type MapFeature } from '../../components/map/MapView';
import { ErrorNotice } from '../../components/Notice';
import { formatDate, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { loadPoints, loadPreview, type Preview } from './preview';
import type { Ckan, CkanPackage, Dataset, Distribution } from './types';
import './i18n';
import './opendata.css';

const PREVIEW_ROWS = 10;

/** Same-host distributions can be previewed (the CSP allows no other host); their path is what we fetch. */
const localPath = (d: Distribution) => {
  const url = new URL(d.url);
  return url.origin === new URL(d.downloadUrl).origin ? url.pathname + url.search : null;
};

/** The counting download route is always this platform's own: linked by path, so it works under any host name. */
const sitePath = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

function PreviewTable({ preview, caption }: { preview: Preview; caption: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {preview.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function DatasetPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const dataset = useApi<Dataset>(`/api/opendata/datasets/${encodeURIComponent(slug)}`);
  const ckan = useApi<Ckan<CkanPackage>>(`/api/3/action/package_show?id=${encodeURIComponent(slug)}`);
  const d = dataset.data;
  useDocumentTitle(d?.title[lang] ?? t('opendata.title'));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [points, setPoints] = useState<MapFeature[] | null>(null);

  const files = d?.distributions.filter((x) => !x.isService) ?? [];
  const previewable = ['CSV', 'JSON', 'GEOJSON'].map((f) => files.find((x) => x.format === f && localPath(x))).find(Boolean);
  const geo = files.find((x) => x.format === 'GEOJSON' && localPath(x));
  const csv = files.find((x) => x.format === 'CSV') ?? files[0];

  useEffect(() => {
    setPreview(null);
    if (!previewable) return;
    const abort = new AbortController();
    loadPreview(localPath(previewable)!, previewable.format, PREVIEW_ROWS, abort.signal).then(setPreview, () => setPreview(null));
    return () => abort.abort();
  }, [previewable?.url]);

  useEffect(() => {
    setPoints(null);
    if (!geo) return;
    const abort = new AbortController();
    loadPoints(localPath(geo)!, abort.signal).then(setPoints, () => setPoints(null));
    return () => abort.abort();
  }, [geo?.url]);

  if (dataset.error) return <ErrorNotice error={dataset.error} />;
  if (!d) return null;
  const pkg = ckan.data?.result;
  const title = d.title[lang];
  const curl = csv ? `curl -L "${csv.url}"` : `curl -H "Accept: text/turtle" "${d.uri}"`;
  const temporal = [
    d.temporal.start && t('opendata.dataset.from', { date: formatDate(d.temporal.start) }),
    d.temporal.end && t('opendata.dataset.until', { date: formatDate(d.temporal.end) }),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="page opendata">
      <p>
        <Link to="/opendata">{t('opendata.dataset.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{d.description[lang]}</p>
      {d.governance.overdue ? (
        <p className="notice notice--info" role="note">
          {t('opendata.dataset.overdue')}
        </p>
      ) : null}

      <section aria-labelledby="od-downloads">
        <h2 id="od-downloads">{t('opendata.dataset.distributions')}</h2>
        <ul className="opendata__downloads">
          {d.distributions.map((x) => (
            <li key={x.id}>
              <a className="button" href={sitePath(x.downloadUrl)}>
                {x.isService ? t('opendata.dataset.openApi') : t('opendata.dataset.download', { format: x.format })}
              </a>{' '}
              <span>{x.title[lang]}</span>
              {x.isService ? null : (
                <span>
                  {' — '}
                  {t('opendata.dataset.fileDownloads', { count: x.downloads ?? 0, formatted: formatNumber(x.downloads ?? 0) })}
                </span>
              )}
            </li>
          ))}
        </ul>
        <p>
          {t('opendata.dataset.downloads')}: {formatNumber(d.downloads ?? 0)}. {t('opendata.dataset.downloadsNote')}
        </p>
      </section>

      <section aria-labelledby="od-preview">
        <h2 id="od-preview">{t('opendata.dataset.preview')}</h2>
        {preview ? (
          <PreviewTable preview={preview} caption={t('opendata.dataset.previewCaption', { count: preview.rows.length, title })} />
        ) : (
          <p>{previewable ? '…' : t('opendata.dataset.previewNone')}</p>
        )}
      </section>

      {points?.length ? (
        <section aria-labelledby="od-map">
          <h2 id="od-map">{t('opendata.dataset.map')}</h2>
          <MapView
            label={t('opendata.dataset.mapCaption', { title })}
            features={points}
            alternative={
              <PreviewTable
                caption={t('opendata.dataset.mapCaption', { title })}
                preview={{
                  columns: ['#', 'name', 'lon', 'lat'],
                  rows: points.map((p, i) => [String(i + 1), p.label, String(p.lng), String(p.lat)]),
                }}
              />
            }
          />
        </section>
      ) : null}

      <section aria-labelledby="od-meta">
        <h2 id="od-meta">{t('opendata.dataset.metadata')}</h2>
        <dl className="opendata__facts">
          <dt>{t('opendata.dataset.publisher')}</dt>
          <dd>{pkg?.organization?.title ?? '…'}</dd>
          <dt>{t('opendata.dataset.contact')}</dt>
          <dd>
            {pkg?.maintainer ?? '…'}
            {pkg?.maintainer_email ? (
              <>
                {' '}
                (<a href={`mailto:${pkg.maintainer_email}`}>{pkg.maintainer_email}</a>)
              </>
            ) : null}
          </dd>
          <dt>{t('opendata.dataset.licence')}</dt>
          <dd>
            <a href={d.licenceUri}>{pkg?.license_title ?? d.licence}</a>
          </dd>
          <dt>{t('opendata.dataset.attribution')}</dt>
          <dd>{d.attributionText}</dd>
          <dt>{t('opendata.dataset.frequency')}</dt>
          <dd>{t(`opendata.frequency.${d.accrualPeriodicity}`, d.accrualPeriodicity)}</dd>
          {temporal ? (
            <>
              <dt>{t('opendata.dataset.temporal')}</dt>
              <dd>{temporal}</dd>
            </>
          ) : null}
          <dt>{t('opendata.dataset.spatial')}</dt>
          <dd>{d.bbox ? d.bbox.join(', ') : t('opendata.dataset.spatialCity')}</dd>
          <dt>{t('opendata.dataset.themes')}</dt>
          <dd>{d.themes.map((x) => t(`opendata.themes.${x.toLowerCase()}`, x)).join(', ')}</dd>
          <dt>{t('opendata.dataset.keywords')}</dt>
          <dd>{d.keywords.join(', ')}</dd>
          <dt>{t('opendata.dataset.issued')}</dt>
          <dd>{formatDate(d.issued)}</dd>
          <dt>{t('opendata.dataset.modified')}</dt>
          <dd>{formatDate(d.modified)}</dd>
        </dl>
      </section>

      <section aria-labelledby="od-api">
        <h2 id="od-api">{t('opendata.dataset.api')}</h2>
        <pre className="opendata__code">
          <code>{curl}</code>
        </pre>
        <CopyButton text={curl} label={t('opendata.dataset.copy')} />
        <p>
          <Trans
            i18nKey="opendata.dataset.representations"
            components={[
              <a href={`/api/opendata/datasets/${d.slug}.ttl`} />,
              <a href={`/api/opendata/datasets/${d.slug}.rdf`} />,
              <a href={`/api/opendata/datasets/${d.slug}.jsonld`} />,
              <a href={`/api/3/action/package_show?id=${d.slug}`} />,
            ]}
          />
        </p>
      </section>
    </div>
  );
}
