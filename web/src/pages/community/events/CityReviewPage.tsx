/**
 * /staff/vereine/pruefen — the city's review of Vereine & Kultur: organisations by verification
 * (GET /api/community/organisations?verified=…, staff only; the unchecked ones first) with verify and
 * withdraw (POST …/:id/verify), and the events waiting for approval (GET /api/community/moderation)
 * with approve and reject (POST /api/community/events/:id/moderation). Every staff member may look;
 * the buttons are for editors of the module community, as the API decides.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../../api/client';
import { useDistrictName } from '../../../components/DistrictOptions';
import { FilterActions, FilterForm, FilterSelect, SearchField, useFilterParams } from '../../../components/FilterForm';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { DataTable } from '../../staff/shared/DataTable';
import { ReadOnlyNotice, Time } from '../../staff/shared/notes';
import { useCanWrite } from '../../staff/shared/useCanWrite';
import { managePath } from '../manage/shared';
import { useCategoryName } from '../shared';
import type { CommunityEvent, Organisation, Paged } from '../types';
import { EventWhen, eventPath } from './shared';

/** Organisations listed at once; the search narrows a longer list. */
const LIMIT = 100;

export default function CityReviewPage() {
  const { t } = useTranslation();
  const tr = (key: string, options?: Record<string, unknown>) => t(`community.cityReview.${key}`, options);
  useDocumentTitle(tr('title'));
  const canWrite = useCanWrite('community');
  const categoryName = useCategoryName();
  const districtName = useDistrictName();
  const { params } = useFilterParams();
  // The verification filter: no value lists the unchecked ones (the queue), `ja` the checked, `alle` both.
  const filter = params.get('geprueft') ?? '';
  const q = params.get('q') ?? '';
  const verified = filter === 'alle' ? undefined : filter === 'ja' ? 'true' : 'false';
  const organisations = useApi<Paged<Organisation>>(`/api/community/organisations${query({ verified, q, limit: LIMIT })}`);
  const queue = useApi<{ items: CommunityEvent[] }>('/api/community/moderation');
  const action = useSubmit();
  const [done, setDone] = useState('');

  async function verify(o: Organisation, verified: boolean) {
    if (action.pending) return;
    if (!verified && !window.confirm(tr('withdrawConfirm', { name: o.name }))) return;
    setDone('');
    const ok = await action.run(async () => {
      await api(`/api/community/organisations/${o.id}/verify`, { method: 'POST', body: { verified } });
    });
    if (ok) {
      setDone(tr(verified ? 'verifiedDone' : 'withdrawnDone', { name: o.name }));
      organisations.reload();
      queue.reload();
    }
  }

  async function moderate(e: CommunityEvent, state: 'approved' | 'rejected') {
    if (action.pending) return;
    setDone('');
    const ok = await action.run(async () => {
      await api(`/api/community/events/${e.id}/moderation`, { method: 'POST', body: { state } });
    });
    if (ok) {
      setDone(tr(state === 'approved' ? 'approvedDone' : 'rejectedDone', { title: e.title }));
      queue.reload();
    }
  }

  const total = organisations.data?.total ?? 0;
  return (
    <div className="page">
      <p>
        <Link to="/staff">{t('staff.home.short')}</Link>
      </p>
      <h1>{tr('title')}</h1>
      <p className="lead">{tr('intro')}</p>
      {canWrite ? null : <ReadOnlyNotice module="community" />}
      <ErrorNotice error={action.error} />
      <StatusNotice>{done || null}</StatusNotice>

      <section aria-labelledby="review-organisations">
        <h2 id="review-organisations">{tr('organisations')}</h2>
        <FilterForm all={tr('filter.unverified')} label={tr('filter.label')}>
          <div className="filters__grid">
            <SearchField id="review-q" label={tr('filter.text')} hint={tr('filter.textHint')} />
            <FilterSelect id="review-verified" label={tr('filter.verified')} param="geprueft">
              <option value="ja">{tr('filter.verifiedOnly')}</option>
              <option value="alle">{tr('filter.all')}</option>
            </FilterSelect>
          </div>
          <FilterActions submit={tr('filter.apply')} secondary />
        </FilterForm>
        {organisations.loading && !organisations.data ? <Loading /> : null}
        <ErrorNotice error={organisations.error} />
        {organisations.data ? (
          <>
            {total > LIMIT ? <p>{tr('more', { shown: LIMIT, total })}</p> : null}
            <DataTable
              id="review-organisation-table"
              caption={tr('organisationsCaption', { count: total })}
              rows={organisations.data.items}
              rowKey={(o) => o.id}
              empty={filter === '' ? tr('noUnverified') : tr('noOrganisations')}
              columns={[
                {
                  key: 'name',
                  header: tr('col.name'),
                  rowHeader: true,
                  cell: (o) => <Link to={managePath(o.id)}>{o.name}</Link>,
                },
                { key: 'category', header: tr('col.category'), cell: (o) => categoryName(o.category) },
                { key: 'district', header: tr('col.district'), cell: (o) => districtName(o.district) ?? t('staffModules.none') },
                { key: 'updated', header: tr('col.updated'), cell: (o) => <Time at={o.updatedAt} /> },
                {
                  key: 'verified',
                  header: tr('col.verified'),
                  cell: (o) =>
                    o.verified ? t('community.organisation.verified') : <span className="tag">{tr('unverified')}</span>,
                },
                ...(canWrite
                  ? [
                      {
                        key: 'action',
                        header: tr('col.action'),
                        cell: (o: Organisation) => (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => void verify(o, !o.verified)}
                          >
                            {tr(o.verified ? 'withdraw' : 'verify', { name: o.name })}
                          </button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        ) : null}
      </section>

      <section aria-labelledby="review-moderation">
        <h2 id="review-moderation">{tr('moderation')}</h2>
        <p>{tr('moderationIntro')}</p>
        {queue.loading && !queue.data ? <Loading /> : null}
        <ErrorNotice error={queue.error} />
        {queue.data ? (
          <DataTable
            id="review-moderation-table"
            caption={tr('moderationCaption', { count: queue.data.items.length })}
            rows={queue.data.items}
            rowKey={(e) => e.id}
            empty={tr('noPending')}
            columns={[
              {
                key: 'title',
                header: t('community.eventEditor.field.title'),
                rowHeader: true,
                cell: (e) => <Link to={`/vereine/veranstaltungen/${e.id}`}>{e.title}</Link>,
              },
              { key: 'organisation', header: tr('col.organisation'), cell: (e) => e.organisation.name },
              {
                key: 'when',
                header: t('community.eventEditor.col.when'),
                cell: (e) => <EventWhen event={e} />,
              },
              { key: 'updated', header: tr('col.changed'), cell: (e) => <Time at={e.updatedAt} /> },
              ...(canWrite
                ? [
                    {
                      key: 'action',
                      header: tr('col.action'),
                      cell: (e: CommunityEvent) => (
                        <span className="row-actions">
                          <button type="button" className="button button--small" onClick={() => void moderate(e, 'approved')}>
                            {tr('approve', { title: e.title })}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => void moderate(e, 'rejected')}
                          >
                            {tr('reject', { title: e.title })}
                          </button>
                          <Link to={eventPath(e.organisationId, e.id)}>{tr('edit', { title: e.title })}</Link>
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : null}
      </section>
    </div>
  );
}
