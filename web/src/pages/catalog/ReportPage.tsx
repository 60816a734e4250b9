/**
 * The committee table of the city's report for any date: four rows and the sum, the change since a
 * comparison date and the explanation of catalogue merges; downloadable as CSV, Markdown and DOCX.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { CatalogNav, DemoNotice, PastDateInput, signed, SubmitRow, todayIso } from './shared';
import type { CommitteeReport } from './types';

export default function ReportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.report.title'));
  const [params, setParams] = useSearchParams();
  const date = params.get('datum') ?? todayIso();
  const compare = params.get('vergleich') ?? '';
  const [form, setForm] = useState({ date, compare });
  const query = new URLSearchParams({ date, lang: currentLanguage() });
  if (compare) query.set('compare', compare);
  const report = useApi<CommitteeReport>(`/api/catalog/report?${query.toString()}`);
  const file = (format: string) => `/api/catalog/report?${new URLSearchParams([...query, ['format', format]]).toString()}`;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (form.date) next['datum'] = form.date;
    if (form.compare) next['vergleich'] = form.compare;
    setParams(next);
  }

  const r = report.data;
  return (
    <div className="page">
      <h1>{t('catalog.report.title')}</h1>
      <CatalogNav />
      <p>{t('catalog.report.intro')}</p>
      <form onSubmit={onSubmit} className="filters">
        <div className="filters__grid">
          <PastDateInput
            id="report-date"
            label={t('catalog.report.date')}
            required
            value={form.date}
            onChange={(date) => setForm({ ...form, date })}
          />
          <PastDateInput
            id="report-compare"
            label={t('catalog.report.compare')}
            value={form.compare}
            onChange={(compare) => setForm({ ...form, compare })}
          />
        </div>
        <SubmitRow label={t('catalog.report.show')} />
      </form>
      <ErrorNotice error={report.error} />
      {r ? (
        <section aria-labelledby="report-caption">
          <DemoNotice show={r.demo} />
          <div className="table-scroll" role="region" aria-labelledby="report-caption" tabIndex={0}>
            <table className="report-table">
              <caption id="report-caption">
                {t('catalog.report.title')} – {formatDate(r.date)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.report.category')}</th>
                  <th scope="col" className="num">
                    {r.compare ? t('catalog.report.countOn', { date: formatDate(r.date) }) : t('catalog.report.count')}
                  </th>
                  {r.compare ? (
                    <>
                      <th scope="col" className="num">
                        {t('catalog.report.countOn', { date: formatDate(r.compare) })}
                      </th>
                      <th scope="col" className="num">
                        {t('catalog.report.change')}
                      </th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={row.status}>
                    <th scope="row">{row.label}</th>
                    <td className="num">{row.count}</td>
                    {r.compare ? (
                      <>
                        <td className="num">{row.compareCount}</td>
                        <td className="num">{signed(row.change)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('catalog.report.sum')}</th>
                  <td className="num">{r.total}</td>
                  {r.compare ? (
                    <>
                      <td className="num">{r.compareTotal}</td>
                      <td className="num">{signed(r.totalChange)}</td>
                    </>
                  ) : null}
                </tr>
              </tbody>
            </table>
          </div>
          <h2>{t('catalog.report.explanation')}</h2>
          <ul>
            {r.explanation.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <p className="downloads">
            {t('catalog.report.download')} <a href={file('csv')}>CSV</a>
            <a href={file('md')}>Markdown</a>
            <a href={file('docx')}>DOCX</a>
          </p>
        </section>
      ) : null}
    </div>
  );
}
