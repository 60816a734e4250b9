import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from './CityContext';

/** The four legally required / service pages; their text is edited by admins in the back office. */
const LINKS = [
  { to: '/impressum', key: 'footer.impressum' },
  { to: '/datenschutz', key: 'footer.datenschutz' },
  { to: '/barrierefreiheit', key: 'footer.barrierefreiheit' },
  { to: '/leichte-sprache', key: 'footer.leichteSprache' },
] as const;

export function Footer() {
  const { t } = useTranslation();
  const { city } = useCity();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t('footer.navLabel')}>
          <ul>
            {LINKS.map((link) => (
              <li key={link.to}>
                <Link to={link.to}>{t(link.key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="site-footer__owner">{t('footer.owner', { city: city?.officialName ?? t('header.officialFallback') })}</p>
      </div>
    </footer>
  );
}
