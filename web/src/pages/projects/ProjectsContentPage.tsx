/** The module's content pages (Digitalbeirat, Digitalisierungsbüro); the HTML is sanitised by the server. */
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/Notice';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ProjectsNav } from './shared';
import type { ProjectsPage } from './types';

export type ProjectsPageSlug = 'digitalbeirat' | 'digitalisierungsbuero';
const NAV_KEY: Record<ProjectsPageSlug, string> = { digitalbeirat: 'beirat', digitalisierungsbuero: 'buero' };

export default function ProjectsContentPage({ slug }: { slug: ProjectsPageSlug }) {
  // useTranslation re-renders on a language change, so the page is fetched again in the new language.
  const { t } = useTranslation();
  const { data, error, loading } = useApi<ProjectsPage>(`/api/projects/pages/${slug}?lang=${currentLanguage()}`);
  const title = data?.title ?? t(`projects.nav.${NAV_KEY[slug]}`);
  useDocumentTitle(title);
  return (
    <article className="page">
      <h1>{title}</h1>
      <ProjectsNav />
      {loading ? <Loading /> : null}
      <ErrorNotice error={error} />
      {data && !loading ? (
        <>
          <div className="prose" lang={data.lang} dangerouslySetInnerHTML={{ __html: data.html }} />
          <p className="meta">{t('content.updatedAt', { date: formatDate(data.updatedAt) })}</p>
        </>
      ) : null}
    </article>
  );
}
