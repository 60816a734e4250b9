/** Key figures: share online, counts per status, progress over time (chart + table), per Themenfeld. */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { currentLanguage } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ProgressChart } from './ProgressChart';
import { CatalogNav, todayIso } from './shared';
import { STATUSES, type Kpis, type Timeline } from './types';

const percent = (share: number) =>
  new Intl.NumberFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);

export default function KpiPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.kpis.title'));
  const [params, setParams] = useSearchParams();
  const date = params.get('datum') ?? todayIso();
  const [input, setInput] = useState(date);
  const kpis = useApi<Kpis>(`/api/catalog/kpis?date=${encodeURIComponent(date)}`);
  const timeline = useApi<Timeline>(`/api/catalog/kpis/timeline?to=${encodeURIComponent(date)}`);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setParams(input ? { datum: input } : {});
  }

  return (
    <div className="page">
      <h1>{t('catalog.kpis.title')}</h1>
      <CatalogNav />
      <form onSubmit={onSubmit} className="filters">
        <div className="field">
          <label htmlFor="kpi-date">{t('catalog.kpis.date')}</label>
          <input id="kpi-date" type="date" value={input} max={todayIso()} onChange={(e) => setInput(e.target.value)} />
        </div>
        <div className="actions">
          <button className="button" type="submit">
            {t('catalog.kpis.show')}
          </button>
        </div>
      </form>
      <ErrorNotice error={kpis.error ?? timeline.error} />
      {kpis.data ? (
        <section aria-labelledby="kpi-now">
          <h2 id="kpi-now">{formatDate(kpis.data.date)}</h2>
          <ul className="kpi-tiles">
            <li>
              <strong>{percent(kpis.data.shareOnline)}</strong> {t('catalog.kpis.share')}
            </li>
            <li>
              <strong>{formatNumber(kpis.data.total)}</strong> {t('catalog.kpis.total')}
            </li>
            {STATUSES.map((s) => (
              <li key={s}>
                <strong>{formatNumber(kpis.data!.counts[s])}</strong> {t(`catalog.status.${s}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {timeline.data ? (
        <section aria-labelledby="kpi-chart-title">
          <h2 id="kpi-chart-title">{t('catalog.kpis.chartTitle')}</h2>
          <p id="kpi-chart-desc">{t('catalog.kpis.chartDesc')}</p>
          <ProgressChart timeline={timeline.data} titleId="kpi-chart-title" descId="kpi-chart-desc" />
          <p>
            <a href={`/api/catalog/kpis/timeline?to=${encodeURIComponent(date)}&format=csv`}>{t('catalog.kpis.download')}</a>
          </p>
          <div className="table-scroll" role="region" aria-labelledby="kpi-table-caption" tabIndex={0}>
            <table>
              <caption id="kpi-table-caption">{t('catalog.kpis.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.kpis.dateCol')}</th>
                  {STATUSES.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`catalog.status.${s}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('catalog.kpis.totalCol')}
                  </th>
                  <th scope="col" className="num">
                    {t('catalog.kpis.shareCol')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {timeline.data.points.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">
                      <time dateTime={p.date}>{formatDate(p.date)}</time>
                    </th>
                    {STATUSES.map((s) => (
                      <td key={s} className="num">
                        {p.counts[s]}
                      </td>
                    ))}
                    <td className="num">{p.total}</td>
                    <td className="num">{percent(p.shareOnline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {kpis.data ? (
        <section aria-labelledby="kpi-themen">
          <h2 id="kpi-themen">{t('catalog.kpis.byThemenfeld')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="kpi-themen-caption" tabIndex={0}>
            <table>
              <caption id="kpi-themen-caption">{t('catalog.kpis.byThemenfeldCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.search.themenfeld')}</th>
                  {STATUSES.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`catalog.status.${s}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('catalog.kpis.totalCol')}
                  </th>
                  <th scope="col" className="num">
                    {t('catalog.kpis.shareCol')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {kpis.data.byThemenfeld.map((f) => (
                  <tr key={f.id ?? 'none'}>
                    <th scope="row">{f.name || '–'}</th>
                    {STATUSES.map((s) => (
                      <td key={s} className="num">
                        {f.counts[s]}
                      </td>
                    ))}
                    <td className="num">{f.total}</td>
                    <td className="num">{percent(f.shareOnline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
