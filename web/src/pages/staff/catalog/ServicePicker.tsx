/**
 * Search the city list and tick services; the choice survives new searches, so an editor can
 * collect services from several searches for a bulk status change or a merge. The search is not a
 * <form> of its own because the picker sits inside the forms that use the choice.
 */
import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../../api/client';
import { FieldNotes } from '../../../components/Field';
import { ErrorNotice } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { StatusBadge } from '../../catalog/shared';
import type { ServiceList, Status } from '../../catalog/types';
import './i18n';

export interface Picked {
  id: number;
  ref: string;
  name: string;
  status: Status | null;
}

interface Props {
  idPrefix: string;
  legend: string;
  selected: Picked[];
  onChange: (next: Picked[]) => void;
  hint?: string;
  error?: string | undefined;
  /** Show an edit link beside each search result (the overview page). */
  editLinks?: boolean;
}

export function ServicePicker({ idPrefix, legend, selected, onChange, hint, error, editLinks }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const list = useApi<ServiceList>(search === null ? null : `/api/catalog/services${query({ q: search, limit: 50 })}`);
  const chosen = new Set(selected.map((s) => s.id));
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // Enter searches instead of submitting the surrounding form
    setSearch(q.trim());
  }

  const toggle = (s: Picked, on: boolean) => onChange(on ? [...selected, s] : selected.filter((x) => x.id !== s.id));

  return (
    <div className="service-picker">
      <div role="search" className="service-picker__search">
        <div className="field">
          <label htmlFor={`${idPrefix}-q`}>{t('catalog.search.label')}</label>
          <input id={`${idPrefix}-q`} type="text" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={onKeyDown} />
        </div>
        <p className="actions">
          <button className="button button--secondary" type="button" onClick={() => setSearch(q.trim())}>
            {t('catalog.search.submit')}
          </button>
        </p>
      </div>
      <ErrorNotice error={list.error} />
      {list.data ? (
        <fieldset className="checkbox-group checkbox-group--wide">
          <legend>
            {t('catalog.staff.choose')} – {t('catalog.results', { count: list.data.total })}
          </legend>
          <ul className="service-picker__results">
            {list.data.items.map((s) => (
              <li key={s.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={chosen.has(s.id)} onChange={(e) => toggle(s, e.target.checked)} />
                  <span>
                    {s.name} <span className="service-picker__ref">({s.ref})</span> <StatusBadge status={s.status} />
                  </span>
                </label>
                {editLinks ? (
                  <Link to={`/staff/verwaltungsleistungen/${s.id}`}>
                    {t('catalog.staff.edit')}
                    <span className="visually-hidden">: {s.name}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <fieldset
        className={error ? 'checkbox-group checkbox-group--wide field--invalid' : 'checkbox-group checkbox-group--wide'}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        <legend>
          {legend} – {t('catalog.staff.selected', { count: selected.length })}
        </legend>
        <FieldNotes id={idPrefix} hint={hint} error={error} />
        {selected.length ? (
          <ul className="service-picker__selected">
            {selected.map((s) => (
              <li key={s.id}>
                {s.name} ({s.ref}) <StatusBadge status={s.status} />{' '}
                <button
                  type="button"
                  className="button button--link button--small"
                  aria-label={t('catalog.staff.remove', { name: s.name })}
                  onClick={() => toggle(s, false)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('catalog.staff.none')}</p>
        )}
      </fieldset>
    </div>
  );
}
