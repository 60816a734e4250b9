/** Pieces every catalog page uses: status badge, demo notice, sub-navigation, date and submit controls. */
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Status } from './types';
import './i18n';
import './catalog.css';

export function StatusBadge({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  if (!status) return <span className="status-badge status-badge--none">–</span>;
  return <span className={`status-badge status-badge--${status}`}>{t(`catalog.status.${status}`)}</span>;
}

export function DemoNotice({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="notice notice--info" role="note">
      {t('catalog.demo')}
    </p>
  );
}

export function CatalogNav() {
  const { t } = useTranslation();
  return (
    <nav className="catalog-nav" aria-label={t('catalog.title')}>
      <ul>
        <li>
          <NavLink to="/verwaltungsleistungen" end>
            {t('catalog.nav.list')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/verwaltungsleistungen/kennzahlen">{t('catalog.nav.kpis')}</NavLink>
        </li>
        <li>
          <NavLink to="/verwaltungsleistungen/ausschusstabelle">{t('catalog.nav.report')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** "+3", "−2", "±0" as the committee table writes changes. */
export function signed(n: number | null): string {
  if (n === null) return '';
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '±0';
}

/** Today in Koblenz as YYYY-MM-DD (the default for date inputs). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
}

/** A date up to today, labelled (the "as of" and comparison dates of the KPI and report pages). */
export function PastDateInput({
  id,
  label,
  value,
  onChange,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" required={required} value={value} max={todayIso()} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The submit button row of the catalog's filter forms. */
export function SubmitRow({ label }: { label: string }) {
  return (
    <div className="actions">
      <button className="button" type="submit">
        {label}
      </button>
    </div>
  );
}
