/** Two toggle buttons; each is labelled in its own language so both groups of users find it. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage } from '../i18n';

const NAMES: Record<(typeof LANGUAGES)[number], string> = { de: 'Deutsch', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={active === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
