/**
 * Record a catalogue merge (n → 1) or split (1 → n) of city services. The committee table then
 * explains a change in the counts as "by catalogue merges" rather than as fewer services online.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { DataTable } from '../shared/DataTable';
import { signed, todayIso } from '../../catalog/shared';
import { STATUSES, type Counts, type Status } from '../../catalog/types';
import { CatalogStaffNav } from './CatalogStaffNav';
import { EffectiveDateField, StatusSelect } from './fields';
import { ServicePicker, type Picked } from './ServicePicker';
import { fieldErrorsOf } from './serviceForm';
import './i18n';

type Kind = 'merge' | 'split';

interface Target {
  /** id of a previous service that continues as this target, or '' for a new service */
  existingId: string;
  name: string;
  ozgId: string;
  leikaKey: string;
  status: Status | '';
}

interface Restructure {
  id: number;
  kind: Kind;
  effectiveDate: string;
  note: string;
  sources: { id: number; name: string }[];
  targets: { id: number; name: string }[];
  effect: Counts;
}

const NEW_TARGET: Target = { existingId: '', name: '', ozgId: '', leikaKey: '', status: '' };

function targetBody(t: Target) {
  if (t.existingId) return { id: Number(t.existingId) };
  return {
    name: t.name,
    ozgId: t.ozgId.trim() || null,
    leikaKey: t.leikaKey.trim() || null,
    ...(t.status ? { status: t.status } : {}),
  };
}

