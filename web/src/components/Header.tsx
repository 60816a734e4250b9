/**
 * Site header: city logo text and name from the API, main navigation and language switch.
 * On narrow screens the navigation collapses behind a disclosure button.
 */
import { useEffect, useId, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from './CityContext';
import { LanguageSwitch } from './LanguageSwitch';
import { readableTextOn } from '../lib/contrast';

function Logo() {
  const { city } = useCity();
  if (!city?.logoText) return null;
  const ink = readableTextOn(city.colours.primary);
  // Colours only apply when a readable text colour could be derived; otherwise the CSS default stays.
  const style = ink ? { backgroundColor: city.colours.primary, color: ink } : undefined;
  return (
    <span className="brand__logo" aria-hidden="true" style={style}>
      {city.logoText}
    </span>
  );
}

export function Header() {
  const { t } = useTranslation();
  const { city } = useCity();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navId = useId();

  // A followed link should not leave the small-screen menu covering the new page.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <Logo />
          <span className="brand__text">
            <span className="brand__product">Confluentes</span>
            <span className="brand__city">{city?.name ?? t('header.cityFallback')}</span>
          </span>
          <span className="visually-hidden"> – {t('header.home')}</span>
        </Link>
        <LanguageSwitch />
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls={navId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('header.menu')}
        </button>
        <nav id={navId} className={menuOpen ? 'main-nav main-nav--open' : 'main-nav'} aria-label={t('header.navLabel')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/verwaltungsleistungen">{t('nav.catalog')}</NavLink>
            </li>
            <li>
              <NavLink to="/projekte">{t('nav.projects')}</NavLink>
            </li>
            <li>
              <NavLink to="/schadensmelder">{t('nav.reports')}</NavLink>
            </li>
            <li>
              <NavLink to="/vereine">{t('nav.community')}</NavLink>
            </li>
            <li>
              <NavLink to="/opendata">{t('nav.opendata')}</NavLink>
            </li>
            <li>
              <NavLink to="/geoportal">{t('nav.geoportal')}</NavLink>
            </li>
            <li>
              <NavLink to="/staff">{t('nav.staff')}</NavLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
