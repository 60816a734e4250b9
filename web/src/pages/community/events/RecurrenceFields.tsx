/**
 * The recurrence of an event: a builder (daily, weekly on chosen weekdays, monthly; interval; end by
 * date or by number of dates) that writes the RRULE, an advanced mode for the raw rule, and the days
 * left out. The server judges every rule (at most 1,000 dates within 2 years, see the module README);
 * its refusal is shown at the rule's input — the mode select, or the raw rule in advanced mode.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldNotes } from '../../../components/Field';
import { errorUnder } from '../../../lib/useSubmit';
import { TextInput } from '../../staff/shared/inputs';
import { berlinDate } from '../shared';
import { buildRule, REPEAT_MODES, weekdayOf, weekOfMonth, WEEKDAYS, type RecurrenceForm, type RepeatMode } from './eventForm';

interface Props {
  value: RecurrenceForm;
  onChange: (next: RecurrenceForm) => void;
  /** The first start (YYYY-MM-DDTHH:mm), which weekly and monthly rules start from. */
  startsAt: string;
  exdates: string[];
  onExdatesChange: (next: string[]) => void;
  errors: Record<string, string>;
}

/** A day YYYY-MM-DD in words; noon UTC lies on the same day in Berlin. */
const dayInWords = (day: string) => berlinDate(`${day}T12:00:00Z`);

