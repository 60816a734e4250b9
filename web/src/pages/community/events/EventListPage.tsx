/**
 * /staff/vereine/:id/termine — every event of an organisation for its representatives and the city's
 * community editors (GET /api/community/organisations/:id/events): unpublished, rejected and
 * cancelled ones too, each with its status and the city's approval in words and a link to edit it.
 */
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { DataTable } from '../../staff/shared/DataTable';
import { VerifiedState } from '../manage/shared';
import type { ManagedOrganisation } from '../manage/types';
import type { CommunityEvent } from '../types';
import { BackToOrganisation, EventStatus, EventWhen, eventPath, eventsPath, idParam, ModerationState } from './shared';

export default function EventListPage() {
  const { t } = useTranslation();
  const organisationId = idParam(useParams().id);
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const organisation = useApi<ManagedOrganisation>(
    organisationId === null ? null : `/api/community/organisations/${organisationId}`,
  );
  const events = useApi<{ items: CommunityEvent[] }>(
    organisationId === null ? null : `/api/community/organisations/${organisationId}/events`,
  );
  const name = organisation.data?.name;
  const title = name ? t('community.eventEditor.listTitle', { name }) : t('community.eventEditor.listTitleLoading');
  useDocumentTitle(title);

  if (organisationId === null) {
    return (
      <div className="page">
        <h1>{title}</h1>
        <p>{t('community.manage.notFound')}</p>
      </div>
    );
  }
  const refused = events.error instanceof ApiError && (events.error.status === 403 || events.error.status === 404);

  return (
    <div className="page">
      <BackToOrganisation organisationId={organisationId} />
      <h1>{title}</h1>
      {organisation.data ? <VerifiedState verified={organisation.data.verified} /> : null}
      <p>{t('community.eventEditor.listIntro')}</p>
      <StatusNotice>{deleted ? t('community.eventEditor.deleted', { title: deleted }) : null}</StatusNotice>
      {refused ? (
        <p className="notice notice--info">{t('community.eventEditor.listRefused')}</p>
      ) : (
        <ErrorNotice error={events.error} />
      )}
      {refused ? null : (
        <p>
          <Link className="button" to={`${eventsPath(organisationId)}/neu`}>
            {t('community.eventEditor.new')}
          </Link>
        </p>
      )}
      {events.loading && !events.data ? <Loading /> : null}
      {events.data ? (
        <DataTable
          id="community-events"
          caption={t('community.eventEditor.listCaption', { count: events.data.items.length })}
          rows={events.data.items}
          rowKey={(e) => e.id}
          empty={t('community.eventEditor.listEmpty')}
          columns={[
            {
              key: 'title',
              header: t('community.eventEditor.field.title'),
              rowHeader: true,
              cell: (e) => <Link to={eventPath(organisationId, e.id)}>{e.title}</Link>,
            },
            {
              key: 'when',
              header: t('community.eventEditor.col.when'),
              cell: (e) => <EventWhen event={e} />,
            },
            { key: 'status', header: t('community.eventEditor.col.status'), cell: (e) => <EventStatus status={e.status} /> },
            {
              key: 'moderation',
              header: t('community.eventEditor.col.moderation'),
              cell: (e) => <ModerationState state={e.moderation} />,
            },
          ]}
        />
      ) : null}
    </div>
  );
}
