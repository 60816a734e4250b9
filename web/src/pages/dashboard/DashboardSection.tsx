/** The "Smart City Dashboard" section of the start page: every tile from one request, kept live. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import './i18n';
import './dashboard.css';
import { TileCard } from './TileCard';
import { useDashboardTiles } from './useDashboardTiles';
import { useNow } from './useNow';

export function DashboardSection() {
  const { t } = useTranslation();
  const { tiles, error } = useDashboardTiles();
  const now = useNow();

  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <h2 id="dashboard-title">{t('dashboard.title')}</h2>
      <p>{t('dashboard.intro')}</p>
      <p>
        <Link to="/dashboard/leichte-sprache">{t('dashboard.easyRead')}</Link>
      </p>
      {error !== null && (
        <p role="alert" className="notice notice--error">
          {t('dashboard.failed')}
        </p>
      )}
      {!tiles && error === null && <p role="status">{t('dashboard.loading')}</p>}
      {tiles && (
        <ul className="dash-tiles">
          {tiles.map((tile) => (
            <TileCard key={tile.id} tile={tile} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
