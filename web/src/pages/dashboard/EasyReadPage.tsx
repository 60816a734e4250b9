/** The dashboard explained in Leichte Sprache / plain English (/dashboard/leichte-sprache). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import './easy-read.i18n';

interface Section {
  heading: string;
  sentences: string[];
}

export default function EasyReadPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.easy.title'));
  const sections = t('dashboard.easy.sections', { returnObjects: true }) as Section[];
  return (
    <article className="page easy-read">
      <h1>{t('dashboard.easy.title')}</h1>
      {sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </section>
      ))}
      <ul>
        <li>
          <Link to="/barrierefreiheit">{t('dashboard.easy.accessibilityLink')}</Link>
        </li>
        <li>
          <Link to="/">{t('dashboard.easy.dashboardLink')}</Link>
        </li>
      </ul>
    </article>
  );
}
