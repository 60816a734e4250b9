import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/CopyButton';

/** The one-time link an admin hands to the user; it is shown only once. */
export function EnrolmentLink({ id, url, intro }: { id: string; url: string; intro: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--success">
      <p>{intro}</p>
      <label htmlFor={id}>{t('staff.users.enrolmentLink')}</label>
      <input id={id} type="text" readOnly value={url} className="input--wide" onFocus={(e) => e.target.select()} />
      <p className="actions">
        <CopyButton text={url} label={t('staff.users.copyLink')} />
      </p>
    </div>
  );
}
