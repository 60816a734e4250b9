/** Breadcrumb for the admin pages, so there is always a way back to the staff overview. */
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

const PAGES: Record<string, string> = {
  '/staff/users': 'staff.users.title',
  '/staff/audit': 'staff.audit.title',
  '/staff/content': 'staff.content.title',
};

export function StaffBreadcrumb() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const key = PAGES[pathname.replace(/\/+$/, '')];
  if (!key) return null;
  return (
    <nav className="breadcrumb" aria-label={t('staff.breadcrumb')}>
      <ol>
        <li>
          <Link to="/staff">{t('staff.home.short')}</Link>
        </li>
        <li>
          <span aria-current="page">{t(key)}</span>
        </li>
      </ol>
    </nav>
  );
}