function TargetFields({
  index,
  value,
  onChange,
  sources,
  errors,
}: {
  index: number;
  value: Target;
  onChange: (next: Target) => void;
  sources: Picked[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `target-${index}-${field}`;
  const error = (field: string) => errors[`targets.${index}.${field}`];
  const text = (field: 'name' | 'ozgId' | 'leikaKey', label: string) => (
    <Field id={id(field)} label={label} error={error(field)}>
      {(control) => (
        <input {...control} type="text" value={value[field]} onChange={(e) => onChange({ ...value, [field]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <>
      <Field id={id('existing')} label={t('catalog.staff.restructureForm.targetExisting')} error={error('id')}>
        {(control) => (
          <select {...control} value={value.existingId} onChange={(e) => onChange({ ...value, existingId: e.target.value })}>
            <option value="">{t('catalog.staff.form.none')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.ref})
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.existingId ? null : (
        <>
          {text('name', t('catalog.staff.form.name'))}
          {text('ozgId', t('catalog.staff.form.ozgId'))}
          {text('leikaKey', t('catalog.staff.form.leikaKey'))}
          <StatusSelect
            id={id('status')}
            label={t('catalog.staff.form.status')}
            value={value.status}
            onChange={(status) => onChange({ ...value, status })}
            error={error('status')}
            emptyLabel="–"
          />
        </>
      )}
    </>
  );
}

function effectText(effect: Counts, none: string, label: (s: Status) => string): string {
  const parts = STATUSES.filter((s) => effect[s]).map((s) => `${label(s)} ${signed(effect[s])}`);
  return parts.length ? parts.join(', ') : none;
}

export default function RestructurePage() {
  const { t } = useTranslation();
  const title = t('catalog.staff.restructureForm.title');
  useDocumentTitle(title);
  const [kind, setKind] = useState<Kind>('merge');
  const [sources, setSources] = useState<Picked[]>([]);
  const [targets, setTargets] = useState<Target[]>([NEW_TARGET]);
  const [meta, setMeta] = useState({ effectiveDate: todayIso(), note: '', catalogReference: '' });
  const [done, setDone] = useState('');
  const submit = useSubmit();
  const list = useApi<{ items: Restructure[] }>('/api/catalog/restructures');
  const errors = fieldErrorsOf(submit.error);
  const statusLabel = (s: Status) => t(`catalog.status.${s}`);
  const none = t('catalog.staff.restructureForm.noEffect');

  function changeKind(next: Kind) {
    setKind(next);
    setTargets(next === 'merge' ? [targets[0] ?? NEW_TARGET] : [targets[0] ?? NEW_TARGET, targets[1] ?? NEW_TARGET]);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    if (submit.pending) return;
    await submit.run(async () => {
      const r = await api<Restructure>('/api/catalog/restructures', {
        method: 'POST',
        body: {
          kind,
          effectiveDate: meta.effectiveDate,
          note: meta.note,
          catalogReference: meta.catalogReference,
          sourceIds: sources.map((s) => s.id),
          targets: targets.map(targetBody),
        },
      });
      setDone(
        t('catalog.staff.restructureForm.done', {
          kind: t(`catalog.staff.restructureForm.${r.kind}`),
          date: formatDate(r.effectiveDate),
          effect: effectText(r.effect, none, statusLabel),
        }),
      );
      setSources([]);
      setTargets(kind === 'merge' ? [NEW_TARGET] : [NEW_TARGET, NEW_TARGET]);
      list.reload();
    });
  }

  return (
    <div className="page">
      <h1>{title}</h1>
      <CatalogStaffNav />
      <p>{t('catalog.staff.restructureForm.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorNotice error={submit.error} />
        <fieldset className="checkbox-group">
          <legend>{t('catalog.staff.restructureForm.kind')}</legend>
          {(['merge', 'split'] as const).map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => changeKind(k)} />
              {t(`catalog.staff.restructureForm.${k}`)}
            </label>
          ))}
        </fieldset>
        <ServicePicker
          idPrefix="restructure-sources"
          legend={t('catalog.staff.restructureForm.sources')}
          hint={t('catalog.staff.restructureForm.sourcesHint')}
          selected={sources}
          onChange={setSources}
          error={errors['sourceIds']}
        />
        <h2>{t('catalog.staff.restructureForm.targets')}</h2>
        {errors['targets'] ? <p className="field__error">{errors['targets']}</p> : null}
        {targets.map((target, i) => (
          <fieldset key={i} className="form-group">
            <legend>{t('catalog.staff.restructureForm.target', { n: i + 1 })}</legend>
            <TargetFields
              index={i}
              value={target}
              sources={sources}
              errors={errors}
              onChange={(next) => setTargets(targets.map((x, j) => (j === i ? next : x)))}
            />
            {kind === 'split' && targets.length > 2 ? (
              <p className="actions">
                <button
                  className="button button--secondary"
                  type="button"
                  onClick={() => setTargets(targets.filter((_, j) => j !== i))}
                >
                  {t('catalog.staff.restructureForm.removeTarget', { n: i + 1 })}
                </button>
              </p>
            ) : null}
          </fieldset>
        ))}
        {kind === 'split' ? (
          <p className="actions">
            <button className="button button--secondary" type="button" onClick={() => setTargets([...targets, NEW_TARGET])}>
              {t('catalog.staff.restructureForm.addTarget')}
            </button>
          </p>
        ) : null}
        <EffectiveDateField
          id="restructure-effective"
          value={meta.effectiveDate}
          onChange={(effectiveDate) => setMeta({ ...meta, effectiveDate })}
          error={errors['effectiveDate']}
        />
        <Field
          id="restructure-note"
          label={t('catalog.staff.restructureForm.note')}
          hint={t('catalog.staff.restructureForm.noteHint')}
          error={errors['note']}
        >
          {(control) => (
            <textarea
              {...control}
              required
              rows={3}
              value={meta.note}
              onChange={(e) => setMeta({ ...meta, note: e.target.value })}
            />
          )}
        </Field>
        <Field
          id="restructure-reference"
          label={t('catalog.staff.restructureForm.catalogReference')}
          error={errors['catalogReference']}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={meta.catalogReference}
              onChange={(e) => setMeta({ ...meta, catalogReference: e.target.value })}
            />
          )}
        </Field>
        <p className="actions">
          <SubmitButton pending={submit.pending}>{t('catalog.staff.restructureForm.submit')}</SubmitButton>
        </p>
        <StatusNotice>{done}</StatusNotice>
      </form>

      <section aria-labelledby="restructure-list">
        <h2 id="restructure-list">{t('catalog.staff.restructureForm.listTitle')}</h2>
        <ErrorNotice error={list.error} />
        {list.data ? (
          <DataTable
            id="restructure-table"
            caption={t('catalog.staff.restructureForm.listCaption')}
            empty={t('catalog.staff.restructureForm.listEmpty')}
            rows={list.data.items}
            rowKey={(r) => r.id}
            columns={[
              {
                key: 'date',
                header: t('catalog.staff.effectiveDate'),
                cell: (r) => <time dateTime={r.effectiveDate}>{formatDate(r.effectiveDate)}</time>,
              },
              {
                key: 'kind',
                header: t('catalog.staff.restructureForm.kind'),
                cell: (r) => t(`catalog.staff.restructureForm.${r.kind}`),
              },
              {
                key: 'sources',
                header: t('catalog.staff.restructureForm.sources'),
                cell: (r) => r.sources.map((x) => x.name).join('; '),
              },
              {
                key: 'targets',
                header: t('catalog.staff.restructureForm.targets'),
                cell: (r) => r.targets.map((x) => x.name).join('; '),
              },
              { key: 'change', header: t('catalog.report.change'), cell: (r) => effectText(r.effect, none, statusLabel) },
              { key: 'note', header: t('catalog.staff.restructureForm.note'), cell: (r) => r.note },
            ]}
          />
        ) : null}
      </section>
    </div>
  );
}
