/** Pieces of the event pages of representatives and the city: paths, the back link, states in words. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { managePath } from '../manage/shared';
import { berlinSpan, CancelledBadge } from '../shared';
import type { CommunityEvent } from '../types';
import '../i18n';
import '../../staff/shared/i18n';
import '../../staff/shared/staff-modules.css';

export const REVIEW_PATH = '/staff/vereine/pruefen';
export const eventsPath = (organisationId: number) => `${managePath(organisationId)}/termine`;
export const eventPath = (organisationId: number, eventId: number) => `${eventsPath(organisationId)}/${eventId}`;

/** A route parameter that is a record id, or null. */
export const idParam = (value: string | undefined): number | null => (/^\d{1,15}$/.test(value ?? '') ? Number(value) : null);

export function BackToOrganisation({ organisationId }: { organisationId: number }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={managePath(organisationId)}>{t('community.eventEditor.backToOrganisation')}</Link>
    </p>
  );
}

/** Scheduled or cancelled, in words (the cancelled badge as on the public pages). */
export function EventStatus({ status }: { status: CommunityEvent['status'] }) {
  const { t } = useTranslation();
  return status === 'cancelled' ? <CancelledBadge /> : <>{t('community.eventEditor.status.scheduled')}</>;
}

/** The city's approval in words; a pending or rejected event is not public. */
export function ModerationState({ state }: { state: CommunityEvent['moderation'] }) {
  const { t } = useTranslation();
  const text = t(`community.eventEditor.moderation.${state}`);
  if (state === 'approved') return <>{text}</>;
  return <span className={state === 'rejected' ? 'tag tag--problem' : 'tag'}>{text}</span>;
}

/** When an event takes place (its first date), and that it recurs. */
export function EventWhen({ event }: { event: Pick<CommunityEvent, 'startsAt' | 'endsAt' | 'rrule'> }) {
  const { t } = useTranslation();
  return (
    <>
      <time dateTime={event.startsAt}>{berlinSpan(event.startsAt, event.endsAt)}</time>
      {event.rrule ? ` · ${t('community.event.recurring')}` : ''}
    </>
  );
}
