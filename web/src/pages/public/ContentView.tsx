/**
 * Shows one admin-edited content page. The HTML is sanitised by the server (it is the only
 * place where markup from the API is rendered as HTML).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentSlug } from '../../api/types';
import { ErrorNotice, Loading } from '../../components/Notice';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useContentPage } from './useContentPage';

export function ContentView({ slug, children }: { slug: ContentSlug; children?: ReactNode }) {
  const { t } = useTranslation();
  const { data, error, loading, missing } = useContentPage(slug);
  const title = data?.title ?? t(`content.titles.${slug}`);
  useDocumentTitle(title);

  return (
    <article className="page">
      <h1>{title}</h1>
      {loading ? <Loading /> : null}
      {missing ? <p className="notice notice--info">{t('content.missing')}</p> : null}
      {!missing ? <ErrorNotice error={error} /> : null}
      {data && !loading ? (
        <>
          <div className="prose" lang={data.lang} dangerouslySetInnerHTML={{ __html: data.html }} />
          {data.updatedAt ? <p className="meta">{t('content.updatedAt', { date: formatDate(data.updatedAt) })}</p> : null}
        </>
      ) : null}
      {children}
    </article>
  );
}
