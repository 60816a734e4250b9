/** The iframe code of a tile's embed (/einbetten/kachel/<tile>), in the page's language. */
import { currentLanguage } from '../../i18n';
import type { TileId } from './types';

export function tileEmbedCode(id: TileId, title: string): string {
  const src = `${window.location.origin}/einbetten/kachel/${id}?lang=${currentLanguage()}`;
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${src}" title="${escaped}" width="380" height="520" style="border:0" loading="lazy"></iframe>`;
}
