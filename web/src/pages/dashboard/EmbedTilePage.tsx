/**
 * One dashboard tile for other websites' iframes (/einbetten/kachel/<tile>): no header, footer or
 * login, live like on the start page. `?lang=en` chooses the language (the embed code sets it).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import i18n, { isLanguage } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import './i18n';
import './dashboard.css';
import { isTileId } from './series';
import { TileCard } from './TileCard';
import { useDashboardTiles } from './useDashboardTiles';
import { useNow } from './useNow';

export default function EmbedTilePage() {
  const { t } = useTranslation();
  const { tile: id } = useParams();
  const [params] = useSearchParams();
  const lang = params.get('lang');
  useEffect(() => {
    if (isLanguage(lang) && lang !== i18n.resolvedLanguage) void i18n.changeLanguage(lang);
  }, [lang]);
  const { tiles, error } = useDashboardTiles();
  const now = useNow();
  const tile = tiles?.find((x) => x.id === id);
  useDocumentTitle(isTileId(id) ? t(`dashboard.tiles.${id}.title`) : t('notFound.title'));

  return (
    <main className="dash-embed">
      {!isTileId(id) && <p role="alert">{t('notFound.title')}</p>}
      {isTileId(id) && error !== null && (
        <p role="alert" className="notice notice--error">
          {t('dashboard.failed')}
        </p>
      )}
      {isTileId(id) && !tiles && error === null && <p role="status">{t('dashboard.loading')}</p>}
      {tile && (
        <ul className="dash-tiles">
          <TileCard tile={tile} now={now} embedded />
        </ul>
      )}
    </main>
  );
}
