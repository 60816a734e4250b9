/**
 * /staff/vereine/:id/termine/neu and /staff/vereine/:id/termine/:eventId — one event of an
 * organisation for its representatives and the city's community editors: every field of
 * POST /api/community/events and PUT …/:id (the whole event, see eventForm.ts), then its status and
 * the city's approval in words, cancelling (it stays visible, marked cancelled) and taking that back,
 * deleting, the image (once the event exists) and the dates the recurrence gives.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { FieldNotes } from '../../../components/Field';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useEditForm } from '../../../lib/useEditForm';
import { useSubmit } from '../../../lib/useSubmit';
import { CheckboxInput, TextInput, type TextKind } from '../../staff/shared/inputs';
import { ReadOnlyNotice } from '../../staff/shared/notes';
import { useRepresentation } from '../manage/useRepresentation';
import type { ManagedOrganisation } from '../manage/types';
import { berlinSpan, Fact, useCategoryName } from '../shared';
import type { Category, CommunityEvent, EventDetail } from '../types';
import { emptyEventForm, eventToForm, formToBody, type EventForm, type FormTexts } from './eventForm';
import { RecurrenceFields } from './RecurrenceFields';
import { BackToOrganisation, EventStatus, eventPath, eventsPath, idParam, ModerationState } from './shared';
import { EventImages } from './EventImages';
import { VenueFields } from './VenueFields';

/** How many of a recurring event's dates the page lists. */
const DATES_SHOWN = 10;

type TextField = 'title' | 'description' | 'startsAt' | 'endsAt' | 'audience' | 'price' | 'accessibility' | 'registrationUrl';

