/**
 * Details of one dashboard tile (/dashboard/<tile>): a time range (presets or from/to with date and
 * time), an optional comparison with the previous period or the same period last year, the chart,
 * a table with exactly the chart's figures, the CSV of exactly that range, and the embed code.
 * Range and comparison live in the URL, so the address is a permalink of the view.
 */
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/Notice';
import { currentLanguage } from '../../i18n';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import NotFoundPage from '../public/NotFoundPage';
import './i18n';
import './detail.i18n';
import './dashboard.css';
import { tileEmbedCode } from './embed';
import { cell } from './format';
import { PRESETS, readState, resolveRange, toLocalInput, writeState, type RangeState } from './range';
import { chartColumns, columnLabel, isTileId, pointLabel, type Series } from './series';
import type { Tile, TileId } from './types';

const SeriesChart = lazy(() => import('./SeriesChart'));

export default function DetailPage() {
  const { tile } = useParams();
  return isTileId(tile) ? <Detail id={tile} /> : <NotFoundPage />;
}

function Detail({ id }: { id: TileId }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const title = t(`dashboard.tiles.${id}.title`);
  useDocumentTitle(t('dashboard.detail.pageTitle', { title }));
  const overTime = id !== 'fibre';

  // Presets end at the minute the view was chosen: chart, table and CSV all use these same instants.
  const range = useMemo(() => resolveRange(readState(params), new Date()), [params]);
  const query = range
    ? new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), ...(state.compare && overTime ? { compare: state.compare } : {}) })
    : undefined;
  const series = useApi<Series>(query ? `/api/dashboard/series/${id}?${query.toString()}` : null);
  const tiles = useApi<{ tiles: Tile[] }>('/api/dashboard/tiles');
  const info = tiles.data?.tiles.find((x) => x.id === id);

  const update = (next: Partial<RangeState>) => setParams(writeState({ ...state, ...next }), { replace: false });
  const compareLabel = state.compare ? t(`dashboard.detail.compare.${state.compare}`) : '';

  return (
    <div className="page dash-detail">
      <p>
        <Link to="/">{t('dashboard.detail.back')}</Link>
      </p>
      <h1>{title}</h1>
      {info && <p>{info.explanation[currentLanguage()]}</p>}

      {overTime ? (
        <RangeForm state={state} range={range} onChange={update} />
      ) : (
        <p>{t('dashboard.detail.noTimeSeries')}</p>
      )}

      <ErrorNotice error={series.error} />
      {series.loading && <p role="status">{t('dashboard.detail.loading')}</p>}
      {series.data && (
        <section aria-labelledby="series-title" className="dash-detail__result">
          <h2 id="series-title">{rangeHeading(t, series.data)}</h2>
          <div className="dash-detail__grid">
            <figure className="dash-detail__chart">
              <Suspense fallback={<p>{t('dashboard.detail.chartLoading')}</p>}>
                <SeriesChart series={series.data} compareLabel={compareLabel} />
              </Suspense>
              <figcaption>{t('dashboard.detail.chartCaption')}</figcaption>
            </figure>
            <SeriesTable series={series.data} title={title} compareLabel={compareLabel} />
          </div>
          <p>
            <a href={`/api/dashboard/series/${id}?${query!.toString()}&format=csv`} download>
              {t('dashboard.detail.csv')}
            </a>
          </p>
        </section>
      )}

      <section aria-labelledby="more-title">
        <h2 id="more-title">{t('dashboard.detail.moreTitle')}</h2>
        <ul>
          {info && (
            <li>
              <Link to={info.details}>{t('dashboard.detail.moduleLink', { title })}</Link>
            </li>
          )}
          {info && (
            <li>
              <Link to={`/opendata/${info.source}`}>{t('dashboard.source', { title })}</Link>
            </li>
          )}
          <li>
            <Link to="/dashboard/leichte-sprache">{t('dashboard.easyRead')}</Link>
          </li>
        </ul>
        <p>{t('dashboard.detail.embedText')}</p>
        <CopyButton text={tileEmbedCode(id, title)} label={t('dashboard.embedCopy', { title })} />
      </section>
    </div>
  );
}

