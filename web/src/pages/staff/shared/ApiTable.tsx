/** Loads `{ items }` from an API path and shows it as a DataTable, with loading, error and a refresh button. */
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { DataTable, type DataColumn } from './DataTable';

interface Props<T extends { id: number }> {
  path: string;
  id: string;
  caption: string;
  empty: string;
  columns: DataColumn<T>[];
}

export function ApiTable<T extends { id: number }>({ path, ...table }: Props<T>) {
  const { t } = useTranslation();
  const list = useApi<{ items: T[] }>(path);
  return (
    <>
      <p>
        <button type="button" className="button button--secondary" onClick={list.reload}>
          {t('staffModules.reload')}
        </button>
      </p>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorNotice error={list.error} />
      {list.data ? <DataTable {...table} rows={list.data.items} rowKey={(x) => x.id} /> : null}
    </>
  );
}
