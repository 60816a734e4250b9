/**
 * The page frame shared by every route: skip link, header, <main id="main">, footer.
 * After client-side navigation focus moves to <main>, so keyboard and screen-reader users
 * start reading the new page instead of staying on the link they activated.
 */
import { Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CityProvider } from './CityContext';
import { ErrorBoundary } from './ErrorBoundary';
import { Footer } from './Footer';
import { Header } from './Header';
import { Loading } from './Notice';
import i18n, { isLanguage } from '../i18n';

export function Layout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  // `?lang=en` also works on in-app links (e.g. "view page" in the content editor). Only a
  // changed URL applies it, so it never overrides a later click on the language switch.
  useEffect(() => {
    const lang = new URLSearchParams(search).get('lang');
    if (isLanguage(lang) && lang !== i18n.resolvedLanguage) void i18n.changeLanguage(lang);
  }, [search]);

  // Focus <main> ourselves: a bare fragment link also fires popstate, which the router turns into
  // a navigation, and whether the browser then moves focus to the target varies.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <CityProvider>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('shell.skipLink')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <Footer />
    </CityProvider>
  );
}
