/** Two toggle buttons; each is labelled in its own language so both groups of users find it. */
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, type Language } from '../i18n';

const NAMES: Record<(typeof LANGUAGES)[number], string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  const location = useLocation();
  const navigate = useNavigate();

  function choose(lng: Language) {
    void i18n.changeLanguage(lng);
    // A `?lang=` in the address would bring the old language back on reload; drop it.
    const params = new URLSearchParams(location.search);
    if (params.has('lang')) {
      params.delete('lang');
      const search = params.toString();
      void navigate({ pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash }, { replace: true });
    }
  }
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" lang={lng} aria-pressed={active === lng} onClick={() => choose(lng)}>
          {NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
