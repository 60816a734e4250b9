/**
 * Progress per Stadtteil as a table of inputs (one row per district of the city profile). Only rows
 * the editor changed are sent, one PUT each, so every change lands in the history on its own.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCity } from '../../../components/CityContext';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import { DISTRICT_STATUSES, type Project } from '../../projects/types';

type Draft = Record<string, { status: string; households: string }>;

function draftOf(p: Project): Draft {
  return Object.fromEntries(p.districtProgress.map((d) => [d.districtId, { status: d.status, households: String(d.householdsPassed) }]));
}

export function DistrictProgressForm({ project, onSaved }: { project: Project; onSaved: () => void }) {
  const { t } = useTranslation();
  const { city } = useCity();
  const [draft, setDraft] = useState<Draft>(() => draftOf(project));
  const [saved, setSaved] = useState<number | null>(null);
  const submit = useSubmit();
  useEffect(() => setDraft(draftOf(project)), [project]);

  const original = draftOf(project);
  const changed = Object.entries(draft).filter(
    ([id, d]) => d.status && (d.status !== original[id]?.status || d.households !== original[id]?.households),
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submit.pending) return;
    setSaved(null);
    const ok = await submit.run(async () => {
      for (const [id, d] of changed) {
        const householdsPassed = Number(d.households || '0');
        await api(`/api/projects/${project.id}/districts/${encodeURIComponent(id)}`, {
          method: 'PUT',
          body: { status: d.status, householdsPassed: Number.isInteger(householdsPassed) ? householdsPassed : d.households },
        });
      }
    });
    if (ok) {
      setSaved(changed.length);
      onSaved();
    }
  }

  const set = (id: string, patch: Partial<{ status: string; households: string }>) =>
    setDraft({ ...draft, [id]: { status: draft[id]?.status ?? '', households: draft[id]?.households ?? '0', ...patch } });

  return (
    <section aria-labelledby="staff-progress">
      <h2 id="staff-progress">{t('projects.staff.progress.title')}</h2>
      <p>{t('projects.staff.progress.intro')}</p>
      <form onSubmit={onSubmit}>
        <ErrorNotice error={submit.error} />
        <div className="table-scroll" role="region" aria-labelledby="staff-progress" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('projects.project.district')}</th>
                <th scope="col">{t('projects.filters.status')}</th>
                <th scope="col">{t('projects.staff.progress.households')}</th>
              </tr>
            </thead>
            <tbody>
              {city?.districts.map((d) => {
                const row = draft[d.id];
                return (
                  <tr key={d.id}>
                    <th scope="row" id={`progress-${d.id}`}>
                      {d.name}
                    </th>
                    <td>
                      <select
                        aria-label={`${t('projects.filters.status')}: ${d.name}`}
                        value={row?.status ?? ''}
                        onChange={(e) => set(d.id, { status: e.target.value })}
                      >
                        {/* A recorded district cannot be unset (the API has no delete), so "not recorded" is offered only before. */}
                        {!original[d.id] ? <option value="">{t('projects.staff.progress.notSet')}</option> : null}
                        {DISTRICT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`projects.districtStatus.${s}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        step={1}
                        inputMode="numeric"
                        aria-label={`${t('projects.staff.progress.households')}: ${d.name}`}
                        value={row?.households ?? ''}
                        disabled={!row?.status}
                        onChange={(e) => set(d.id, { households: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="actions">
          <SubmitButton pending={submit.pending}>{t('projects.staff.progress.save')}</SubmitButton>
        </p>
        <StatusNotice>{saved !== null ? t('projects.staff.progress.saved', { count: saved }) : null}</StatusNotice>
      </form>
    </section>
  );
}
