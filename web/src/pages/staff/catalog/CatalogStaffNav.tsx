/** Sub-navigation of the catalog back office: overview, new service, merges and splits. */
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import './i18n';

export function CatalogStaffNav() {
  const { t } = useTranslation();
  return (
    <nav className="catalog-nav" aria-label={t('catalog.staff.title')}>
      <ul>
        <li>
          <NavLink to="/staff/verwaltungsleistungen" end>
            {t('catalog.staff.overview')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/staff/verwaltungsleistungen/neu">{t('catalog.staff.newService')}</NavLink>
        </li>
        <li>
          <NavLink to="/staff/verwaltungsleistungen/umstrukturierung">{t('catalog.staff.restructure')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
