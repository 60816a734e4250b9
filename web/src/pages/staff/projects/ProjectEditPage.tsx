/**
 * Create a project (/staff/projekte/neu) or edit every field of one (/staff/projekte/:id),
 * including features, milestones, KPIs and links, its per-district progress and its images.
 * Every saved change lands in the project's history; the API's field errors appear beside inputs.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useCity } from '../../../components/CityContext';
import { Field } from '../../../components/Field';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { projectPath, StatusBadge } from '../../projects/shared';
import { FEATURE_STATUSES, PROJECT_STATUSES, type Field as ActionField, type Project, type ProjectStatus } from '../../projects/types';
import { DistrictProgressForm } from './DistrictProgressForm';
import { ImagesForm } from './ImagesForm';
import { EMPTY_PROJECT, formFromProject, toBody, type ProjectFormState } from './projectForm';
import { ProjectsStaffNav, STAFF_PROJECTS_PATH } from './ProjectsAdminRoutes';
import { RowsEditor } from './RowsEditor';

export default function ProjectEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const creating = id === undefined;
  const navigate = useNavigate();
  const { city } = useCity();
  const project = useApi<Project>(creating ? null : `/api/projects/${encodeURIComponent(id)}`);
  const fields = useApi<{ items: ActionField[] }>('/api/projects/fields');
  const [form, setForm] = useState<ProjectFormState>(EMPTY_PROJECT);
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const [done, setDone] = useState(justCreated ? t('projects.staff.form.saved') : '');
  const submit = useSubmit();
  const title = creating
    ? t('projects.staff.form.createTitle')
    : t('projects.staff.form.editTitle', { title: project.data?.title ?? '' });
  useDocumentTitle(title);

  useEffect(() => {
    if (project.data) setForm(formFromProject(project.data));
  }, [project.data]);

  const set = <K extends keyof ProjectFormState>(key: K, value: ProjectFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: 'fields' | 'districts', value: string, on: boolean) =>
    set(key, on ? [...form[key], value] : form[key].filter((v) => v !== value));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    await submit.run(async () => {
      if (creating) {
        const created = await api<Project>('/api/projects', { method: 'POST', body: toBody(form) });
        // "neu" and ":id" render the same component, so this instance stays and shows the confirmation.
        setDone(t('projects.staff.form.saved'));
        await navigate(`${STAFF_PROJECTS_PATH}/${created.id}`, { state: { created: true } });
        return;
      }
      const before = project.data!.updatedAt;
      const saved = await api<Project>(`/api/projects/${id}`, { method: 'PATCH', body: toBody(form) });
      setDone(saved.updatedAt === before ? t('projects.staff.form.unchanged') : t('projects.staff.form.saved'));
      project.reload();
    });
  }

  const err = submit.fieldErrors;
  const text = (key: 'title' | 'slug' | 'summary' | 'office' | 'fundingProgramme', label: string, hint?: string) => (
    <Field id={`project-${key}`} label={label} hint={hint} error={err[key]}>
      {(c) => (
        <input {...c} type="text" required={key === 'title'} value={form[key]} onChange={(e) => set(key, e.target.value)} />
      )}
    </Field>
  );
  const date = (key: 'startDate' | 'endDate', label: string) => (
    <Field id={`project-${key}`} label={label} error={err[key]}>
      {(c) => <input {...c} type="date" value={form[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  const st = (key: string) => t(`projects.staff.${key}`);

  return (
    <div className="page">
      <h1>{title}</h1>
      <ProjectsStaffNav />
      {!creating && project.loading && !project.data ? <Loading /> : null}
      <ErrorNotice error={project.error ?? fields.error} />
      {project.data ? (
        <p>
          <StatusBadge status={project.data.status} /> <Link to={projectPath(project.data.slug)}>{st('publicPage')}</Link>
        </p>
      ) : null}
      {creating || project.data ? (
        <form onSubmit={onSubmit} noValidate>
          <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
          <fieldset className="project-form-group">
            <legend>{st('form.basics')}</legend>
            {text('title', st('form.title'))}
            {text('slug', st('form.slug'), st('form.slugHint'))}
            {text('summary', st('form.summary'))}
            <Field id="project-description" label={st('form.description')} hint={st('form.descriptionHint')} error={err['description']}>
              {(c) => (
                <textarea {...c} rows={8} value={form.description} onChange={(e) => set('description', e.target.value)} />
              )}
            </Field>
            <Field id="project-status" label={st('form.status')} error={err['status']}>
              {(c) => (
                <select {...c} value={form.status} onChange={(e) => set('status', e.target.value as ProjectStatus)}>
                  {PROJECT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`projects.status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="checkbox-group" aria-describedby={err['fields'] ? 'project-fields-error' : undefined}>
              <legend>{st('form.fields')}</legend>
              {err['fields'] ? (
                <p id="project-fields-error" className="field__error">
                  {err['fields']}
                </p>
              ) : null}
              {fields.data?.items.map((f) => (
                <label key={f.slug} className="checkbox">
                  <input type="checkbox" checked={form.fields.includes(f.slug)} onChange={(e) => toggle('fields', f.slug, e.target.checked)} />
                  {f.name}
                </label>
              ))}
            </fieldset>
            <label className="checkbox">
              <input type="checkbox" checked={form.demo} onChange={(e) => set('demo', e.target.checked)} />
              {st('form.demo')}
            </label>
          </fieldset>

          <fieldset className="project-form-group">
            <legend>{st('form.organisation')}</legend>
            {text('office', st('form.office'))}
            <Field id="project-partners" label={st('form.partners')} error={err['partners']}>
              {(c) => <textarea {...c} rows={3} value={form.partners} onChange={(e) => set('partners', e.target.value)} />}
            </Field>
            {date('startDate', st('form.startDate'))}
            {date('endDate', st('form.endDate'))}
            <Field id="project-budget" label={st('form.budget')} error={err['budgetEur']}>
              {(c) => (
                <input {...c} type="text" inputMode="decimal" value={form.budgetEur} onChange={(e) => set('budgetEur', e.target.value)} />
              )}
            </Field>
            {text('fundingProgramme', st('form.funding'))}
          </fieldset>

          <fieldset className="project-form-group">
            <legend>{st('form.place')}</legend>
            {err['location'] ? <p className="field__error">{err['location']}</p> : null}
            <Field id="project-lat" label={st('form.lat')}>
              {(c) => <input {...c} type="text" inputMode="decimal" value={form.lat} onChange={(e) => set('lat', e.target.value)} />}
            </Field>
            <Field id="project-lon" label={st('form.lon')}>
              {(c) => <input {...c} type="text" inputMode="decimal" value={form.lon} onChange={(e) => set('lon', e.target.value)} />}
            </Field>
            <fieldset className="checkbox-group">
              <legend>{st('form.districts')}</legend>
              {err['districts'] ? <p className="field__error">{err['districts']}</p> : null}
              {city?.districts.map((d) => (
                <label key={d.id} className="checkbox">
                  <input type="checkbox" checked={form.districts.includes(d.id)} onChange={(e) => toggle('districts', d.id, e.target.checked)} />
                  {d.name}
                </label>
              ))}
            </fieldset>
          </fieldset>

          <RowsEditor
            legend={st('features.legend')}
            item={st('features.item')}
            error={err['features']}
            rows={form.features}
            onChange={(rows) => set('features', rows)}
            columns={[
              { key: 'title', label: st('features.title') },
              {
                key: 'status',
                label: st('features.status'),
                type: 'select',
                options: FEATURE_STATUSES.map((s) => ({ value: s, label: t(`projects.featureStatus.${s}`) })),
              },
            ]}
          />
          <RowsEditor
            legend={st('milestones.legend')}
            item={st('milestones.item')}
            error={err['milestones']}
            rows={form.milestones}
            onChange={(rows) => set('milestones', rows)}
            columns={[
              { key: 'title', label: st('milestones.title') },
              { key: 'dueDate', label: st('milestones.dueDate'), type: 'date' },
              { key: 'doneDate', label: st('milestones.doneDate'), type: 'date' },
            ]}
          />
          <RowsEditor
            legend={st('kpis.legend')}
            item={st('kpis.item')}
            error={err['kpis']}
            rows={form.kpis}
            onChange={(rows) => set('kpis', rows)}
            columns={[
              { key: 'name', label: st('kpis.name') },
              { key: 'value', label: st('kpis.value') },
              { key: 'target', label: st('kpis.target') },
              { key: 'unit', label: st('kpis.unit') },
              { key: 'asOf', label: st('kpis.asOf'), type: 'date' },
            ]}
          />
          <RowsEditor
            legend={st('links.legend')}
            item={st('links.item')}
            error={err['links']}
            rows={form.links}
            onChange={(rows) => set('links', rows)}
            columns={[
              { key: 'label', label: st('links.label') },
              { key: 'url', label: st('links.url') },
            ]}
          />
          <p className="actions">
            <SubmitButton pending={submit.pending}>{creating ? st('form.create') : st('form.save')}</SubmitButton>
          </p>
          <StatusNotice>{done || null}</StatusNotice>
        </form>
      ) : null}
      {project.data ? (
        <>
          <ImagesForm project={project.data} onChanged={project.reload} />
          <DistrictProgressForm project={project.data} onSaved={project.reload} />
        </>
      ) : null}
    </div>
  );
}
