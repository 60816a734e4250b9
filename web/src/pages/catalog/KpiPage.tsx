/** Key figures: share online, counts per status, progress over time (chart + table), per Themenfeld. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { currentLanguage } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ProgressChart } from './ProgressChart';
import { CatalogNav, PastDateInput, SubmitRow, todayIso } from './shared';
import { STATUSES, type Counts, type Kpis, type Timeline } from './types';

const percent = (share: number) =>
  new Intl.NumberFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);

interface CountsRow {
  key: string;
  label: ReactNode;
  counts: Counts;
  total: number;
  shareOnline: number;
}

/** Counts per status with sum and share online, one row per date or Themenfeld. */
function CountsTable({
  captionId,
  caption,
  firstColumn,
  rows,
}: {
  captionId: string;
  caption: string;
  firstColumn: string;
  rows: CountsRow[];
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
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
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {STATUSES.map((s) => (
                <td key={s} className="num">
                  {r.counts[s]}
                </td>
              ))}
              <td className="num">{r.total}</td>
              <td className="num">{percent(r.shareOnline)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
        <PastDateInput id="kpi-date" label={t('catalog.kpis.date')} value={input} onChange={setInput} />
        <SubmitRow label={t('catalog.kpis.show')} />
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
          <CountsTable
            captionId="kpi-table-caption"
            caption={t('catalog.kpis.tableCaption')}
            firstColumn={t('catalog.kpis.dateCol')}
            rows={timeline.data.points.map((p) => ({
              key: p.date,
              label: <time dateTime={p.date}>{formatDate(p.date)}</time>,
              ...p,
            }))}
          />
        </section>
      ) : null}

      {kpis.data ? (
        <section aria-labelledby="kpi-themen">
          <h2 id="kpi-themen">{t('catalog.kpis.byThemenfeld')}</h2>
          <CountsTable
            captionId="kpi-themen-caption"
            caption={t('catalog.kpis.byThemenfeldCaption')}
            firstColumn={t('catalog.search.themenfeld')}
            rows={kpis.data.byThemenfeld.map((f) => ({ key: String(f.id ?? 'none'), label: f.name || '–', ...f }))}
          />
        </section>
      ) : null}
    </div>
  );
}
