/** Small labels and notices the parking and waste back-office pages share. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { ADMINS_ONLY } from './useCanWrite';
import './i18n';

/** Says that values are simulated, in words (never colour alone). */
export function SimulatedTag({ simulated }: { simulated: boolean }) {
  const { t } = useTranslation();
  return simulated ? <span className="tag">{t('staffModules.simulated')}</span> : null;
}

/** A time with its machine-readable value, or a dash (or `none`) when there is none. */
export function Time({ at, none }: { at: string | null; none?: string }) {
  const { t } = useTranslation();
  if (!at) return <>{none ?? t('staffModules.none')}</>;
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

export function ReadOnlyNotice({ module }: { module: string }) {
  const { t } = useTranslation();
  const text = module === ADMINS_ONLY ? t('staffModules.readOnlyAdmins') : t('staffModules.readOnly', { module });
  return <p className="notice notice--info">{text}</p>;
}

/** "stale" beside a time: the value is older than the module's freshness limit. */
export function StaleTag({ stale }: { stale: boolean }) {
  const { t } = useTranslation();
  return stale ? (
    <>
      {' '}
      <span className="tag tag--problem">{t('staffModules.stale')}</span>
    </>
  ) : null;
}
