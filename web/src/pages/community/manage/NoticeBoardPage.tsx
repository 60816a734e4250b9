/**
 * /staff/vereine/pinnwand — requests and offers between clubs and institutions (volunteers, rooms,
 * equipment). Open to members of organisations the city has verified and to staff; everyone else
 * gets a 403 from the API, which the page explains. Members post in the name of one of their
 * verified organisations and change or close that organisation's notices; the city's community
 * editors may close any notice.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, query } from '../../../api/client';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSubmit } from '../../../lib/useSubmit';
import { berlinDate } from '../shared';
import { NoticeForm } from './NoticeForm';
import { BackToStaffHome, NOTICE_BOARD_PATH } from './shared';
import type { Notice, NoticeKind } from './types';
import { useRepresentation } from './useRepresentation';

const KINDS: NoticeKind[] = ['request', 'offer'];

export default function NoticeBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('community.notices.title'));
  const [params] = useSearchParams();
  const kind = KINDS.find((k) => k === params.get('art')) ?? '';
  const notices = useApi<{ items: Notice[] }>(`/api/community/notices${query({ kind })}`);
  const { me, cityEditor } = useRepresentation();
  const [done, setDone] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const close = useSubmit();

  const memberships = me.data?.memberships ?? [];
  const postingOrganisations = memberships.filter((m) => m.organisation.verified).map((m) => m.organisation);
  const own = (n: Notice) => postingOrganisations.some((o) => o.id === n.organisation.id);
  const refused = notices.error instanceof ApiError && notices.error.status === 403;

  function saved(text: string) {
    setDone(text);
    setEditing(null);
    notices.reload();
  }

  async function onClose(n: Notice) {
    if (!window.confirm(t('community.notices.closeConfirm', { title: n.title }))) return;
    setDone('');
    if (await close.run(() => api(`/api/community/notices/${n.id}`, { method: 'DELETE' })))
      saved(t('community.notices.closed', { title: n.title }));
  }

  function startEditing(id: number) {
    setDone('');
    setEditing(id);
    requestAnimationFrame(() => document.getElementById(`notice-${id}-kind`)?.focus());
  }

  function stopEditing(id: number) {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(`notice-${id}-edit`)?.focus());
  }

  return (
    <div className="page">
      <BackToStaffHome />
      <h1>{t('community.notices.title')}</h1>
      <p className="lead">{t('community.notices.intro')}</p>
      {refused ? (
        <div className="notice notice--info">
          <p>{t('community.notices.verifiedOnly')}</p>
          <p>{t('community.notices.verifiedOnlyNext')}</p>
        </div>
      ) : (
        <ErrorNotice error={notices.error} />
      )}
      <StatusNotice>{done || null}</StatusNotice>

      {!refused && postingOrganisations.length ? (
        <section aria-labelledby="notice-new">
          <h2 id="notice-new">{t('community.notices.newTitle')}</h2>
          <NoticeForm
            organisations={postingOrganisations}
            onSaved={(n) => saved(t('community.notices.posted', { title: n.title }))}
          />
        </section>
      ) : null}

      {refused ? null : (
        <section aria-labelledby="notice-list" aria-busy={notices.loading}>
          <h2 id="notice-list">{t('community.notices.listTitle')}</h2>
          <nav className="sub-nav" aria-label={t('community.notices.filter')}>
            <ul>
              {(['', ...KINDS] as const).map((k) => (
                <li key={k || 'all'}>
                  <Link to={`${NOTICE_BOARD_PATH}${query({ art: k })}`} aria-current={kind === k ? 'page' : undefined}>
                    {k ? t(`community.notices.kinds.${k}`) : t('community.notices.kinds.all')}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <ErrorNotice error={close.error} />
          {notices.loading && !notices.data ? <Loading /> : null}
          {notices.data && !notices.data.items.length ? <p>{t('community.notices.none')}</p> : null}
          <ul className="community-notices">
            {notices.data?.items.map((n) => (
              <li key={n.id}>
                <article aria-labelledby={`notice-${n.id}-heading`}>
                  <h3 id={`notice-${n.id}-heading`}>
                    <span className="tag">{t(`community.notices.kind.${n.kind}`)}</span> {n.title}
                  </h3>
                  <p className="meta">
                    {t('community.notices.by')} <Link to={`/vereine/${n.organisation.slug}`}>{n.organisation.name}</Link>
                    {' · '}
                    {t('community.notices.postedOn', { date: berlinDate(n.createdAt) })}
                    {n.expiresOn ? ` · ${t('community.notices.until', { date: berlinDate(n.expiresOn) })}` : ''}
                  </p>
                  {n.body ? <p className="pre-wrap">{n.body}</p> : null}
                  {n.contact ? <p>{t('community.notices.contact', { contact: n.contact })}</p> : null}
                  {editing === n.id ? (
                    <NoticeForm
                      notice={n}
                      organisations={postingOrganisations}
                      onSaved={(s) => saved(t('community.notices.saved', { title: s.title }))}
                      onCancel={() => stopEditing(n.id)}
                    />
                  ) : own(n) || cityEditor ? (
                    <p className="row-actions">
                      {own(n) ? (
                        <button
                          id={`notice-${n.id}-edit`}
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => startEditing(n.id)}
                        >
                          {t('community.notices.edit', { title: n.title })}
                        </button>
                      ) : null}
                      <button type="button" className="button button--secondary button--small" onClick={() => void onClose(n)}>
                        {t('community.notices.close', { title: n.title })}
                      </button>
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
