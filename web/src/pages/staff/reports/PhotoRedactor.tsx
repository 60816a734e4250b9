/**
 * Blacks out parts of a report photo (PATCH /api/reports/photos/{id} with `redact`). Rectangles are
 * drawn over the original with mouse, pen or finger, or typed in as percentages (the keyboard way);
 * both end up in one list that is previewed as black boxes and can be edited before saving. The
 * server burns them into the public photo and its thumbnail, always starting from the original, so
 * a save replaces earlier black-outs; the original stays for staff.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice } from '../../../components/Notice';
import { formatNumber } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';
import { TextInput } from '../shared/inputs';
import type { StaffPhoto } from './types';
import './redact.css';

/** Fractions (0–1) of the photo's width and height, as the API takes them. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Point = { x: number; y: number };
const EMPTY_FIELDS = { x: '', y: '', w: '', h: '' };
/** Drags smaller than this (1 % of a side) are taken for clicks, not rectangles. */
const MIN_SIDE = 0.01;

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const span = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  w: Math.abs(a.x - b.x),
  h: Math.abs(a.y - b.y),
});
const percent = (v: number) => formatNumber(Math.round(v * 1000) / 10);

/** Typed percentages → a rectangle inside the photo, or null when they do not make one. */
export function rectFromPercent(fields: typeof EMPTY_FIELDS): Rect | null {
  const [x, y, w, h] = [fields.x, fields.y, fields.w, fields.h].map((v) =>
    v.trim() === '' ? NaN : Number(v.trim().replace(',', '.')),
  );
  if (![x, y, w, h].every((v) => Number.isFinite(v) && v! >= 0 && v! <= 100)) return null;
  if (w! <= 0 || h! <= 0 || x! + w! > 100 || y! + h! > 100) return null;
  return { x: x! / 100, y: y! / 100, w: w! / 100, h: h! / 100 };
}

interface Props {
  photo: StaffPhoto;
  n: number;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function PhotoRedactor({ photo, n, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const r = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.redact.${key}`, o);
  const [rects, setRects] = useState<Rect[]>([]);
  const [draft, setDraft] = useState<Rect | null>(null);
  const [fields, setFields] = useState(EMPTY_FIELDS);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const start = useRef<Point | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const submit = useSubmit();
  const idPrefix = `redact-${photo.id}`;
  const heading = useRef<HTMLHeadingElement>(null);

  // Opening the editor takes keyboard and screen-reader users to it.
  useEffect(() => heading.current?.focus(), []);

  function pointAt(e: PointerEvent): Point {
    const box = frame.current!.getBoundingClientRect();
    return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = pointAt(e);
    setDraft(span(start.current, start.current));
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (start.current) setDraft(span(start.current, pointAt(e)));
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (!start.current) return;
    const rect = span(start.current, pointAt(e));
    start.current = null;
    setDraft(null);
    if (rect.w >= MIN_SIDE && rect.h >= MIN_SIDE) setRects((list) => [...list, rect]);
  }

  function onPointerCancel() {
    start.current = null;
    setDraft(null);
  }

  function addTyped() {
    const rect = rectFromPercent(fields);
    if (!rect) {
      setFieldError(r('invalid'));
      document.getElementById(`${idPrefix}-x`)?.focus();
      return;
    }
    setFieldError(undefined);
    setRects([...rects, rect]);
    setFields(EMPTY_FIELDS);
  }

  async function save(redact: Rect[], message: string) {
    if (submit.pending) return;
    const ok = await submit.run(async () => {
      await api(`/api/reports/photos/${photo.id}`, { method: 'PATCH', body: { redact } });
    });
    if (ok) onSaved(message);
  }

  const field = (key: keyof typeof EMPTY_FIELDS) => (
    <TextInput
      id={`${idPrefix}-${key}`}
      label={r(key)}
      kind="decimal"
      // One message for the four inputs, shown at the first, which gets the focus.
      error={key === 'x' ? fieldError : undefined}
      value={fields[key]}
      onChange={(v) => setFields({ ...fields, [key]: v })}
    />
  );

  return (
    <section id={idPrefix} className="redact panel" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`} ref={heading} tabIndex={-1}>
        {r('title', { n })}
      </h3>
      <p>{r('intro')}</p>
      <div
        ref={frame}
        className="redact__frame"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <img src={`/api/reports/photos/${photo.id}/original`} alt={r('image', { n })} draggable={false} />
        {[...rects, ...(draft ? [draft] : [])].map((b, i) => (
          <span
            key={i}
            aria-hidden="true"
            className={b === draft ? 'redact__box redact__box--draft' : 'redact__box'}
            // Positions come from the pointer; set through the DOM, which the CSP allows.
            style={{ left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%` }}
          />
        ))}
      </div>

      <fieldset className="staff-form-group">
        <legend>{r('typeIn')}</legend>
        <p className="field__hint">{r('hint')}</p>
        <div className="staff-form-grid">
          {field('x')}
          {field('y')}
          {field('w')}
          {field('h')}
        </div>
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={addTyped}>
            {r('add')}
          </button>
        </p>
      </fieldset>

      <h4>{r('listTitle')}</h4>
      {rects.length ? (
        <ol className="redact__list" aria-live="polite">
          {rects.map((b, i) => (
            <li key={i}>
              {r('rect', { i: i + 1, x: percent(b.x), y: percent(b.y), w: percent(b.w), h: percent(b.h) })}{' '}
              <button type="button" className="button button--link" onClick={() => setRects(rects.filter((_, j) => j !== i))}>
                {r('remove', { i: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p aria-live="polite">{r('none')}</p>
      )}

      <ErrorNotice error={submit.error} />
      <p className="row-actions">
        {rects.length ? (
          // Not a form: Enter in the percentage inputs must not save half-typed work.
          <button
            type="button"
            className="button"
            aria-disabled={submit.pending || undefined}
            onClick={() => void save(rects, r('saved', { n }))}
          >
            {submit.pending ? t('common.working') : r('save', { n })}
          </button>
        ) : null}
        {photo.redacted ? (
          <button type="button" className="button button--secondary" onClick={() => void save([], r('undone', { n }))}>
            {r('undo', { n })}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {r('cancel')}
        </button>
      </p>
    </section>
  );
}