export default function EventEditorPage() {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`community.eventEditor.${key}`, options);
  const params = useParams();
  const organisationId = idParam(params.id);
  const creating = params.eventId === undefined;
  const eventId = creating ? null : idParam(params.eventId);
  const navigate = useNavigate();
  const location = useLocation();
  const savedText = (moderation: string | undefined) =>
    moderation === 'pending' ? `${t('staffModules.saved')} ${tr('pendingAfterSave')}` : t('staffModules.saved');
  const edit = useEditForm<EventDetail, EventForm>(
    eventId === null ? null : `/api/community/events/${eventId}`,
    emptyEventForm,
    eventToForm,
    savedText((location.state as { moderation?: string } | null)?.moderation),
    { nestedFields: true },
  );
  const { record, form, setForm, done, setDone, submit } = edit;
  const organisation = useApi<ManagedOrganisation>(
    organisationId === null ? null : `/api/community/organisations/${organisationId}`,
  );
  const { me, cityEditor, roleIn } = useRepresentation();
  const categories = useApi<{ items: Category[] }>('/api/community/categories');
  const categoryName = useCategoryName();
  const action = useSubmit({ nestedFields: true });
  const [actionDone, setActionDone] = useState('');
  const event = record.data;
  const title = creating ? tr('createTitle') : event ? tr('editTitle', { title: event.title }) : tr('editTitleLoading');
  useDocumentTitle(title);

  const texts: FormTexts = {
    required: (field) => tr(`required.${field}`),
    problem: (problem) => tr(`problem.${problem}`),
    coordinatesIncomplete: t('community.manage.coordinatesIncomplete'),
  };

  const wrongOrganisation = event !== undefined && event.organisationId !== organisationId;
  const missing =
    organisationId === null ||
    (!creating && eventId === null) ||
    wrongOrganisation ||
    [record.error, organisation.error].some((e) => e instanceof ApiError && e.status === 404);
  if (missing || !organisation.data || (!creating && !event)) {
    return (
      <div className="page">
        {organisationId === null ? null : <BackToOrganisation organisationId={organisationId} />}
        <h1>{title}</h1>
        {missing ? <p>{tr('notFound')}</p> : <ErrorNotice error={record.error ?? organisation.error} />}
        {!missing && !record.error && !organisation.error ? <Loading /> : null}
      </div>
    );
  }
  const org = organisation.data;
  const canEdit = cityEditor || roleIn(org.id) !== undefined;
  const err = submit.fieldErrors;
  const set = (patch: Partial<EventForm>) => setForm({ ...form, ...patch });
  const optional = (key: string) => t('staffModules.optional', { label: tr(`field.${key}`) });
  const text = (key: TextField, kind: TextKind = 'text', o: { required?: boolean; multiline?: boolean; hint?: string } = {}) => (
    <TextInput
      id={`event-${key}`}
      label={o.required ? tr(`field.${key}`) : optional(key)}
      hint={o.hint}
      error={err[key]}
      kind={kind}
      required={o.required ?? false}
      multiline={o.multiline ?? false}
      value={form[key]}
      onChange={(value) => set({ [key]: value } as Partial<EventForm>)}
    />
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    setActionDone('');
    if (submit.pending || organisationId === null) return;
    const prepared = formToBody(form, organisationId, texts);
    if ('fieldErrors' in prepared) {
      submit.setFieldErrors(prepared.fieldErrors);
      return;
    }
    await submit.run(async () => {
      if (creating) {
        const created = await api<CommunityEvent>('/api/community/events', { method: 'POST', body: prepared.body });
        await navigate(eventPath(organisationId, created.id), { state: { created: true, moderation: created.moderation } });
        return;
      }
      const saved = await api<CommunityEvent>(`/api/community/events/${eventId}`, { method: 'PUT', body: prepared.body });
      setDone(savedText(saved.moderation));
      record.reload();
    });
  }

  /** Cancels or reinstates the event as saved (unsaved changes in the form stay in the form). */
  async function setStatus(status: CommunityEvent['status']) {
    if (!event || organisationId === null || action.pending) return;
    if (status === 'cancelled' && !window.confirm(tr('cancelConfirm', { title: event.title }))) return;
    setDone('');
    setActionDone('');
    const stored = eventToForm(event);
    // The stored rule as it is: the builder may spell an equal rule differently ("FREQ=WEEKLY" gains
    // its BYDAY), which the server would count as a change needing the city's approval again.
    if (event.rrule) stored.recurrence = { ...stored.recurrence, mode: 'custom', custom: event.rrule };
    const prepared = formToBody({ ...stored, status }, organisationId, texts);
    if ('fieldErrors' in prepared) return;
    let moderation: string | undefined;
    const ok = await action.run(async () => {
      moderation = (await api<CommunityEvent>(`/api/community/events/${event.id}`, { method: 'PUT', body: prepared.body }))
        .moderation;
    });
    if (!ok) return;
    const what = status === 'cancelled' ? tr('cancelled') : tr('reinstated');
    setActionDone(moderation === 'pending' ? `${what} ${tr('pendingAfterSave')}` : what);
    setForm({ ...form, status });
    record.reload();
  }

  async function onDelete() {
    if (!event || organisationId === null || action.pending) return;
    if (!window.confirm(tr('deleteConfirm', { title: event.title }))) return;
    const ok = await action.run(async () => {
      await api(`/api/community/events/${event.id}`, { method: 'DELETE' });
    });
    if (ok) await navigate(eventsPath(organisationId), { state: { deleted: event.title } });
  }

  const occurrences = event?.occurrences ?? [];
  const isPublic = event !== undefined && org.verified && event.moderation === 'approved';

  return (
    <div className="page">
      <BackToOrganisation organisationId={org.id} />
      <p>
        <Link to={eventsPath(org.id)}>{tr('backToList', { name: org.name })}</Link>
      </p>
      <h1>{title}</h1>

      {event ? (
        <section aria-labelledby="event-state">
          <h2 id="event-state">{tr('state')}</h2>
          <dl className="community-facts">
            <Fact label={tr('col.status')}>
              <EventStatus status={event.status} />
            </Fact>
            <Fact label={tr('col.moderation')}>
              <ModerationState state={event.moderation} />
            </Fact>
            <Fact label={tr('visibility')}>
              {isPublic ? tr('public') : org.verified ? tr('notPublicModeration') : tr('notPublicUnverified')}
            </Fact>
          </dl>
          <p>
            <Link to={`/vereine/veranstaltungen/${event.id}`}>{isPublic ? tr('publicPage') : tr('preview')}</Link>
          </p>
        </section>
      ) : (
        <p>{org.verified ? tr('createIntro') : `${tr('createIntro')} ${tr('notPublicUnverified')}`}</p>
      )}
      {me.loading ? <Loading /> : null}
      {!me.loading && !canEdit ? <ReadOnlyNotice module="community" /> : null}

      {canEdit ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={event ? 'event-form-title' : undefined}>
          {event ? <h2 id="event-form-title">{tr('details')}</h2> : null}
          <ErrorNotice error={Object.keys(err).length ? null : submit.error} />
          <fieldset className="staff-form-group">
            <legend>{tr('group.basics')}</legend>
            {text('title', 'text', { required: true })}
            {text('description', 'text', { multiline: true, hint: tr('hint.description') })}
            <fieldset className="checkbox-group" aria-describedby={err['categories'] ? 'event-categories-error' : undefined}>
              <legend>{tr('field.categories')}</legend>
              <FieldNotes id="event-categories" error={err['categories']} />
              {categories.data?.items.map((c) => (
                <label key={c} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.categories.includes(c)}
                    onChange={(e) =>
                      set({ categories: e.target.checked ? [...form.categories, c] : form.categories.filter((x) => x !== c) })
                    }
                  />
                  {categoryName(c)}
                </label>
              ))}
            </fieldset>
          </fieldset>

          <fieldset className="staff-form-group">
            <legend>{tr('group.time')}</legend>
            <div className="staff-form-grid">
              {text('startsAt', 'datetime-local', { required: true, hint: tr('hint.startsAt') })}
              {text('endsAt', 'datetime-local', { required: true, hint: tr('hint.endsAt') })}
            </div>
          </fieldset>

          <RecurrenceFields
            value={form.recurrence}
            onChange={(recurrence) => set({ recurrence })}
            startsAt={form.startsAt}
            exdates={form.exdates}
            onExdatesChange={(exdates) => set({ exdates })}
            errors={err}
          />

          <VenueFields value={form} onChange={set} organisation={org} errors={err} />

          <fieldset className="staff-form-group">
            <legend>{tr('group.details')}</legend>
            {text('audience', 'text', { hint: tr('hint.audience') })}
            {text('price')}
            <CheckboxInput
              id="event-free"
              label={tr('field.free')}
              checked={form.free}
              onChange={(free) => set({ free })}
              error={err['free']}
            />
            {text('accessibility', 'text', { multiline: true, hint: tr('hint.accessibility') })}
            <CheckboxInput
              id="event-accessibleVenue"
              label={tr('field.accessibleVenue')}
              checked={form.accessibleVenue}
              onChange={(accessibleVenue) => set({ accessibleVenue })}
              error={err['accessibleVenue']}
            />
            {text('registrationUrl', 'url', { hint: t('community.manage.hint.url') })}
          </fieldset>

          {err['organisationId'] ? <p className="field__error">{err['organisationId']}</p> : null}
          <p className="actions">
            <SubmitButton pending={submit.pending}>{creating ? tr('create') : t('staffModules.save')}</SubmitButton>
          </p>
          <StatusNotice>{done || null}</StatusNotice>
        </form>
      ) : null}

      {event && canEdit ? (
        <section aria-labelledby="event-actions">
          <h2 id="event-actions">{tr('actions')}</h2>
          <p>{event.status === 'cancelled' ? tr('reinstateHint') : tr('cancelHint')}</p>
          <ErrorNotice error={action.error} />
          <p className="actions">
            {event.status === 'cancelled' ? (
              <button type="button" className="button button--secondary" onClick={() => void setStatus('scheduled')}>
                {tr('reinstate')}
              </button>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => void setStatus('cancelled')}>
                {tr('cancel')}
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={() => void onDelete()}>
              {tr('delete')}
            </button>
          </p>
          <StatusNotice>{actionDone || null}</StatusNotice>
        </section>
      ) : null}

      {event ? <EventImages event={event} canEdit={canEdit} onChanged={record.reload} /> : null}

      {event ? (
        <section aria-labelledby="event-dates">
          <h2 id="event-dates">{t('community.event.datesCount', { count: occurrences.length })}</h2>
          <ol className="community-dates">
            {occurrences.slice(0, DATES_SHOWN).map((o) => (
              <li key={o.startsAt}>
                <time dateTime={o.startsAt}>{berlinSpan(o.startsAt, o.endsAt)}</time>
              </li>
            ))}
          </ol>
          {occurrences.length > DATES_SHOWN ? <p>{tr('moreDates', { count: occurrences.length - DATES_SHOWN })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
