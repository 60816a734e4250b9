/**
 * One dashboard tile: the figure, its freshness, what it means, where it comes from and a small
 * table of its values. Stale and unavailable tiles are greyed AND say so in words.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { currentLanguage } from '../../i18n';
import { tileEmbedCode } from './embed';
import { cell, freshness, headline, subline } from './format';
import type { Tile } from './types';

/** Enough rows to show the shape; the details page has them all. */
const MAX_ROWS = 8;

/** `embedded`: shown in another site's iframe, where links open the platform in a new tab. */
export function TileCard({ tile, now, embedded = false }: { tile: Tile; now: number; embedded?: boolean }) {
  const { t } = useTranslation();
  const title = t(`dashboard.tiles.${tile.id}.title`);
  const headingId = `tile-${tile.id}`;
  const captionId = `tile-${tile.id}-table`;
  const rows = tile.rows.slice(0, MAX_ROWS);
  const lang = currentLanguage();
  const newTab = embedded ? { target: '_blank', rel: 'noopener' } : {};

  return (
    <li className={`dash-tile${tile.stale ? ' dash-tile--stale' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {tile.status !== 'ok' && (
        <p className="dash-tile__state">{t(tile.status === 'stale' ? 'dashboard.stale' : 'dashboard.unavailable')}</p>
      )}
      {tile.simulated && <p className="dash-tile__label">{t('dashboard.simulated')}</p>}
      {tile.demo && <p className="dash-tile__label">{t('dashboard.demo')}</p>}
      {tile.status !== 'unavailable' && (
        <>
          <p className="dash-tile__figure">
            <span className="dash-tile__value">{headline(tile)}</span>{' '}
            <span className="dash-tile__unit">{t(`dashboard.unit.${tile.unit}`)}</span>
          </p>
          <p className="dash-tile__sub">{subline(t, tile)}</p>
        </>
      )}
      <p className="dash-tile__fresh">
        {tile.updatedAt ? <time dateTime={tile.updatedAt}>{freshness(t, tile.updatedAt, now)}</time> : t('dashboard.noDate')}
      </p>
      <p>{tile.explanation[lang]}</p>
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table>
            <caption id={captionId}>{t('dashboard.tableCaption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.rowLabel')}</th>
                {tile.columns.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`dashboard.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.stale ? 'dash-row--stale' : undefined}>
                  <th scope="row">
                    {r.label ?? t(`dashboard.keys.${r.key}`, { defaultValue: r.key })}
                    {r.stale && <span className="dash-row__label"> ({t('dashboard.staleRow')})</span>}
                  </th>
                  {tile.columns.map((c) => (
                    <td key={c} className="num">
                      {cell(t, c, r.values[c] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tile.rows.length > MAX_ROWS && (
        <p className="dash-tile__more">{t('dashboard.moreRows', { shown: MAX_ROWS, total: tile.rows.length })}</p>
      )}
      <ul className="dash-tile__links">
        <li>
          <Link to={`/dashboard/${tile.id}`} {...newTab}>
            {t('dashboard.details', { title })}
          </Link>
        </li>
        <li>
          <Link to={`/opendata/${tile.source}`} {...newTab}>
            {t('dashboard.source', { title })}
          </Link>
        </li>
      </ul>
      {!embedded && <CopyButton text={tileEmbedCode(tile.id, title)} label={t('dashboard.embedCopy', { title })} />}
    </li>
  );
}
