/** Generates the committee report for a meeting date and lists the stored reports for download. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { currentLanguage } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { useSubmit } from '../../../lib/useSubmit';
import { DataTable } from '../shared/DataTable';
import type { ReportResult, StoredReport } from '../../projects/types';

const FORMATS = [
  { key: 'docx', label: 'DOCX' },
  { key: 'pdf', label: 'PDF' },
  { key: 'md', label: 'Markdown' },
] as const;

export function ReportsPanel() {
  const { t } = useTranslation();
  const stored = useApi<{ items: StoredReport[] }>('/api/projects/reports');
  const [form, setForm] = useState({ committeeDate: '', ozgDate: '', lang: currentLanguage() as string });
  const [result, setResult] = useState<ReportResult | null>(null);
  const submit = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    setResult(null);
    await submit.run(async () => {
      const body = { committeeDate: form.committeeDate, lang: form.lang, ...(form.ozgDate ? { ozgDate: form.ozgDate } : {}) };
      setResult(await api<ReportResult>('/api/projects/reports', { method: 'POST', body }));
      stored.reload();
    });
  }

  const err = submit.fieldErrors;
  return (
    <section aria-labelledby="staff-projects-report">
      <h2 id="staff-projects-report">{t('projects.staff.reports.title')}</h2>
      <p>{t('projects.staff.reports.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
        <Field id="report-committee-date" label={t('projects.staff.reports.committeeDate')} error={err['committeeDate']}>
          {(c) => (
            <input
              {...c}
              type="date"
              required
              value={form.committeeDate}
              onChange={(e) => setForm({ ...form, committeeDate: e.target.value })}
            />
          )}
        </Field>
        <Field id="report-ozg-date" label={t('projects.staff.reports.ozgDate')} error={err['ozgDate']}>
          {(c) => <input {...c} type="date" value={form.ozgDate} onChange={(e) => setForm({ ...form, ozgDate: e.target.value })} />}
        </Field>
        <Field id="report-lang" label={t('projects.staff.reports.lang')} error={err['lang']}>
          {(c) => (
            <select {...c} value={form.lang} onChange={(e) => setForm({ ...form, lang: e.target.value })}>
              <option value="de">{t('languages.de')}</option>
              <option value="en">{t('languages.en')}</option>
            </select>
          )}
        </Field>
        <p className="actions">
          <SubmitButton pending={submit.pending}>{t('projects.staff.reports.generate')}</SubmitButton>
        </p>
      </form>
      <StatusNotice>
        {result ? (
          <>
            <p>
              {t('projects.staff.reports.generated', {
                date: formatDate(result.committeeDate),
                projects: result.projects,
                ozg: result.ozgTotal,
              })}
            </p>
            {result.previousCommitteeDate ? (
              <>
                <p>{t('projects.staff.reports.since', { date: formatDate(result.previousCommitteeDate) })}</p>
                <ul>
                  {result.changes.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('projects.staff.reports.noPrevious')}</p>
            )}
          </>
        ) : null}
      </StatusNotice>

      <h3 id="staff-projects-stored">{t('projects.staff.reports.stored')}</h3>
      <ErrorNotice error={stored.error} />
      {stored.data ? (
        <DataTable
          id="staff-projects-stored-table"
          caption={t('projects.staff.reports.storedCaption')}
          empty={t('projects.staff.reports.empty')}
          rows={stored.data.items}
          rowKey={(r) => r.id}
          columns={[
            { key: 'date', header: t('projects.staff.reports.date'), cell: (r) => formatDate(r.committeeDate), rowHeader: true },
            { key: 'ozg', header: t('projects.staff.reports.ozg'), cell: (r) => formatDate(r.ozgDate) },
            { key: 'lang', header: t('projects.staff.reports.lang'), cell: (r) => t(`languages.${r.lang}`) },
            { key: 'created', header: t('projects.staff.reports.created'), cell: (r) => formatDateTime(r.createdAt) },
            {
              key: 'files',
              header: t('projects.staff.reports.files'),
              cell: (r) =>
                FORMATS.map((f) => (
                  <a
                    key={f.key}
                    href={`/api/projects/reports/${r.id}/${f.key}`}
                    download
                    aria-label={t('projects.staff.reports.download', {
                      format: f.label,
                      date: formatDate(r.committeeDate),
                      lang: t(`languages.${r.lang}`),
                    })}
                    className="report-file"
                  >
                    {f.label}
                  </a>
                )),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