function rangeHeading(t: ReturnType<typeof useTranslation>['t'], s: Series) {
  const fmt = new Intl.DateTimeFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  if (s.bucket === null) return t('dashboard.detail.byDistrict');
  const main = t('dashboard.detail.rangeHeading', { from: fmt.format(new Date(s.from)), to: fmt.format(new Date(s.to)) });
  return s.compareFrom && s.compareTo
    ? `${main}; ${t('dashboard.detail.comparedWith', { from: fmt.format(new Date(s.compareFrom)), to: fmt.format(new Date(s.compareTo)) })}`
    : main;
}

function RangeForm({ state, range, onChange }: { state: RangeState; range: { from: Date; to: Date } | undefined; onChange: (next: Partial<RangeState>) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(state.range === 'custom' ? state.from : range ? toLocalInput(range.from) : '');
  const [to, setTo] = useState(state.range === 'custom' ? state.to : range ? toLocalInput(range.to) : '');
  const [error, setError] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to || !(new Date(from) < new Date(to))) {
      setError(t('dashboard.detail.customInvalid'));
      return;
    }
    setError(null);
    onChange({ range: 'custom', from, to });
  };

  return (
    <div className="dash-range">
      <fieldset>
        <legend>{t('dashboard.detail.range')}</legend>
        <ul className="dash-range__presets">
          {PRESETS.map((p) => (
            <li key={p}>
              <button type="button" className="button button--secondary" aria-pressed={state.range === p} onClick={() => onChange({ range: p })}>
                {t(`dashboard.detail.presets.${p}`)}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <form onSubmit={apply} className="dash-range__custom" noValidate>
        <fieldset>
          <legend>{t('dashboard.detail.custom')}</legend>
          <p className="hint" id="range-hint">{t('dashboard.detail.customHint')}</p>
          <div>
            <label htmlFor="range-from">{t('dashboard.detail.from')}</label>
            <input id="range-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby="range-hint" />
          </div>
          <div>
            <label htmlFor="range-to">{t('dashboard.detail.to')}</label>
            <input id="range-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-describedby="range-hint" />
          </div>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          <button type="submit" className="button">
            {t('dashboard.detail.apply')}
          </button>
        </fieldset>
      </form>
      <p className="dash-range__compare">
        <label htmlFor="range-compare">{t('dashboard.detail.compareLabel')}</label>
        <select id="range-compare" value={state.compare} onChange={(e) => onChange({ compare: e.target.value as RangeState['compare'] })}>
          <option value="">{t('dashboard.detail.compare.none')}</option>
          <option value="previous">{t('dashboard.detail.compare.previous')}</option>
          <option value="lastYear">{t('dashboard.detail.compare.lastYear')}</option>
        </select>
      </p>
    </div>
  );
}

/** Exactly the chart's figures (and the tile's further columns), one row per bucket or district. */
function SeriesTable({ series, title, compareLabel }: { series: Series; title: string; compareLabel: string }) {
  const { t } = useTranslation();
  const columns = series.bucket === null ? series.columns : [...chartColumns(series), ...series.columns.filter((c) => !chartColumns(series).includes(c))];
  return (
    <div className="table-scroll" role="region" aria-labelledby="series-table-caption" tabIndex={0}>
      <table className="dash-series-table">
        <caption id="series-table-caption">{t('dashboard.tableCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{series.bucket === null ? t('dashboard.columns.district') : t('dashboard.detail.period')}</th>
            {columns.map((c) => (
              <th key={c} scope="col" className="num">
                {columnLabel(t, c)}
              </th>
            ))}
            {series.comparison && (
              <>
                <th scope="col">{t('dashboard.detail.comparePeriod', { compare: compareLabel })}</th>
                <th scope="col" className="num">{`${columnLabel(t, series.primary)} (${compareLabel})`}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {series.points.map((p, i) => {
            const q = series.comparison?.[i];
            return (
              <tr key={`${p.start}-${p.label ?? i}`}>
                <th scope="row">{pointLabel(p, series.bucket)}</th>
                {columns.map((c) => (
                  <td key={c} className="num">
                    {cell(t, c, p.values[c] ?? null)}
                  </td>
                ))}
                {q && (
                  <>
                    <td>{pointLabel(q, series.bucket)}</td>
                    <td className="num">{cell(t, series.primary, q.values[series.primary] ?? null)}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
