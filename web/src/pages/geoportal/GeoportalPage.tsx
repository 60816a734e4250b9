/** /geoportal: the GeoPortal map, the OGC API address for GIS users, and the permalink and embed code of the current view. */
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../components/CityContext';
import { CopyButton } from '../../components/CopyButton';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { GeoPortal } from './GeoPortal';
import './i18n';

export default function GeoportalPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('geoportal.title'));
  return (
    <div className="page">
      <h1>{t('geoportal.title')}</h1>
      <p className="lead">{t('geoportal.intro')}</p>
      <p>
        {t('geoportal.ogc')} <a href="/ogc">{`${window.location.origin}/ogc`}</a>
      </p>
      <GeoPortal />
      <ShareView />
    </div>
  );
}

/** The link to this view and the iframe code that shows it on another site (/einbetten/karte, no login). */
function ShareView() {
  const { t } = useTranslation();
  const { city } = useCity();
  const { search } = useLocation();
  const origin = window.location.origin;
  const link = `${origin}/geoportal${search}`;
  const embedUrl = `${origin}/einbetten/karte${search}`;
  const title = t('geoportal.embedTitle', { city: city?.name ?? '' });
  // The attribute values are escaped: the query string is the user's own, but it ends up in someone's HTML.
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const code = `<iframe src="${attr(embedUrl)}" title="${attr(title)}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
  return (
    <section className="geoportal__share" aria-labelledby="geoportal-share">
      <h2 id="geoportal-share">{t('geoportal.share.heading')}</h2>
      <p>{t('geoportal.share.intro')}</p>
      <div className="field">
        <label htmlFor="geoportal-link">{t('geoportal.share.link')}</label>
        <input id="geoportal-link" type="text" readOnly value={link} />
      </div>
      <CopyButton text={link} label={t('geoportal.share.copyLink')} />
      <div className="field">
        <label htmlFor="geoportal-embed">{t('geoportal.share.embed')}</label>
        <textarea id="geoportal-embed" readOnly rows={3} value={code} />
      </div>
      <CopyButton text={code} label={t('geoportal.share.copyEmbed')} />
    </section>
  );
}
