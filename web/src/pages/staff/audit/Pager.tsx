import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

interface Props {
  offset: number;
  pageSize: number;
  total: number;
  onPage: (offset: number) => void;
}

export function Pager({ offset, pageSize, total, onPage }: Props) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className="pager" aria-label={t('staff.audit.paging')}>
      <p>{t('staff.audit.range', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(total) })}</p>
      <p className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={offset === 0}
          onClick={() => onPage(Math.max(0, offset - pageSize))}
        >
          {t('staff.audit.previous')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={last >= total}
          onClick={() => onPage(offset + pageSize)}
        >
          {t('staff.audit.next')}
        </button>
      </p>
    </nav>
  );
}
