/**
 * /einbetten/karte: the GeoPortal map for iframes on other sites — no header, footer or login, the
 * same URL state as /geoportal. The only page besides other /einbetten/ pages that other sites may
 * frame (CSP frame-ancestors, see docs/ARCHITECTURE.md).
 */
import { Suspense } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CityProvider, useCity } from '../../components/CityContext';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Notice';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { GeoPortal } from './GeoPortal';
import './i18n';

export default function EmbedMapPage() {
  return (
    <CityProvider>
      <main id="main" className="geoportal-embed">
        <ErrorBoundary resetKey="embed">
          <Suspense fallback={<Loading />}>
            <EmbeddedMap />
          </Suspense>
        </ErrorBoundary>
      </main>
    </CityProvider>
  );
}

function EmbeddedMap() {
  const { t } = useTranslation();
  const { city } = useCity();
  const { search } = useLocation();
  const title = t('geoportal.embedTitle', { city: city?.name ?? '' });
  useDocumentTitle(title);
  return (
    <>
      <div className="geoportal-embed__head">
        <h1>{title}</h1>
        <a href={`/geoportal${search}`} target="_blank" rel="noopener">
          {t('geoportal.openFull')}
        </a>
      </div>
      <GeoPortal embedded />
    </>
  );
}
