/**
 * A captioned table inside its own scrolling region, so wide back-office tables never make the page
 * scroll sideways at 390px. The region is focusable and named by the caption, so keyboard users can
 * scroll it too.
 */
import type { ReactNode } from 'react';

export interface DataColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers align right so their digits line up. */
  numeric?: boolean;
  /** The first column names the row (<th scope="row">). */
  rowHeader?: boolean;
}

interface Props<T> {
  id: string;
  caption: ReactNode;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  empty: ReactNode;
}

export function DataTable<T>({ id, caption, columns, rows, rowKey, empty }: Props<T>) {
  if (!rows.length) return <p>{empty}</p>;
  const captionId = `${id}-caption`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table id={id}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
