/** Public start page: overview, the Smart City dashboard tiles and the four fields of action. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../components/CityContext';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DashboardSection } from '../dashboard/DashboardSection';

const FIELDS = ['governance', 'economy', 'people', 'living'] as const;

export default function HomePage() {
  const { t } = useTranslation();
  const { city } = useCity();
  const title = t('home.title', { city: city?.name ?? t('header.cityFallback') });
  useDocumentTitle(title, { full: true });

  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{title}</h1>
        <p className="lead">{t('home.intro')}</p>
      </section>

      <DashboardSection />

      <section aria-labelledby="fields-title">
        <h2 id="fields-title">{t('home.fieldsTitle')}</h2>
        <ul className="cards">
          {FIELDS.map((field) => (
            <li key={field} className={`card card--${field}`}>
              <h3>{t(`home.fields.${field}.title`)}</h3>
              <p>{t(`home.fields.${field}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="more-title">
        <h2 id="more-title">{t('home.moreTitle')}</h2>
        <p>{t('home.moreText')}</p>
        <p>
          <Link to="/leichte-sprache">{t('home.easyLanguageLink')}</Link>
        </p>
      </section>
    </div>
  );
}