export function RecurrenceFields({ value: r, onChange, startsAt, exdates, onExdatesChange, errors }: Props) {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`community.eventEditor.recurrence.${key}`, options);
  const [exdate, setExdate] = useState('');
  const set = (patch: Partial<RecurrenceForm>) => onChange({ ...r, ...patch });
  const builder = r.mode === 'daily' || r.mode === 'weekly' || r.mode === 'monthly';
  const refused = errors['rrule'] ? tr('refused', { detail: errors['rrule'] }) : undefined;

  function changeMode(mode: RepeatMode) {
    const next = { ...r, mode };
    const weekday = weekdayOf(startsAt);
    if (mode === 'weekly' && !r.weekdays.length && weekday) next.weekdays = [weekday];
    // The advanced mode starts from the rule built so far, to be refined by hand.
    if (mode === 'custom' && !r.custom.trim()) {
      const built = buildRule(r, startsAt);
      if ('rule' in built && built.rule) next.custom = built.rule;
    }
    onChange(next);
  }

  function addExdate() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(exdate) || exdates.includes(exdate)) return;
    onExdatesChange([...exdates, exdate].sort());
    setExdate('');
  }

  function removeExdate(day: string) {
    onExdatesChange(exdates.filter((d) => d !== day));
    document.getElementById('event-exdate')?.focus();
  }

  const weekday = weekdayOf(startsAt);
  const nth = weekOfMonth(startsAt);
  const built = builder ? buildRule(r, startsAt) : undefined;
  const weekdaysError = errors['rrule.weekdays'];
  const exdateError = errorUnder(errors, 'exdates');

  return (
    <fieldset className="staff-form-group">
      <legend>{tr('legend')}</legend>
      <Field id="event-repeat" label={tr('mode')} hint={tr('hint')} error={r.mode === 'custom' ? undefined : refused}>
        {(c) => (
          <select {...c} value={r.mode} onChange={(e) => changeMode(e.target.value as RepeatMode)}>
            {REPEAT_MODES.map((m) => (
              <option key={m} value={m}>
                {tr(`modes.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      {builder ? (
        <>
          <TextInput
            id="event-interval"
            kind="number"
            required
            label={tr(`interval.${r.mode}`)}
            hint={tr('intervalHint')}
            error={errors['rrule.interval']}
            value={r.interval}
            onChange={(interval) => set({ interval })}
          />
          {r.mode === 'weekly' ? (
            <fieldset className="checkbox-group" aria-describedby={weekdaysError ? 'event-weekdays-error' : undefined}>
              <legend>{tr('weekdays')}</legend>
              <FieldNotes id="event-weekdays" error={weekdaysError} />
              {WEEKDAYS.map((d) => (
                <label key={d} className="checkbox">
                  <input
                    type="checkbox"
                    checked={r.weekdays.includes(d)}
                    aria-invalid={weekdaysError ? true : undefined}
                    onChange={(e) => set({ weekdays: e.target.checked ? [...r.weekdays, d] : r.weekdays.filter((x) => x !== d) })}
                  />
                  {tr(`weekday.${d}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          {r.mode === 'monthly' ? (
            <fieldset className="checkbox-group">
              <legend>{tr('monthly')}</legend>
              <label className="checkbox">
                <input type="radio" name="event-monthly" checked={r.monthly === 'day'} onChange={() => set({ monthly: 'day' })} />
                {startsAt ? tr('monthlyDay', { day: Number(startsAt.slice(8, 10)) }) : tr('monthlyDayGeneric')}
              </label>
              <label className="checkbox">
                <input
                  type="radio"
                  name="event-monthly"
                  checked={r.monthly === 'weekday'}
                  onChange={() => set({ monthly: 'weekday' })}
                />
                {nth !== undefined && weekday
                  ? tr('monthlyWeekday', { nth: tr(`nth.${nth}`), weekday: tr(`weekday.${weekday}`) })
                  : tr('monthlyWeekdayGeneric')}
              </label>
            </fieldset>
          ) : null}
          <fieldset className="checkbox-group">
            <legend>{tr('end')}</legend>
            <label className="checkbox">
              <input type="radio" name="event-end" checked={r.end === 'count'} onChange={() => set({ end: 'count' })} />
              {tr('endCount')}
            </label>
            <label className="checkbox">
              <input type="radio" name="event-end" checked={r.end === 'until'} onChange={() => set({ end: 'until' })} />
              {tr('endUntil')}
            </label>
          </fieldset>
          {r.end === 'count' ? (
            <TextInput
              id="event-count"
              kind="number"
              required
              label={tr('count')}
              hint={tr('countHint')}
              error={errors['rrule.count']}
              value={r.count}
              onChange={(count) => set({ count })}
            />
          ) : (
            <TextInput
              id="event-until"
              kind="date"
              required
              label={tr('until')}
              error={errors['rrule.until']}
              value={r.until}
              onChange={(until) => set({ until })}
            />
          )}
          {built && 'rule' in built && built.rule ? (
            <p className="field__hint">
              {tr('rule')} <code className="community-rule">{built.rule}</code>
            </p>
          ) : null}
        </>
      ) : null}

      {r.mode === 'custom' ? (
        <TextInput
          id="event-rrule"
          required
          label={tr('custom')}
          hint={tr('customHint')}
          error={errors['rrule.custom'] ?? refused}
          value={r.custom}
          onChange={(custom) => set({ custom })}
        />
      ) : null}

      {r.mode === 'none' ? null : (
        <fieldset className="checkbox-group">
          <legend>{tr('exdates')}</legend>
          {exdates.length ? (
            <ul className="community-exdates">
              {exdates.map((day) => (
                <li key={day}>
                  <time dateTime={day}>{dayInWords(day)}</time>{' '}
                  <button type="button" className="button button--secondary button--small" onClick={() => removeExdate(day)}>
                    {tr('exdateRemove', { date: dayInWords(day) })}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{tr('noExdates')}</p>
          )}
          <Field id="event-exdate" label={tr('exdate')} hint={tr('exdateHint')} error={exdateError}>
            {(c) => <input {...c} type="date" value={exdate} onChange={(e) => setExdate(e.target.value)} />}
          </Field>
          <p>
            <button type="button" className="button button--secondary" onClick={addExdate}>
              {tr('exdateAdd')}
            </button>
          </p>
        </fieldset>
      )}
    </fieldset>
  );
}
